import { METRIC_TABS, PERIOD_TABS, periodText, valueText } from './utils'

describe('leaderboard helpers', () => {
  it('offers the four periods and the two metrics', () => {
    expect(PERIOD_TABS.map((tab) => tab.period)).toEqual(['week', 'month', 'all', 'streak'])
    expect(METRIC_TABS.map((tab) => tab.metric)).toEqual(['score', 'checkins'])
  })

  it('reads a value as points, check-in days or a streak, by board', () => {
    expect(valueText({ metric: 'score' }, 120)).toBe('120 分')
    expect(valueText({ metric: 'checkins' }, 9)).toBe('9 天')
    expect(valueText({ metric: 'streak' }, 6)).toBe('连续 6 天')
  })

  it('names the week by its Monday and the month, nothing for all time', () => {
    expect(periodText({ period: 'week', periodKey: '2026-11-23' })).toBe('2026-11-23 起的一周')
    expect(periodText({ period: 'month', periodKey: '2026-11' })).toBe('2026 年 11 月')
    expect(periodText({ period: 'month', periodKey: '2026-03' })).toBe('2026 年 3 月')
    expect(periodText({ period: 'all', periodKey: null })).toBe('')
  })
})
