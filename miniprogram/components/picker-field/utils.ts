/**
 * What a date or time field shows: a day with its weekday (2026-11-24 周二), a time as it is, a hint when empty.
 *
 * @example
 *   pickerText('date', '2026-11-24')  // '2026-11-24 周二'
 *   pickerText('time', '08:00')       // '08:00'
 *   pickerText('date', '')            // '请选择'
 */
import { t } from '../../../i18n/strings'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export function pickerText(mode: 'date' | 'time', value: string): string {
  if (value === '') return t('picker.choose')
  if (mode === 'time') return value
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return value
  // A calendar day, not an instant: its weekday does not depend on any timezone.
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay()
  return `${value} ${t('picker.weekday', { day: WEEKDAYS[weekday] })}`
}
