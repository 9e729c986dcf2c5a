/**
 * The month grid of the check-in calendar: weeks of seven cells starting on Monday, blanks before the
 * first and after the last day, each day marked checked / make-up / today.
 *
 * @example
 *   monthGrid('2026-11', [{ day: '2026-11-02', makeUp: false }], '2026-11-23')[0]
 *   // [blank×6, { day: '2026-11-01', date: 1, checked: false, makeUp: false, today: false }]
 */
import { dayInMonth, daysInMonth, firstWeekdayOfMonth } from '../../../domain/local-time'

export interface CalendarCell {
  day: string
  date: number
  checked: boolean
  makeUp: boolean
  today: boolean
}

export type CalendarRow = Array<CalendarCell | null>

export function monthGrid(month: string, checkedDays: Array<{ day: string; makeUp: boolean }>, today: string): CalendarRow[] {
  const checked = new Map(checkedDays.map((d) => [d.day, d.makeUp]))
  // Monday first: Sunday (0) goes to the end.
  const leading = (firstWeekdayOfMonth(month) + 6) % 7
  const cells: Array<CalendarCell | null> = Array.from({ length: leading }, () => null)
  for (let date = 1; date <= daysInMonth(month); date++) {
    const day = dayInMonth(month, date)
    cells.push({ day, date, checked: checked.has(day), makeUp: checked.get(day) === true, today: day === today })
  }
  while (cells.length % 7 !== 0) cells.push(null)
  const rows: CalendarRow[] = []
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7))
  return rows
}

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日']

/** The month `delta` months from `month` (YYYY-MM), across year ends. */
export function shiftMonthKey(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The day `delta` days from `day` (YYYY-MM-DD), across month and year ends (UTC calendar arithmetic, no timezone). */
export function shiftDayKey(day: string, delta: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + delta))
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
}

/** The month (YYYY-MM) of a day key. */
export function monthOfDayKey(day: string): string {
  return day.slice(0, 7)
}
