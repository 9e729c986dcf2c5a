/** The pure rules of participation: CSV, periods, ranks, goals, settings defaults, day bounds across DST, the archive guard. */
import fc from 'fast-check'
import { CSV_BOM, toCsv } from '../../domain/csv'
import { dayKeyAt, shiftDay } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import {
  DEFAULT_PARTICIPATION_SETTINGS,
  assertGroupWritable,
  competitionRanks,
  creditPatch,
  eventCreditPatch,
  goalProgress,
  participationSettingsOf,
  scoreForEvent,
  weekKeyOf,
} from '../../domain/participation'
import { dayBounds, daysToClose } from '../../domain/tally'

/** A minimal RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += c
  }
  return rows
}

describe('toCsv', () => {
  it('starts with a BOM, ends rows with CRLF, quotes commas, quotes, newlines and edge spaces, leaves Chinese as is', () => {
    expect(toCsv(['群昵称', '积分'], [['张三-郑州-理财顾问', 30], ['李"四', null], ['a,b', 'x\ny'], [' 前后空格 ', 0]])).toBe(
      `${CSV_BOM}群昵称,积分\r\n张三-郑州-理财顾问,30\r\n"李""四",\r\n"a,b","x\ny"\r\n" 前后空格 ",0\r\n`,
    )
  })

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text)), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const csv = toCsv(['a', 'b'], rows)
        expect(csv.startsWith(CSV_BOM)).toBe(true)
        expect(parseCsv(csv.slice(1))).toEqual([['a', 'b'], ...rows])
      }),
    )
  })
})

describe('periods, credits and ranks', () => {
  it('weeks start on Monday, across month and year ends', () => {
    expect(weekKeyOf('2026-11-23')).toBe('2026-11-23')
    expect(weekKeyOf('2026-11-29')).toBe('2026-11-23')
    expect(weekKeyOf('2027-01-01')).toBe('2026-12-28')
  })

  it('a credit in a new week or month starts its counters over; the all-time ones add up', () => {
    const member = { score: 50, checkinDays: 4, weekKey: '2026-11-23', weekScore: 30, weekCheckins: 3, monthKey: '2026-11', monthScore: 50, monthCheckins: 4 }
    expect(creditPatch(member, '2026-11-29', 10, { checkin: true })).toMatchObject({ score: 60, weekScore: 40, monthScore: 60, checkinDays: 5 })
    expect(creditPatch(member, '2026-12-01', 20, { checkin: false })).toMatchObject({ score: 70, weekKey: '2026-11-30', weekScore: 20, weekCheckins: 0, monthKey: '2026-12', monthScore: 20, checkinDays: 4 })
  })

  it('a lottery entry credits its points in the entry’s week and month, no check-in day', () => {
    const settings = participationSettingsOf({ participation: { points: { lotteryEntry: 3 } } })
    expect(eventCreditPatch({ score: 7, weekKey: '2026-11-16', weekScore: 7 }, settings, 'lotteryEntry', '2026-11-23')).toMatchObject({ score: 10, weekKey: '2026-11-23', weekScore: 3, checkinDays: 0 })
  })

  it('competition ranks: ties share, the next skips, a page continues a tie from the page before', () => {
    expect(competitionRanks([100, 90, 90, 80], 1, null, null)).toEqual([1, 2, 2, 4])
    expect(competitionRanks([50, 50, 40], 21, 50, 18)).toEqual([18, 18, 23])
  })

  it('goals: a streak goal counts the live streak (reached once the longest got there), a total goal the days', () => {
    const goal = { kind: 'streak' as const, days: 21, reward: '书' }
    expect(goalProgress(goal, { visibleStreak: 17, totalDays: 40, longestStreak: 17 })).toMatchObject({ current: 17, remaining: 4, reached: false })
    expect(goalProgress(goal, { visibleStreak: 0, totalDays: 40, longestStreak: 25 })).toMatchObject({ remaining: 0, reached: true })
    expect(goalProgress({ kind: 'total', days: 30, reward: '' }, { visibleStreak: 2, totalDays: 31, longestStreak: 9 })).toMatchObject({ current: 30, reached: true })
    expect(goalProgress(null, { visibleStreak: 1, totalDays: 1, longestStreak: 1 })).toBeNull()
  })

  it('settings: defaults for what is missing or out of range', () => {
    expect(participationSettingsOf({})).toEqual(DEFAULT_PARTICIPATION_SETTINGS)
    const settings = participationSettingsOf({ participation: { points: { checkin: 3, makeUp: -1, invitee: 1000 }, inactiveDays: 1, goal: { kind: 'streak', days: 0, reward: '' } } })
    expect(settings.points).toEqual({ checkin: 3, makeUp: 0, taskCheckin: 15, lotteryEntry: 2, invitee: 100 })
    expect(settings.inactiveDays).toBe(2)
    expect(settings.goal).toBeNull()
    expect(scoreForEvent(settings, 'lotteryEntry')).toBe(2)
  })

  it('archived groups refuse writes with a Chinese message', () => {
    expect(() => assertGroupWritable({ status: 'open' })).not.toThrow()
    expect(() => assertGroupWritable({ status: 'archived' })).toThrow(DomainError)
    expect(() => assertGroupWritable({ status: 'archived' })).toThrow(/已归档/)
  })
})

describe('day bounds and the days to close', () => {
  it.each([
    ['America/New_York', 2, '2026-03-08'],
    ['America/New_York', 1, '2026-11-01'],
    ['Europe/London', 0, '2026-03-29'],
    ['Australia/Lord_Howe', 2, '2026-04-05'],
    ['Asia/Shanghai', 4, '2026-11-23'],
  ])('%s, day start %i: every minute of %s and its neighbours falls inside its own bounds', (timezone, dayStartHour, day) => {
    const rule = { timezone, dayStartHour }
    for (const d of [shiftDay(day, -1), day, shiftDay(day, 1)]) {
      const { start, end } = dayBounds(d, rule)
      expect(dayKeyAt(start, timezone, dayStartHour)).toBe(d)
      expect(dayKeyAt(new Date(start.getTime() - 60_000), timezone, dayStartHour)).toBe(shiftDay(d, -1))
      expect(dayKeyAt(new Date(end.getTime() - 60_000), timezone, dayStartHour)).toBe(d)
      expect(dayKeyAt(end, timezone, dayStartHour)).toBe(shiftDay(d, 1))
    }
  })

  it('never closes today, never more than 35 days', () => {
    expect(daysToClose('2026-11-22', '2026-11-23')).toEqual([])
    expect(daysToClose('2026-11-20', '2026-11-23')).toEqual(['2026-11-21', '2026-11-22'])
  })
})
