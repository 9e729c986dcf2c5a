/**
 * The pure half of the dashboard's trend charts: which numbers each chart draws (`toChartSeries`, from the
 * dashboard view's closed days), the uCharts options for them (`chartOptions`), and the line of text under a
 * chart (`chartSummary`). The component only measures the canvas and hands these to uCharts.
 *
 * @example
 *   const chart = toChartSeries(dashboard, 'rate')   // { categories: ['11-01', …], data: [75, 80, …], unit: 'percent', … }
 *   new UCharts({ ...chartOptions(chart, { width: 686, height: 360, pixelRatio: 2 }), context })
 */
import type { Dashboard } from '../../../contracts/participation'
import { t } from '../../../i18n/strings'

export type TrendMetric = 'active' | 'rate' | 'newMembers'

export interface ChartSeries {
  metric: TrendMetric
  /** One label per closed day, oldest first: MM-DD. */
  categories: string[]
  /** One value per day: people, or a percentage 0–100 rounded to whole numbers. */
  data: number[]
  unit: 'people' | 'percent'
  /** The newest day's value and the highest one (0 when there is no day). */
  last: number
  max: number
}

/** What each chart draws: its kind in uCharts and its colour. */
const CHART_STYLE: Record<TrendMetric, { type: 'area' | 'line' | 'column'; color: string }> = {
  active: { type: 'area', color: '#07c160' },
  rate: { type: 'line', color: '#1890ff' },
  newMembers: { type: 'column', color: '#fa9d3b' },
}

/** The series of one chart from the dashboard's closed days (already oldest first). */
export function toChartSeries(view: Pick<Dashboard, 'series'>, metric: TrendMetric): ChartSeries {
  const data = view.series.map((day) => {
    if (metric === 'active') return day.activeMembers
    if (metric === 'newMembers') return day.newMembers
    return Math.round(day.rate * 100)
  })
  return {
    metric,
    categories: view.series.map((day) => day.day.slice(5)),
    data,
    unit: metric === 'rate' ? 'percent' : 'people',
    last: data.length > 0 ? data[data.length - 1] : 0,
    max: data.reduce((max, value) => Math.max(max, value), 0),
  }
}

export interface CanvasSize {
  /** Physical pixels. */
  width: number
  height: number
  pixelRatio: number
}

/** The uCharts options (without the context) for a series on a canvas of `size`. */
export function chartOptions(chart: ChartSeries, size: CanvasSize, name: string) {
  const style = CHART_STYLE[chart.metric]
  return {
    type: style.type,
    width: size.width,
    height: size.height,
    pixelRatio: size.pixelRatio,
    canvas2d: true,
    animation: false,
    background: '#FFFFFF',
    fontSize: 11,
    padding: [12, 12, 4, 4],
    dataLabel: false,
    dataPointShape: false,
    legend: { show: false },
    color: [style.color],
    categories: chart.categories,
    series: [{ name, data: chart.data }],
    xAxis: {
      disableGrid: true,
      fontSize: 10,
      // About five labels across 30 days, so they never overlap on a 375-wide phone.
      ...(chart.categories.length > 6 ? { labelCount: 5 } : {}),
    },
    yAxis: {
      gridType: 'dash',
      dashLength: 4,
      // Four steps of whole people (or 25%), so no label reads 9.75 人.
      data: [{ min: 0, max: chart.unit === 'percent' ? 100 : Math.max(4, Math.ceil(chart.max / 4) * 4), fontSize: 10 }],
      splitNumber: 4,
    },
    extra: {
      // Straight segments: a smoothed curve would draw values between days that never happened.
      area: { type: 'straight', opacity: 0.25, addLine: true, width: 2, gradient: true },
      line: { type: 'straight', width: 2 },
      column: { width: 6, barBorderRadius: [3, 3, 0, 0] },
    },
  }
}

/** 共 30 天 · 最近一天 12 人 · 最高 18 人: the numbers the chart shows, in words (and for screen readers). */
export function chartSummary(chart: ChartSeries): string {
  const unit = chart.unit === 'percent' ? t('dash.unitPercent') : t('dash.unitPeople')
  return t('dash.chartSummary', { days: chart.data.length, last: chart.last, max: chart.max, unit })
}
