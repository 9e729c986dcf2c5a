/**
 * Planning a change of the day rule: it takes effect at a day boundary at least an hour away, the day it takes
 * over begins by the old rule and ends by the new one, no day is skipped or counted twice (DST in New York
 * included), a pending change can be undone or replaced, a running transition day refuses another change.
 */
import { dayRuleOf, shiftDay, todayKey, type DayRule } from '../../domain/days'
import { MIN_DAY_RULE_NOTICE_MS, planDayRuleChange } from '../../domain/day-rule-change'
import { isKnownTimezone } from '../../domain/group-settings'
import { dayBounds } from '../../domain/tally'

const SHANGHAI: DayRule = { timezone: 'Asia/Shanghai', dayStartHour: 0 }

/** The rule stored after a planned change (as the group document holds it). */
function applied(current: DayRule, next: { timezone: string; dayStartHour: number }, now: Date): DayRule {
  const plan = planDayRuleChange(current, next, now)
  if (plan.kind !== 'planned') throw new Error(`expected a plan, got ${plan.kind}`)
  return dayRuleOf({ timezone: plan.stored.timezone, dayStartHour: plan.stored.dayStartHour, dayRuleChange: plan.change })
}

/** The day keys every 10 minutes across [from, to): each step stays or moves by exactly one day. */
function walk(rule: DayRule, from: string, to: string): string[] {
  const days: string[] = []
  for (let at = Date.parse(from); at < Date.parse(to); at += 10 * 60_000) {
    const day = todayKey(new Date(at), rule)
    const last = days[days.length - 1]
    if (last !== day) {
      if (last !== undefined) expect(day).toBe(shiftDay(last, 1))
      days.push(day)
    }
  }
  return days
}

