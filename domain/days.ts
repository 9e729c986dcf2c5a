/**
 * Check-in days: which calendar day ("YYYY-MM-DD") an instant belongs to in a group's timezone, with an
 * optional day-start hour, and plain calendar arithmetic on such day keys. All date math is dayjs
 * (utc + timezone plugins). Day keys are calendar dates with no time of day, so adding or comparing them
 * is done on UTC midnights, where no DST switch can add or drop an hour.
 *
 * @example
 *   dayKeyAt(new Date('2026-11-22T18:30:00Z'), 'Asia/Shanghai')     // '2026-11-23' (02:30 local)
 *   dayKeyAt(new Date('2026-11-22T18:30:00Z'), 'Asia/Shanghai', 4)  // '2026-11-22' (before 04:00 counts for the day before)
 *   shiftDay('2026-12-31', 1)                                        // '2027-01-01'
 *   localInstant('2026-03-08', '08:00', 'America/New_York')          // 2026-03-08T12:00:00Z (EDT, UTC-4)
 */
import dayjs from './dayjs'
import { DEFAULT_TIMEZONE, type GroupDoc } from './group'

export const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/
export const MONTH_KEY_PATTERN = /^\d{4}-\d{2}$/
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/

export const DEFAULT_DAY_START_HOUR = 0
export const DEFAULT_TASK_PUBLISH_TIME = '08:00'

/** How a group counts days. */
export interface DayRule {
  timezone: string
  dayStartHour: number
  /**
   * The latest change of the rule (`domain/day-rule-change.ts` plans it): until `at`, days are counted by
   * `before`; from `at`, by this rule, but never earlier than `fromDay` (the day that starts at `at` under the
   * old rule and ends at the new rule's next day start). So no day is skipped or counted twice.
   */
  change?: DayRuleChange
}

/** A planned (or past) switch from one day rule to the next; stored on the group as `dayRuleChange`. */
export interface DayRuleChange {
  fromDay: string
  /** ISO instant the old rule's `fromDay` begins: the switch. */
  at: string
  before: { timezone: string; dayStartHour: number }
}

export function dayRuleOf(group: Pick<GroupDoc, 'timezone' | 'dayStartHour' | 'dayRuleChange'>): DayRule {
  const hour = group.dayStartHour
  const rule: DayRule = {
    timezone: group.timezone || DEFAULT_TIMEZONE,
    dayStartHour: validHour(hour) ? hour : DEFAULT_DAY_START_HOUR,
  }
  const change = group.dayRuleChange
  if (change && DAY_KEY_PATTERN.test(change.fromDay) && !Number.isNaN(Date.parse(change.at)) && change.before && validHour(change.before.dayStartHour)) {
    rule.change = { fromDay: change.fromDay, at: change.at, before: { timezone: change.before.timezone || DEFAULT_TIMEZONE, dayStartHour: change.before.dayStartHour } }
  }
  return rule
}

function validHour(hour: unknown): hour is number {
  return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23
}

/** The check-in day `instant` falls on: the local calendar date, or the one before when earlier than the day-start hour. */
export function dayKeyAt(instant: Date, timezoneName: string, dayStartHour = DEFAULT_DAY_START_HOUR): string {
  const { calendarDay, hour } = localDayAndHour(instant, timezoneName)
  return hour < dayStartHour ? shiftDay(calendarDay, -1) : calendarDay
}

/**
 * One formatter per timezone: the same Intl lookup dayjs' timezone plugin makes, without building a new
 * formatter and a dayjs object per call (every request asks which day it is).
 */
const DAY_AND_HOUR_FORMATS = new Map<string, Intl.DateTimeFormat>()
/** The last answer per timezone and the whole minute it holds for: offsets change only on whole minutes. */
const LAST_DAY_AND_HOUR = new Map<string, { minute: number; calendarDay: string; hour: number }>()
const MINUTE_MS = 60_000

function localDayAndHour(instant: Date, timezoneName: string): { calendarDay: string; hour: number } {
  const minute = Math.floor(instant.getTime() / MINUTE_MS)
  const last = LAST_DAY_AND_HOUR.get(timezoneName)
  if (last && last.minute === minute) return last
  const computed = formatDayAndHour(instant, timezoneName)
  if (Number.isFinite(minute)) LAST_DAY_AND_HOUR.set(timezoneName, { minute, ...computed })
  return computed
}

