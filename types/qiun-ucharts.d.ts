/** The part of uCharts (`@qiun/ucharts`, plain JavaScript) the dashboard's trend charts use. */
declare module '@qiun/ucharts' {
  /** A canvas 2D context (weapp `Canvas type="2d"` node or an H5 canvas); uCharts draws with it directly. */
  export interface UChartsContext {
    [key: string]: unknown
  }

  export interface UChartsOptions {
    type: 'line' | 'area' | 'column'
    context: UChartsContext
    /** Physical pixels (CSS size × pixelRatio). */
    width: number
    height: number
    pixelRatio: number
    canvas2d?: boolean
    categories: string[]
    series: Array<{ name: string; data: number[]; color?: string }>
    [option: string]: unknown
  }

  export default class UCharts {
    constructor(options: UChartsOptions)
    opts: UChartsOptions
  }
}