describe('planning a change of the day rule', () => {
  it('day start 00:00 → 04:00: today stays, tomorrow is the 28-hour transition day, then days start at 04:00', () => {
    const now = new Date('2026-11-30T10:00:00+08:00')
    const plan = planDayRuleChange(SHANGHAI, { timezone: 'Asia/Shanghai', dayStartHour: 4 }, now)
    expect(plan).toMatchObject({ kind: 'planned', change: { fromDay: '2026-12-01', at: '2026-11-30T16:00:00.000Z' }, hours: 28 })
    const rule = applied(SHANGHAI, { timezone: 'Asia/Shanghai', dayStartHour: 4 }, now)
    // Today and every instant before the switch: as before.
    expect(todayKey(new Date('2026-11-30T23:59:00+08:00'), rule)).toBe('2026-11-30')
    expect(todayKey(new Date('2026-11-30T02:00:00+08:00'), rule)).toBe('2026-11-30')
    // The transition day runs from 00:00 on 12-01 to 04:00 on 12-02.
    expect(todayKey(new Date('2026-12-01T00:00:00+08:00'), rule)).toBe('2026-12-01')
    expect(todayKey(new Date('2026-12-02T03:59:00+08:00'), rule)).toBe('2026-12-01')
    expect(todayKey(new Date('2026-12-02T04:00:00+08:00'), rule)).toBe('2026-12-02')
    expect(todayKey(new Date('2026-12-03T03:00:00+08:00'), rule)).toBe('2026-12-02')
    expect(dayBounds('2026-12-01', rule)).toEqual({ start: new Date('2026-11-30T16:00:00Z'), end: new Date('2026-12-01T20:00:00Z') })
    expect(walk(rule, '2026-11-29T00:00:00Z', '2026-12-05T00:00:00Z')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'])
  })

  it('less than an hour before the next day starts, the change waits for the day after', () => {
    const now = new Date(Date.parse('2026-12-01T00:00:00+08:00') - MIN_DAY_RULE_NOTICE_MS + 60_000)
    const plan = planDayRuleChange(SHANGHAI, { timezone: 'Asia/Shanghai', dayStartHour: 4 }, now)
    expect(plan).toMatchObject({ kind: 'planned', change: { fromDay: '2026-12-02' } })
  })

  it('Shanghai → New York across the March DST switch: no day skipped or repeated, the transition day is long, not short', () => {
    // Saturday 2027-03-13, 10:00 in Shanghai; New York springs forward on Sunday 2027-03-14.
    const now = new Date('2027-03-13T10:00:00+08:00')
    const next = { timezone: 'America/New_York', dayStartHour: 0 }
    const plan = planDayRuleChange(SHANGHAI, next, now)
    expect(plan).toMatchObject({ kind: 'planned', change: { fromDay: '2027-03-14', at: '2027-03-13T16:00:00.000Z' } })
    const rule = applied(SHANGHAI, next, now)
    // 03-14 begins at Shanghai midnight and ends at New York midnight of 03-15 (EDT, UTC−4): 36 hours.
    expect(dayBounds('2027-03-14', rule)).toEqual({ start: new Date('2027-03-13T16:00:00Z'), end: new Date('2027-03-15T04:00:00Z') })
    expect(plan.kind === 'planned' && plan.hours).toBe(36)
    // Then New York days, 23 hours on the DST day itself already behind: 03-15 is 24 hours.
    expect(dayBounds('2027-03-15', rule)).toEqual({ start: new Date('2027-03-15T04:00:00Z'), end: new Date('2027-03-16T04:00:00Z') })
    expect(walk(rule, '2027-03-12T00:00:00Z', '2027-03-20T00:00:00Z')).toEqual(['2027-03-12', '2027-03-13', '2027-03-14', '2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19'])
  })

  it('New York → Shanghai: the clocks jump 13 hours ahead, so the transition day is 11 hours; across the date line a change is refused', () => {
    const ny: DayRule = { timezone: 'America/New_York', dayStartHour: 0 }
    const now = new Date('2026-11-30T09:00:00-05:00')
    const plan = planDayRuleChange(ny, { timezone: 'Asia/Shanghai', dayStartHour: 0 }, now)
    expect(plan).toMatchObject({ kind: 'planned', change: { fromDay: '2026-12-01', at: '2026-12-01T05:00:00.000Z' }, hours: 11 })
    expect(planDayRuleChange({ timezone: 'Pacific/Pago_Pago', dayStartHour: 0 }, { timezone: 'Pacific/Kiritimati', dayStartHour: 0 }, now)).toEqual({ kind: 'skipsDay' })
    const rule = applied(ny, { timezone: 'Asia/Shanghai', dayStartHour: 0 }, now)
    expect(walk(rule, '2026-11-29T12:00:00Z', '2026-12-06T00:00:00Z')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'])
  })

  it('a pending change can be replaced or undone; while its transition day runs, no other change', () => {
    const now = new Date('2026-11-30T10:00:00+08:00')
    const rule = applied(SHANGHAI, { timezone: 'Asia/Shanghai', dayStartHour: 4 }, now)
    // Replaced before it counts: the old rule is still the one counting.
    const replaced = planDayRuleChange(rule, { timezone: 'Asia/Shanghai', dayStartHour: 5 }, new Date('2026-11-30T12:00:00+08:00'))
    expect(replaced).toMatchObject({ kind: 'planned', change: { fromDay: '2026-12-01', before: { timezone: 'Asia/Shanghai', dayStartHour: 0 } }, hours: 29 })
    expect(planDayRuleChange(rule, { timezone: 'Asia/Shanghai', dayStartHour: 0 }, new Date('2026-11-30T12:00:00+08:00'))).toEqual({ kind: 'cancelled', stored: { timezone: 'Asia/Shanghai', dayStartHour: 0 } })
    expect(planDayRuleChange(rule, { timezone: 'Asia/Shanghai', dayStartHour: 4 }, new Date('2026-11-30T12:00:00+08:00'))).toEqual({ kind: 'unchanged' })
    // During the transition day (12-01 00:00 to 12-02 04:00): refused until it ends.
    expect(planDayRuleChange(rule, { timezone: 'Asia/Shanghai', dayStartHour: 6 }, new Date('2026-12-01T12:00:00+08:00'))).toEqual({ kind: 'inTransition', endsAt: new Date('2026-12-01T20:00:00Z') })
    // After it: a new change counts from the group day after next boundary, by the rule now in force.
    const later = planDayRuleChange(rule, { timezone: 'Asia/Shanghai', dayStartHour: 6 }, new Date('2026-12-02T12:00:00+08:00'))
    expect(later).toMatchObject({ kind: 'planned', change: { fromDay: '2026-12-03', at: '2026-12-02T20:00:00.000Z', before: { dayStartHour: 4 } } })
  })

  it('knows IANA timezones and refuses anything else', () => {
    expect(isKnownTimezone('America/New_York')).toBe(true)
    expect(isKnownTimezone('Asia/Shanghai')).toBe(true)
    expect(isKnownTimezone('Mars/Olympus')).toBe(false)
    expect(isKnownTimezone('')).toBe(false)
    expect(isKnownTimezone('../etc')).toBe(false)
  })
})
