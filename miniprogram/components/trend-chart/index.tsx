/**
 * One trend chart of the dashboard: a title, a `<Canvas type="2d">` that uCharts draws on (weapp: the canvas
 * node from a selector query; H5: the real <canvas> Taro renders), and the chart's numbers in words under it.
 * Imported only by admin-subpackage pages, so uCharts is built into that subpackage, never the main package.
 * See README.md.
 */
import { memo, useEffect } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import UCharts, { type UChartsContext } from '@qiun/ucharts'
import { chartOptions, chartSummary, type ChartSeries } from './utils'
import './index.scss'

export interface TrendChartProps {
  /** The canvas id (`<id>`); the card is `<id>-card`, the summary `<id>-summary`. */
  id: string
  title: string
  chart: ChartSeries
}

/** What a selector query answers for the canvas (weapp): the node and its CSS size; in H5, the <canvas> element. */
interface CanvasQueryResult {
  node?: { width: number; height: number; clientWidth?: number; clientHeight?: number; getContext?: (type: '2d') => UChartsContext } | null
  width?: number
  height?: number
}

const MAX_TRIES = 10

function pixelRatio(): number {
  // In H5 the browser's own: Taro's H5 getWindowInfo brings a browser-detection library (platform.js, ~15 KiB).
  // An if/else on the build constant, so the bundler drops the other branch and its import.
  if (process.env.TARO_ENV === 'h5') {
    return window.devicePixelRatio || 2
  } else {
    try {
      return Taro.getWindowInfo().pixelRatio || 2
    } catch {
      return 2
    }
  }
}

function TrendChart({ id, title, chart }: TrendChartProps) {
  useEffect(() => {
    let cancelled = false
    let tries = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const retry = () => {
      tries += 1
      if (!cancelled && tries < MAX_TRIES) timer = setTimeout(draw, 60)
    }
    function paint(found: CanvasQueryResult | undefined) {
      if (cancelled) return
      const canvas = found?.node
      if (!canvas || typeof canvas.getContext !== 'function') return retry()
      // weapp answers the CSS size; in H5 the <canvas> element has its own.
      const width = found.width || canvas.clientWidth || 0
      const height = found.height || canvas.clientHeight || 0
      if (width === 0 || height === 0) return retry()
      const ratio = pixelRatio()
      canvas.width = Math.round(width * ratio)
      canvas.height = Math.round(height * ratio)
      const context = canvas.getContext('2d')
      new UCharts({ ...chartOptions(chart, { width: canvas.width, height: canvas.height, pixelRatio: ratio }, title), context })
    }
    function draw() {
      if (cancelled) return
      // An if/else on the build constant, so the bundler drops the other branch and what it imports.
      if (process.env.TARO_ENV === 'h5') {
        // The real <canvas> Taro renders inside the Canvas element (the visible one: Taro's H5 router keeps earlier
        // pages in the DOM); Taro's H5 selector query would bring its query and CanvasContext modules, ~11 KiB.
        const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>(`#${id} canvas`))
        const node = canvases.find((canvas) => canvas.offsetParent !== null) as CanvasQueryResult['node'] | undefined
        paint(node ? { node } : undefined)
      } else {
        // A host without selector queries (a test renderer) has nothing to paint on.
        const query = Taro.createSelectorQuery?.()?.select?.(`#${id}`)
        if (!query || typeof query.fields !== 'function') return
        query.fields({ node: true, size: true }).exec((results: CanvasQueryResult[] | null) => paint(results?.[0]))
      }
    }
    Taro.nextTick(draw)
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
  }, [id, title, chart])

  return (
    <View id={`${id}-card`} className="trend-chart">
      <Text className="trend-chart__title">{title}</Text>
      <Canvas id={id} canvasId={id} type="2d" className="trend-chart__canvas" />
      <Text id={`${id}-summary`} className="trend-chart__summary">
        {chartSummary(chart)}
      </Text>
    </View>
  )
}

/** Memoised: a re-render would make Taro's H5 canvas reset its size, which clears the drawing. */
export default memo(TrendChart)
