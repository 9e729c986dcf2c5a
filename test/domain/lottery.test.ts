/** The lottery rules without I/O: tickets, eligibility, phases, the shard spread, unclaimed tiers; and the CSV helper. */
import { toCsv, csvField } from '../../domain/csv'
import { ENTRY_SHARDS, eligibility, phaseOf, shardOf, ticketsFor, unclaimedTiers, winStatusAt } from '../../domain/lottery'

describe('tickets and eligibility', () => {
  it('gives one ticket without weighting, else check-ins capped to 1..max', () => {
    expect([ticketsFor(7, null), ticketsFor(0, { maxTickets: 5 }), ticketsFor(3, { maxTickets: 5 }), ticketsFor(12, { maxTickets: 5 })]).toEqual([1, 1, 3, 5])
  })

  it('says how many check-ins are missing, and refuses those who joined on or after the day', () => {
    const rule = { minCheckins: 5, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: '2026-11-20' }
    expect(eligibility(rule, { joinedDay: '2026-11-01', checkins: 2 })).toEqual({ eligible: false, code: 'checkins', missing: 3 })
    expect(eligibility(rule, { joinedDay: '2026-11-20', checkins: 9 })).toEqual({ eligible: false, code: 'joinedAfter' })
    expect(eligibility(rule, { joinedDay: '2026-11-19', checkins: 5 })).toEqual({ eligible: true })
    expect(eligibility({ minCheckins: 0, period: null, joinedBefore: null }, { joinedDay: '2026-11-30', checkins: 0 })).toEqual({ eligible: true })
  })
})

describe('phases and claims', () => {
  const lottery = { status: 'open' as const, opensAt: '2026-11-23T00:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z' }
  it('is upcoming, open, then closed by the clock while stored open', () => {
    expect(phaseOf(lottery, new Date('2026-11-22T23:59:59Z'))).toBe('upcoming')
    expect(phaseOf(lottery, new Date('2026-11-23T00:00:00Z'))).toBe('open')
    expect(phaseOf(lottery, new Date('2026-11-30T00:00:00Z'))).toBe('closed')
    expect(phaseOf({ ...lottery, status: 'drawn' }, new Date('2026-11-24T00:00:00Z'))).toBe('drawn')
  })

  it('counts a pending win past its deadline as unclaimed, and redraws only those not redrawn', () => {
    const at = new Date('2026-12-08T00:00:00Z')
    const win = (tierId: string, status: 'pending' | 'claimed', redrawnInRound: number | null = null) => ({ tierId, status, claimDeadline: '2026-12-07T00:00:00.000Z', redrawnInRound })
    expect(winStatusAt(win('t1', 'pending'), new Date('2026-12-06T00:00:00Z'))).toBe('pending')
    expect(winStatusAt(win('t1', 'pending'), at)).toBe('unclaimed')
    const tiers = [{ tierId: 't1', name: '一等奖' }, { tierId: 't2', name: '二等奖' }]
    expect(unclaimedTiers(tiers, [win('t1', 'claimed'), win('t2', 'pending'), win('t2', 'pending'), win('t2', 'pending', 1)], at)).toEqual([{ tierId: 't2', name: '二等奖', quantity: 2 }])
  })

  it('spreads entrants over every shard', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`o_${i}`)))
    expect(used.size).toBe(ENTRY_SHARDS)
  })
})

describe('CSV', () => {
  it('starts with a BOM, ends lines with CRLF, quotes commas, quotes and newlines, and defuses formulas', () => {
    expect(toCsv(['名字', '备注'], [['张三', '说"好", 行'], ['李四', '第一行\n第二行']])).toBe('\uFEFF名字,备注\r\n张三,"说""好"", 行"\r\n李四,"第一行\n第二行"\r\n')
    expect([csvField('=1+1'), csvField('-5'), csvField(-5), csvField(null), csvField(3)]).toEqual(["'=1+1", "'-5", '-5', '', '3'])
  })
})
