/**
 * A group's time zone as the admin pages say it: the Chinese name of a common zone (`COMMON_TIMEZONES`), the
 * IANA name for any other. Shared by the group settings (picker, confirmations) and the lottery form's hint.
 *
 * @example
 *   zoneName('Asia/Shanghai')     // '北京时间'
 *   zoneLabel('Asia/Shanghai')    // '北京时间 · Asia/Shanghai'
 *   zoneName('America/Lima')      // 'America/Lima'
 */
import { COMMON_TIMEZONES } from '../../../domain/group-settings'
import { t } from '../../../i18n/strings'

const ZONE_NAMES: Record<string, string> = Object.fromEntries(COMMON_TIMEZONES.map((zone) => [zone, t(`groupSettings.zone.${zone}`)]))

/** The zone's short name in sentences: 北京时间, 纽约, or the IANA name. */
export function zoneName(zone: string): string {
  return ZONE_NAMES[zone] ?? zone
}

/** The zone in the picker: its name and IANA name, or the IANA name alone. */
export function zoneLabel(zone: string): string {
  const name = ZONE_NAMES[zone]
  return name ? `${name} · ${zone}` : zone
}