function formatDayAndHour(instant: Date, timezoneName: string): { calendarDay: string; hour: number } {
  let format = DAY_AND_HOUR_FORMATS.get(timezoneName)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezoneName, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' })
    DAY_AND_HOUR_FORMATS.set(timezoneName, format)
  }
  let year = '', month = '', day = '', hour = 0
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'year') year = part.value.padStart(4, '0')
    else if (part.type === 'month') month = part.value
    else if (part.type === 'day') day = part.value
    // Some engines write midnight as 24 with hour12: false.
    else if (part.type === 'hour') hour = Number(part.value) % 24
  }
  return { calendarDay: `${year}-${month}-${day}`, hour }
}

/** The group day `now` falls on under `rule`, its latest change included (see `DayRule.change`). */
export function todayKey(now: Date, rule: DayRule): string {
  const change = rule.change
  if (!change) return dayKeyAt(now, rule.timezone, rule.dayStartHour)
  if (now.getTime() < Date.parse(change.at)) return dayKeyAt(now, change.before.timezone, change.before.dayStartHour)
  const key = dayKeyAt(now, rule.timezone, rule.dayStartHour)
  return key < change.fromDay ? change.fromDay : key
}

/** The instant a wall-clock time (`HH:mm`) on `day` happens in `timezoneName`. */
export function localInstant(day: string, time: string, timezoneName: string): Date {
  return dayjs.tz(`${day} ${time}`, timezoneName).toDate()
}

/** `day` moved by `days` calendar days. */
export function shiftDay(day: string, days: number): string {
  const midnight = utcMidnight(day)
  if (!midnight) return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD')
  midnight.setUTCDate(midnight.getUTCDate() + days)
  return dayKeyOfUtc(midnight)
}

/**
 * The UTC midnight of a plain `YYYY-MM-DD` key with a four-digit year ≥ 1000 (dates roll over as in dayjs:
 * 02-30 is 03-02), or null for anything else, which the callers hand to dayjs. Plain Date arithmetic: check-in
 * views shift days dozens of times per request, and a dayjs object per shift was a visible cost.
 */
function utcMidnight(day: string): Date | null {
  if (day.length !== 10 || !DAY_KEY_PATTERN.test(day) || day < '1000') return null
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))))
}

function dayKeyOfUtc(date: Date): string {
  const year = date.getUTCFullYear()
  if (year < 1000 || year > 9999) return dayjs.utc(date).format('YYYY-MM-DD')
  const month = date.getUTCMonth() + 1
  const dayOfMonth = date.getUTCDate()
  return `${year}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  // Two UTC midnights are whole days apart: plain arithmetic (every streak in a check-in answer asks).
  const start = utcMidnight(from)
  const end = start ? utcMidnight(to) : null
  if (!start || !end) return dayjs.utc(to).diff(dayjs.utc(from), 'day')
  return Math.round((end.getTime() - start.getTime()) / 86_400_000)
}

/** 'YYYY-MM' of a day key. */
export function monthOf(day: string): string {
  const midnight = utcMidnight(day)
  const year = midnight?.getUTCFullYear() ?? 0
  return midnight && year <= 9999 ? dayKeyOfUtc(midnight).slice(0, 7) : dayjs.utc(day).format('YYYY-MM')
}

/** Day of the month (1–31) of a day key. */
export function dayOfMonth(day: string): number {
  return utcMidnight(day)?.getUTCDate() ?? dayjs.utc(day).date()
}

/** The day key of day-of-month `date` in `month` ('YYYY-MM'). */
export function dayInMonth(month: string, date: number): string {
  // Plain Date arithmetic for the usual case (the check-in overview lists up to 31 days per request).
  const midnight = Number.isInteger(date) && date >= 1 && date <= 31 ? utcMidnight(`${month}-01`) : null
  if (!midnight) return dayjs.utc(`${month}-01`).date(date).format('YYYY-MM-DD')
  midnight.setUTCDate(date)
  return dayKeyOfUtc(midnight)
}

export function daysInMonth(month: string): number {
  return dayjs.utc(`${month}-01`).daysInMonth()
}

/** Weekday of the month's first day, 0 = Sunday (for laying out a calendar grid). */
export function firstWeekdayOfMonth(month: string): number {
  return dayjs.utc(`${month}-01`).day()
}

/** True when `value` is a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidDayKey(value: string): boolean {
  return DAY_KEY_PATTERN.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value
}

/** The local wall-clock time `HH:mm` of `instant` in `timezoneName`. */
export function localTimeOfDay(instant: Date, timezoneName: string): string {
  return dayjs(instant).tz(timezoneName).format('HH:mm')
}

/** A short local display of an instant, e.g. '11-23 08:00'. */
export function formatLocal(instant: string | Date, timezoneName: string, format = 'MM-DD HH:mm'): string {
  return dayjs(instant).tz(timezoneName).format(format)
}
