/**
 * Pure helpers of the group settings page (tested in utils.test.ts): the timezone choices (common zones
 * first, then every zone the phone knows matching the search), hour labels, and whether a form changes the
 * day rule (then the page asks before saving).
 *
 * @example
 *   timezoneChoices('york', 'Asia/Shanghai', ['America/New_York'])   // ['America/New_York']
 *   hourLabel(4)                                                      // '04:00'
 */
import { COMMON_TIMEZONES } from '../../../../../domain/group-settings'

/** At most this many zones in the picker at once (type to narrow). */
export const MAX_TIMEZONE_CHOICES = 60

/** Every zone the phone's Intl knows (`Intl.supportedValuesOf`), or the common ones where it cannot say. */
export function knownTimezones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf
  try {
    return supported ? supported('timeZone') : [...COMMON_TIMEZONES]
  } catch {
    return [...COMMON_TIMEZONES]
  }
}

/** The zones to offer: without a search, the common ones (and the current one); with one, every known zone containing it. */
export function timezoneChoices(search: string, current: string, all: string[] = knownTimezones()): string[] {
  const query = search.trim().toLowerCase().replace(/\s+/g, '_')
  if (query === '') return COMMON_TIMEZONES.includes(current as (typeof COMMON_TIMEZONES)[number]) ? [...COMMON_TIMEZONES] : [current, ...COMMON_TIMEZONES]
  const pool = [...new Set([...COMMON_TIMEZONES, ...all])]
  return pool.filter((zone) => zone.toLowerCase().includes(query)).slice(0, MAX_TIMEZONE_CHOICES)
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}

export const HOURS = Array.from({ length: 24 }, (_, hour) => hour)

export function dayRuleChanged(form: { timezone: string; dayStartHour: number }, saved: { timezone: string; dayStartHour: number }): boolean {
  return form.timezone !== saved.timezone || form.dayStartHour !== saved.dayStartHour
}
