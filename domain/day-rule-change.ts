/**
 * How a change of a group's day rule (timezone and day-start hour, set on 群设置) takes effect without
 * touching a check-in already made.
 *
 * Check-in ids and streaks are keyed by the group day (`<groupId>:<openid>:<YYYY-MM-DD>`), so the day rule is
 * never changed in the middle of a day. A saved change takes effect at the start of the next group day
 * (`fromDay`) that begins at least `MIN_DAY_RULE_NOTICE_MS` after the save: that day begins when the old rule
 * says and ends when the new rule's next day begins, and from then on the new rule counts. Today, and every
 * day before, stay as they were; no day is skipped or counted twice, so streaks run on across the switch.
 * The transition day may be longer or shorter than 24 hours (day start 00:00 → 04:00: 28 hours; New York →
 * Shanghai: 11 hours, as the clocks jump 13 hours ahead); a change that would leave it shorter than
 * `MIN_TRANSITION_DAY_MS` (only jumps across the date line) would drop a date and is refused. A change not yet in effect
 * may be changed again or undone; while a transition day runs, the rule cannot change (a typed refusal).
 *
 * @example
 *   planDayRuleChange(dayRuleOf(group), { timezone: 'Asia/Shanghai', dayStartHour: 4 }, now)
 *   // → { kind: 'planned', change: { fromDay: '2026-12-01', at: '2026-11-30T16:00:00.000Z', before: {…} }, endsAt: Date(2026-12-01T20:00Z), hours: 28 }
 */
import { shiftDay, todayKey, type DayRule, type DayRuleChange } from './days'
import { dayStart } from './tally'

/** A change of the day rule counts no sooner than this after the save (instances re-read the rule meanwhile). */
export const MIN_DAY_RULE_NOTICE_MS = 60 * 60_000
/** The day on which a new rule takes over is never shorter than this. */
export const MIN_TRANSITION_DAY_MS = 2 * 60 * 60_000

export interface PlainDayRule {
  timezone: string
  dayStartHour: number
}

export type DayRulePlan =
  /** Nothing to change. */
  | { kind: 'unchanged' }
  /** A change not yet in effect was undone: the rule stays as it was (`stored` without a change). */
  | { kind: 'cancelled'; stored: PlainDayRule }
  | { kind: 'planned'; stored: PlainDayRule; change: DayRuleChange; endsAt: Date; hours: number }
  /** A transition day is running: no change until it ends. */
  | { kind: 'inTransition'; endsAt: Date }
  /** The new rule is so far ahead that a date would vanish (across the date line). */
  | { kind: 'skipsDay' }

function sameRule(a: PlainDayRule, b: PlainDayRule): boolean {
  return a.timezone === b.timezone && a.dayStartHour === b.dayStartHour
}

/** How changing `current` to `next` at `now` takes effect (see the module comment). */
export function planDayRuleChange(current: DayRule, next: PlainDayRule, now: Date): DayRulePlan {
  const change = current.change
  const pending = change !== undefined && now.getTime() < Date.parse(change.at)
  if (change && !pending) {
    const transitionEnd = dayStart(shiftDay(change.fromDay, 1), current)
    if (now < transitionEnd) {
      return sameRule(current, next) ? { kind: 'unchanged' } : { kind: 'inTransition', endsAt: transitionEnd }
    }
  }
  // What counts now: the old rule of a change not yet in effect, else the current rule.
  const counting: PlainDayRule = pending ? change!.before : { timezone: current.timezone, dayStartHour: current.dayStartHour }
  if (sameRule(counting, next)) return pending ? { kind: 'cancelled', stored: counting } : { kind: 'unchanged' }
  if (pending && sameRule(current, next)) return { kind: 'unchanged' }
  const before: DayRule = { ...counting }
  const after: DayRule = { ...next }
  const today = todayKey(now, before)
  for (let ahead = 1; ahead <= 3; ahead++) {
    const fromDay = shiftDay(today, ahead)
    const at = dayStart(fromDay, before)
    if (at.getTime() - now.getTime() < MIN_DAY_RULE_NOTICE_MS) continue
    const endsAt = dayStart(shiftDay(fromDay, 1), after)
    const length = endsAt.getTime() - at.getTime()
    if (length < MIN_TRANSITION_DAY_MS) return { kind: 'skipsDay' }
    return {
      kind: 'planned',
      stored: next,
      change: { fromDay, at: at.toISOString(), before: counting },
      endsAt,
      hours: Math.round(length / 360_000) / 10,
    }
  }
  // Unreachable: a day boundary comes every 23 to 25 hours.
  throw new Error('no day boundary found for the day-rule change')
}
