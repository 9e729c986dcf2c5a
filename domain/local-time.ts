/**
 * What the app shows of times and months, without dayjs: an instant's wall-clock time in a group's timezone
 * (or the phone's), and the calendar of a month. `domain/days.ts` (dayjs, utc + timezone plugins) stays the
 * server's date math; this module gives the pages the same answers on `Intl` and plain UTC `Date` arithmetic,
 * so the main package every visitor downloads does not carry dayjs and its plugins (about 11 KiB minified).
 * `test/domain/local-time.test.ts` checks every function against its `days.ts` / dayjs twin on random inputs.
 *
 * Support: dayjs' timezone plugin itself formats through `Intl.DateTimeFormat(…, { timeZone }).formatToParts`,
 * so these functions need nothing from the phone that the pages did not need before.
 *
 * @example
 *   formatLocal('2026-11-22T18:30:00Z', 'Asia/Shanghai')                // '11-23 02:30'
 *   formatLocal('2026-11-22T18:30:00Z', 'Asia/Shanghai', 'YYYY-MM-DD')  // '2026-11-23'
 *   formatPhoneLocal('2026-11-22T18:30:00Z')                            // in the phone's timezone
 *   daysInMonth('2028-02')                                              // 29
 */

/** The formats the app shows; each token is zero-padded as dayjs writes it. */
export type LocalFormat = 'MM-DD HH:mm' | 'HH:mm' | 'YYYY-MM-DD' | 'YYYY-MM-DD HH:mm'

interface WallClock {
  YYYY: string
  MM: string
  DD: string
  HH: string
  mm: string
}

/** One formatter per timezone (`''`: the phone's own); building one is the expensive part. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>()

function formatter(timezoneName: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timezoneName)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...(timezoneName ? { timeZone: timezoneName } : {}),
      hour12: false,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
    FORMATTERS.set(timezoneName, format)
  }
  return format
}

function wallClock(instant: Date, timezoneName: string): WallClock {
  const clock: WallClock = { YYYY: '', MM: '', DD: '', HH: '', mm: '' }
  for (const part of formatter(timezoneName).formatToParts(instant)) {
    if (part.type === 'year') clock.YYYY = part.value.padStart(4, '0')
    else if (part.type === 'month') clock.MM = part.value
    else if (part.type === 'day') clock.DD = part.value
    // Some engines write midnight as 24 with hour12: false.
    else if (part.type === 'hour') clock.HH = String(Number(part.value) % 24).padStart(2, '0')
    else if (part.type === 'minute') clock.mm = part.value
  }
  return clock
}

function render(instant: string | Date, timezoneName: string, format: LocalFormat): string {
  const date = instant instanceof Date ? instant : new Date(instant)
  if (Number.isNaN(date.getTime())) return 'Invalid Date'
  const clock = wallClock(date, timezoneName)
  return format.replace(/YYYY|MM|DD|HH|mm/g, (token) => clock[token as keyof WallClock])
}

/** An instant as the group's members read it, e.g. '11-23 08:00' (views carry the group's `timezone`). */
export function formatLocal(instant: string | Date, timezoneName: string, format: LocalFormat = 'MM-DD HH:mm'): string {
  return render(instant, timezoneName, format)
}

/** An instant in the phone's own timezone (the inbox spans groups). */
export function formatPhoneLocal(instant: string | Date, format: LocalFormat = 'MM-DD HH:mm'): string {
  return render(instant, '', format)
}

/** The UTC midnight of the first day of a 'YYYY-MM' month. */
function firstOfMonth(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1))
}

function dayKeyOfUtc(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
}

/** The day key of day-of-month `date` in `month` ('YYYY-MM'); past the month's end it rolls over, as dayjs does. */
export function dayInMonth(month: string, date: number): string {
  const day = firstOfMonth(month)
  day.setUTCDate(date)
  return dayKeyOfUtc(day)
}

export function daysInMonth(month: string): number {
  const day = firstOfMonth(month)
  day.setUTCMonth(day.getUTCMonth() + 1, 0)
  return day.getUTCDate()
}

/** Weekday of the month's first day, 0 = Sunday (for laying out a calendar grid). */
export function firstWeekdayOfMonth(month: string): number {
  return firstOfMonth(month).getUTCDay()
}
