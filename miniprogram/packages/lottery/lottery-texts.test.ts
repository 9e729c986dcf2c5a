import { countdownText, eligibilityLines, oddsText, ruleText, tierLabel } from './lottery-texts'

describe('lottery page texts', () => {
  it('names tiers by rank, in draw order', () => {
    expect([0, 1, 2, 9, 10].map(tierLabel)).toEqual(['一等奖', '二等奖', '三等奖', '十等奖', '11等奖'])
  })

  it('counts down in days and a clock, never below zero', () => {
    expect(countdownText(93_784_000)).toBe('1 天 02:03:04')
    expect(countdownText(59_999)).toBe('00:00:59')
    expect(countdownText(-5000)).toBe('00:00:00')
  })

  it('words the draw rule in the group’s time', () => {
    expect(ruleText({ kind: 'time', drawAt: '2026-12-07T12:00:00.000Z' }, 'Asia/Shanghai')).toBe('12-07 20:00 自动开奖')
    expect(ruleText({ kind: 'count', count: 30 }, 'Asia/Shanghai')).toContain('满 30 人')
    expect(ruleText({ kind: 'manual' }, 'Asia/Shanghai')).toBe('截止后由管理员开奖')
  })

  it('lists who may enter and explains the odds', () => {
    const period = { from: '2026-12-01', to: '2026-12-07' }
    expect(eligibilityLines({ eligibility: { minCheckins: 0, period: null, joinedBefore: null } })).toEqual(['本群成员'])
    expect(eligibilityLines({ eligibility: { minCheckins: 5, period, joinedBefore: '2026-11-01' } })).toEqual([
      '本群成员',
      '2026-12-01 至 2026-12-07 打卡满 5 次',
      '2026-11-01 之前入群',
    ])
    expect(oddsText({ weighting: null, eligibility: { minCheckins: 0, period: null, joinedBefore: null } })).toBe('每人 1 张抽奖券，机会均等')
    expect(oddsText({ weighting: { maxTickets: 5 }, eligibility: { minCheckins: 0, period, joinedBefore: null } })).toBe(
      '打卡越多中奖机会越大（每次打卡 1 张券，最多 5 张），按 2026-12-01 至 2026-12-07 的打卡次数计',
    )
  })
})
