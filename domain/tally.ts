/**
 * The nightly tally (日终结算): after a group's day ends (its timezone and day-start hour), the `tally` timer
 * closes it — a per-group daily stats document `dailyStats/<groupId>:<day>` (members, check-ins and rate,
 * active members, new members, applications received and decided, lottery entries), streak breaks (the
 * `streak` counter of members whose run ended the day before set to 0) and inactivity flags (members whose
 * last active day is exactly N days back get `inactiveFrom`). Its reads are that day's facts only (check-ins
 * done that day, the day's joins, applications, the members whose run or activity ends there), never history.
 *
 * The stats document is created last with its deterministic id: a day whose document exists is closed and is
 * never recomputed, so running the tally twice changes nothing. `talliedThrough` on the group says how far it
 * got; a missed night is closed on the next run, at most `MAX_TALLY_CATCH_UP_DAYS` back.
 *
 * @example
 *   dailyStatsId('g1', '2026-11-23')          // 'g1:2026-11-23'
 *   daysToClose('2026-11-20', '2026-11-24')   // ['2026-11-21', '2026-11-22', '2026-11-23'] (today is still open)
 */
import { dayKeyAt, localInstant, shiftDay, type DayRule } from './days'

export const MAX_TALLY_CATCH_UP_DAYS = 35

export interface DailyStatsDoc {
  _id: string
  groupId: string
  day: string
  /** The member count when the day was closed. */
  members: number
  /** Regular check-ins of the day (make-ups of it done later are not counted: the document never changes). */
  checkedIn: number
  /** checkedIn / members (0 without members), rounded to 4 decimals. */
  rate: number
  /** Distinct members who checked in or made up a day during the day. */
  activeMembers: number
  newMembers: number
  applicationsReceived: number
  applicationsDecided: number
  /** Lottery entries made during the day (a count of `lotteryEntries` by `groupId` and `enteredAt`). */
  lotteryEntries: number
  streakBreaks: number
  newlyInactive: number
  /** Check-ins that claimed the day's task when none was published then (unlinked, their bonus taken back). */
  tasksUnlinked: number
  closedAt: string
}

export function dailyStatsId(groupId: string, day: string): string {
  return `${groupId}:${day}`
}

export function checkinRate(checkedIn: number, members: number): number {
  return members > 0 ? Math.round((checkedIn / members) * 10000) / 10000 : 0
}

/**
 * The ended days to close on `today`: from the day after `talliedThrough` (or yesterday, before the first run)
 * up to yesterday, at most `MAX_TALLY_CATCH_UP_DAYS` of them, never before `firstDay` (the group's first day).
 */
export function daysToClose(talliedThrough: string | undefined, today: string, firstDay?: string): string[] {
  const last = shiftDay(today, -1)
  let from = talliedThrough ? shiftDay(talliedThrough, 1) : last
  const earliest = shiftDay(last, -(MAX_TALLY_CATCH_UP_DAYS - 1))
  if (from < earliest) from = earliest
  if (firstDay && from < firstDay) from = firstDay
  const days: string[] = []
  for (let day = from; day <= last; day = shiftDay(day, 1)) days.push(day)
  return days
}

const MINUTE_MS = 60_000

/** The first instant whose check-in day is `day` (minute-exact, DST switches included). */
export function dayStart(day: string, rule: DayRule): Date {
  const guess = localInstant(day, `${String(rule.dayStartHour).padStart(2, '0')}:00`, rule.timezone).getTime()
  // The first minute in [guess − 4 h, guess + 4 h] whose day is `day` or later: offsets change on whole minutes.
  let low = Math.floor(guess / MINUTE_MS) - 240
  let high = Math.floor(guess / MINUTE_MS) + 240
  while (low < high) {
    const mid = Math.floor((low + high) / 2)
    if (dayKeyAt(new Date(mid * MINUTE_MS), rule.timezone, rule.dayStartHour) >= day) high = mid
    else low = mid + 1
  }
  return new Date(low * MINUTE_MS)
}

/** `[start, end)` of a check-in day as instants. */
export function dayBounds(day: string, rule: DayRule): { start: Date; end: Date } {
  return { start: dayStart(day, rule), end: dayStart(shiftDay(day, 1), rule) }
}
