import type { DailyStatsView } from '../../../contracts/participation'
import { chartOptions, chartSummary, toChartSeries } from './utils'

function day(dayKey: string, fields: Partial<DailyStatsView>): DailyStatsView {
  return {
    day: dayKey,
    members: 20,
    checkedIn: 0,
    rate: 0,
    activeMembers: 0,
    newMembers: 0,
    applicationsReceived: 0,
    applicationsDecided: 0,
    lotteryEntries: 0,
    streakBreaks: 0,
    newlyInactive: 0,
    ...fields,
  }
}

const view = {
  series: [
    day('2026-11-21', { activeMembers: 12, rate: 0.5, newMembers: 1 }),
    day('2026-11-22', { activeMembers: 15, rate: 0.6666, newMembers: 0 }),
    day('2026-11-23', { activeMembers: 9, rate: 0.405, newMembers: 3 }),
  ],
}

describe('toChartSeries', () => {
  it('takes each chart’s numbers from the closed days, oldest first, labelled MM-DD', () => {
    const active = toChartSeries(view, 'active')
    expect(active).toEqual({ metric: 'active', categories: ['11-21', '11-22', '11-23'], data: [12, 15, 9], unit: 'people', last: 9, max: 15 })
    expect(toChartSeries(view, 'newMembers').data).toEqual([1, 0, 3])
  })

  it('draws the check-in rate as whole percentages', () => {
    const rate = toChartSeries(view, 'rate')
    expect(rate.data).toEqual([50, 67, 41])
    expect(rate.unit).toBe('percent')
    expect(rate.max).toBe(67)
  })

  it('gives an empty chart zeros, not NaN', () => {
    expect(toChartSeries({ series: [] }, 'active')).toMatchObject({ categories: [], data: [], last: 0, max: 0 })
  })
})

describe('chartOptions', () => {
  it('hands uCharts the series, the physical size, and a fixed 0–100 axis for the rate', () => {
    const rate = chartOptions(toChartSeries(view, 'rate'), { width: 686, height: 320, pixelRatio: 2 }, '打卡率')
    expect(rate).toMatchObject({ type: 'line', width: 686, height: 320, pixelRatio: 2, canvas2d: true, animation: false })
    expect(rate.series).toEqual([{ name: '打卡率', data: [50, 67, 41] }])
    expect(rate.categories).toEqual(['11-21', '11-22', '11-23'])
    expect(rate.yAxis.data[0]).toMatchObject({ min: 0, max: 100 })
    const active = chartOptions(toChartSeries(view, 'active'), { width: 686, height: 320, pixelRatio: 2 }, '日活')
    expect(active.type).toBe('area')
    // Whole-number steps: 15 people rounds the axis up to 16 (0, 4, 8, 12, 16).
    expect(active.yAxis.data[0].max).toBe(16)
    expect(chartOptions({ ...toChartSeries(view, 'active'), max: 2 }, { width: 1, height: 1, pixelRatio: 1 }, '日活').yAxis.data[0].max).toBe(4)
    expect(chartOptions(toChartSeries(view, 'newMembers'), { width: 1, height: 1, pixelRatio: 1 }, '新成员').type).toBe('column')
  })

  it('thins the day labels of a month so they do not overlap', () => {
    const month = { series: Array.from({ length: 30 }, (_, i) => day(`2026-11-${String(i + 1).padStart(2, '0')}`, { activeMembers: i })) }
    expect(chartOptions(toChartSeries(month, 'active'), { width: 686, height: 320, pixelRatio: 2 }, '日活').xAxis).toMatchObject({ labelCount: 5 })
    expect(chartOptions(toChartSeries(view, 'active'), { width: 686, height: 320, pixelRatio: 2 }, '日活').xAxis).not.toHaveProperty('labelCount')
  })
})

describe('chartSummary', () => {
  it('says the chart’s numbers in words', () => {
    expect(chartSummary(toChartSeries(view, 'active'))).toBe('共 3 天 · 最近一天 9 人 · 最高 15 人')
    expect(chartSummary(toChartSeries(view, 'rate'))).toBe('共 3 天 · 最近一天 41% · 最高 67%')
  })
})
