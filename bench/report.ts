/**
 * The bench's pure parts: figures with their targets, the statistics they are computed with (median,
 * percentile, ratio) and the one table `npm run bench` prints. No I/O except `formatTable`'s string.
 *
 * A figure is one number with the unit it is read in and, when it has one, its target; a figure without a
 * target is context (the baseline it was divided by, a raw size) and shows `info`. A figure whose section
 * could not run at all is a `MISS` with the reason in `detail`, so a broken measurement never passes.
 *
 * @example
 *   const f = figure('http', 'check-in c=200 req/s vs echo', ratio(4100, 9000), '×', atLeast(0.5), '4100 vs 9000 req/s')
 *   verdict(f)                           // 'MISS' (0.46× < 0.5×)
 *   console.log(formatTable([f]))
 */

export type Comparison = '<=' | '<' | '>=' | '>'

export interface Target {
  op: Comparison
  limit: number
}

export interface Figure {
  /** sizes | http | cloudbase | growth | store */
  section: string
  name: string
  /** NaN when it could not be measured (always a MISS when it has a target). */
  value: number
  /** '×' for ratios, 'ops', 'ms', 'KiB', 'req/s', 'MiB', … */
  unit: string
  target?: Target
  detail?: string
}

export type Verdict = 'ok' | 'MISS' | 'info'

export const atMost = (limit: number): Target => ({ op: '<=', limit })
export const below = (limit: number): Target => ({ op: '<', limit })
export const atLeast = (limit: number): Target => ({ op: '>=', limit })

export function figure(section: string, name: string, value: number, unit: string, target?: Target, detail?: string): Figure {
  return { section, name, value, unit, ...(target ? { target } : {}), ...(detail ? { detail } : {}) }
}

/** A figure that could not be measured: a MISS whose detail says why. */
export function failedFigure(section: string, name: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error)
  return { section, name, value: Number.NaN, unit: '', target: atMost(0), detail: `not measured: ${message.split('\n')[0].slice(0, 120)}` }
}

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false
  switch (target.op) {
    case '<=':
      return value <= target.limit
    case '<':
      return value < target.limit
    case '>=':
      return value >= target.limit
    case '>':
      return value > target.limit
  }
}

export function verdict(f: Figure): Verdict {
  if (!f.target) return 'info'
  return meets(f.value, f.target) ? 'ok' : 'MISS'
}

/** a / b; NaN when b is 0 or either is not a number (a ratio that cannot be had is never a pass). */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN
  return a / b
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The p-th percentile (0–100) by nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((x, y) => x - y)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** Run `measure` `times` times (sequentially) and keep the run whose `key` is the median. */
export async function medianRun<T>(times: number, measure: (attempt: number) => Promise<T>, key: (result: T) => number): Promise<T> {
  const runs: T[] = []
  for (let attempt = 0; attempt < times; attempt++) runs.push(await measure(attempt))
  const sorted = [...runs].sort((a, b) => key(a) - key(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

function formatNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—'
  if (unit === '×') return `${value.toFixed(2)}×`
  if (unit === '%') return `${value.toFixed(0)} %`
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${unit}`.trim()
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return ''
  const limit = unit === '×' ? `${target.limit}×` : unit === '%' ? `${target.limit} %` : `${target.limit} ${unit}`.trim()
  const op = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' }[target.op]
  return `${op} ${limit}`
}

/** Display width: CJK characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1
  return width
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/** The table: verdict, section, figure, value, target, detail; columns padded; one summary line at the end. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [verdict(f), f.section, f.name, formatNumber(f.value, f.unit), formatTarget(f.target, f.unit), f.detail ?? ''])
  const header = ['', 'section', 'figure', 'value', 'target', 'detail']
  const widths = header.map((_, column) => Math.max(displayWidth(header[column]), ...rows.map((row) => displayWidth(row[column]))))
  const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column]))).join('  ').trimEnd()
  const missed = figures.filter((f) => verdict(f) === 'MISS').length
  const checked = figures.filter((f) => verdict(f) !== 'info').length
  return [line(header), ...rows.map(line), '', `${checked - missed}/${checked} targets met, ${missed} missed`].join('\n')
}

export function anyMissed(figures: readonly Figure[]): boolean {
  return figures.some((f) => verdict(f) === 'MISS')
}

/** Milliseconds since `start` (a `process.hrtime.bigint()`). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}
