/** Streak counters and make-up rules, as pure functions. */
import {
  addDayToStats,
  emptyStats,
  makeUpCandidates,
  makeUpPolicyOf,
  makeUpRefusal,
  runBeforeFromStats,
  visibleCurrentStreak,
  withDay,
  emptyMonth,
  type CheckinStatsDoc,
} from '../../domain/checkin'
import { shiftDay } from '../../domain/days'

const at = new Date('2026-11-23T00:00:00Z')

function regular(stats: CheckinStatsDoc, day: string): CheckinStatsDoc {
  return addDayToStats(stats, { day, runBefore: runBeforeFromStats(stats, day), runAfter: 0, makeUp: false, at })
}

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftDay(from, i))
}

describe('streak counters', () => {
  it('runs across a month end and a year end without a break', () => {
    let stats = emptyStats('g', 'o')
    for (const day of days('2026-12-29', 5)) stats = regular(stats, day) // 12-29 … 01-02
    expect(stats).toMatchObject({ totalDays: 5, currentStreak: 5, longestStreak: 5, lastDay: '2027-01-02' })
    expect(visibleCurrentStreak(stats, '2027-01-02')).toBe(5)
    expect(visibleCurrentStreak(stats, '2027-01-03')).toBe(5)
    expect(visibleCurrentStreak(stats, '2027-01-04')).toBe(0)
  })

  it('runs across February 28th → March 1st in a non-leap year, and breaks on a missed day', () => {
    let stats = emptyStats('g', 'o')
    for (const day of ['2027-02-27', '2027-02-28', '2027-03-01']) stats = regular(stats, day)
    expect(stats.currentStreak).toBe(3)
    stats = regular(stats, '2027-03-03')
    expect(stats).toMatchObject({ totalDays: 4, currentStreak: 1, longestStreak: 3, lastDay: '2027-03-03' })
  })

  it('a make-up joins the run before and the run after and can make the longest', () => {
    let stats = emptyStats('g', 'o')
    for (const day of days('2026-11-01', 10)) stats = regular(stats, day) // 1..10
    for (const day of days('2026-11-12', 3)) stats = regular(stats, day) // 12..14
    expect(stats).toMatchObject({ currentStreak: 3, longestStreak: 10 })
    stats = addDayToStats(stats, { day: '2026-11-11', runBefore: 10, runAfter: 3, makeUp: true, at })
    expect(stats).toMatchObject({ totalDays: 14, currentStreak: 14, longestStreak: 14, lastDay: '2026-11-14', makeUpDays: 1 })
  })

  it('a make-up that does not reach lastDay leaves the current run alone', () => {
    let stats = emptyStats('g', 'o')
    for (const day of ['2026-11-18', '2026-11-20', '2026-11-21']) stats = regular(stats, day)
    stats = addDayToStats(stats, { day: '2026-11-17', runBefore: 0, runAfter: 1, makeUp: true, at })
    expect(stats).toMatchObject({ totalDays: 4, currentStreak: 2, longestStreak: 2, lastDay: '2026-11-21' })
  })

  it('a make-up after lastDay becomes the new lastDay', () => {
    let stats = regular(emptyStats('g', 'o'), '2026-11-19')
    stats = addDayToStats(stats, { day: '2026-11-20', runBefore: 1, runAfter: 0, makeUp: true, at })
    expect(stats).toMatchObject({ currentStreak: 2, lastDay: '2026-11-20' })
    expect(visibleCurrentStreak(stats, '2026-11-21')).toBe(2)
  })
})

describe('make-up rules', () => {
  const policy = makeUpPolicyOf({ makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } })
  const base = { today: '2026-12-01', joinedDay: '2026-01-01', usedThisMonth: 0 }

  it('allows a missed day within the window, across a month end', () => {
    expect(makeUpRefusal(policy, { ...base, day: '2026-11-30' })).toBeNull()
    expect(makeUpRefusal(policy, { ...base, day: '2026-11-28' })).toBeNull()
  })

  it('refuses today, the future, outside the window, before joining, over the limit, or when off', () => {
    expect(makeUpRefusal(policy, { ...base, day: '2026-12-01' })).toBe('notPast')
    expect(makeUpRefusal(policy, { ...base, day: '2026-12-02' })).toBe('notPast')
    expect(makeUpRefusal(policy, { ...base, day: '2026-11-27' })).toBe('outsideWindow')
    expect(makeUpRefusal(policy, { ...base, day: '2026-11-30', joinedDay: '2026-12-01' })).toBe('beforeJoining')
    expect(makeUpRefusal(policy, { ...base, day: '2026-11-30', usedThisMonth: 2 })).toBe('limitReached')
    expect(makeUpRefusal(makeUpPolicyOf({}), { ...base, day: '2026-11-30' })).toBe('disabled')
  })

  it('lists the missed days in the window, most recent first', () => {
    const checked = new Set(['2026-11-29'])
    expect(makeUpCandidates(policy, { today: '2026-12-01', joinedDay: '2026-01-01', isChecked: (d) => checked.has(d) })).toEqual(['2026-11-30', '2026-11-28'])
  })

  it('clamps a group policy to the allowed bounds', () => {
    expect(makeUpPolicyOf({ makeUp: { enabled: true, windowDays: 30, monthlyLimit: -1 } })).toEqual({ enabled: true, windowDays: 7, monthlyLimit: 0 })
  })
})

describe('month documents', () => {
  it('keep days sorted and unique, and mark make-ups', () => {
    let month = emptyMonth('g', 'o', '2026-11')
    month = withDay(month, 12, false)
    month = withDay(month, 3, true)
    month = withDay(month, 12, false)
    expect(month.days).toEqual([3, 12])
    expect(month.makeUpDays).toEqual([3])
  })
})
