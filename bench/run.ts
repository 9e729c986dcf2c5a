/**
 * `npm run bench`: one command, one table. Every figure is measured against a baseline taken in the same
 * run on the same machine (a ratio), or is a count that does not depend on the machine (CloudBase ops), so
 * the table means the same anywhere. Sections, each its own module with its method in its header:
 *
 * - sizes      `bench/sizes.ts`          weapp main package / subpackages, H5 first-load JS, all H5 JS vs the Taro floor
 * - http       `bench/http.ts`           the local runtime vs a bare echo server: req/s, p50, p99, peak RSS
 * - cloudbase  `bench/cloudbase-ops.ts`  SDK calls per tap, timer job and the batch approval of 50, on the recording fake
 * - growth     `bench/growth.ts`         the check-in taps with 500 members × 30/180/365 days of history
 * - store      `bench/store.ts`          the SQLite adapter's get vs bare better-sqlite3
 * - draw       `bench/draw.ts`           the verifiable draw and its verification over 10,000 weighted entrants vs hashing the list once
 * - participation `bench/participation.ts` tally, boards and dashboard of 500 members × 365 days: time vs a baseline, ops growth
 *
 * Options (environment):
 *   BENCH_ONLY=http,cloudbase     run only these sections (default: all)
 *   BENCH_REUSE_BUILD=1           sizes: measure the builds already there instead of building fresh
 *   BENCH_HTTP_RUN_MS=1000        http: the length of one load run
 *   BENCH_HTTP_CONCURRENCY=1,50,200
 *   BENCH_GROWTH_DAYS=30,180,365
 * Prints progress on stderr and the table on stdout; exits 1 when a target is missed (or a section failed).
 */
import { benchCloudbaseOps } from './cloudbase-ops'
import { benchDraw } from './draw'
import { benchGrowth } from './growth'
import { benchHttp } from './http'
import { anyMissed, failedFigure, formatTable, type Figure } from './report'
import { benchSizes } from './sizes'
import { benchStore } from './store'
import { benchParticipation } from './participation'

export const SECTIONS: Record<string, (log: (line: string) => void) => Promise<Figure[]>> = {
  sizes: benchSizes,
  http: benchHttp,
  cloudbase: benchCloudbaseOps,
  growth: benchGrowth,
  store: () => benchStore(),
  draw: benchDraw,
  participation: benchParticipation,
}

/** The sections `BENCH_ONLY` names (all when unset); an unknown name is an error. */
export function selectedSections(only: string | undefined): string[] {
  if (!only) return Object.keys(SECTIONS)
  const names = only.split(',').map((name) => name.trim()).filter(Boolean)
  const unknown = names.filter((name) => !(name in SECTIONS))
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (known: ${Object.keys(SECTIONS).join(', ')})`)
  return names
}

async function main(): Promise<void> {
  const started = Date.now()
  const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`)
  const figures: Figure[] = []
  for (const name of selectedSections(process.env.BENCH_ONLY)) {
    log(`${name}…`)
    try {
      figures.push(...(await SECTIONS[name](log)))
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      figures.push(failedFigure(name, `${name} section`, error))
    }
  }
  console.log(formatTable(figures))
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`)
  process.exit(anyMissed(figures) ? 1 : 0)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
