/**
 * Each cloud function's runtime settings, the one place they are written. WeChat DevTools' upload reads only
 * `permissions` and `triggers` from a function's `config.json`, so its timeout stays WeChat's default 3 s
 * there; the functions build (`scripts/build-functions.ts`) also writes `dist/cloudbaserc.json` from this
 * table and the functions' `config.json` triggers, so deploying with CloudBase's CLI from `dist/`
 * (`tcb fn deploy -e <环境 ID>`) sets every timeout as well. The interactive functions keep 3 s: their costs are
 * budgeted and benched against the default (`npm run bench`, the batch approval of 50 included), so nothing
 * relies on a longer timeout that a DevTools upload would not set.
 *
 * @example
 *   FUNCTION_SETTINGS.tally.timeoutSeconds // 60
 */
import type { FunctionName } from '../contracts/define'

export interface FunctionSettings {
  /** Seconds before CloudBase stops a call (its CLI accepts 1–60). */
  readonly timeoutSeconds: number
  /** Why this timeout, for whoever changes it. */
  readonly why: string
}

/** WeChat's default cloud function timeout, what a DevTools upload leaves in place. */
export const DEFAULT_TIMEOUT_SECONDS = 3

const INTERACTIVE: FunctionSettings = {
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  why: 'a member or admin tap: a few operations, budgeted against the default',
}

export const FUNCTION_SETTINGS: Record<FunctionName, FunctionSettings> = {
  group: INTERACTIVE,
  setup: { timeoutSeconds: 20, why: 'creates every collection once, on first deployment' },
  admission: {
    timeoutSeconds: 10,
    why: 'a batch of 50 approvals runs in about 0.65 s with 20 ms per database call; the margin covers a cold start and a slow database',
  },
  admissionPurge: { timeoutSeconds: 20, why: 'daily timer: pages through old rejected applications and clears their personal data' },
  members: INTERACTIVE,
  inbox: INTERACTIVE,
  board: INTERACTIVE,
  checkin: INTERACTIVE,
  reminders: { timeoutSeconds: 20, why: 'timer every 15 minutes: pages through reminder subscriptions, one message each that is due' },
  photoCleanup: { timeoutSeconds: 20, why: 'hourly timers: deletes uploads no check-in used after 24 hours, and export files whose link expired (at most 500 a run)' },
  participation: { timeoutSeconds: 20, why: 'CSV exports page through a group’s check-ins (up to 366 days)' },
  tally: { timeoutSeconds: 60, why: 'hourly timer: closes every group’s ended day, catching up at most 35 missed days' },
  lottery: { timeoutSeconds: 20, why: 'publishing writes one inbox message per member (up to 500); draws read 1,000 entries a page' },
}

/** One function's trigger as `config.json` and `cloudbaserc.json` both write it. */
export interface TimerTrigger {
  readonly name: string
  readonly type: string
  readonly config: string
}

/** A function's entry in `cloudbaserc.json` (docs.cloudbase.net/cli-v1/functions/configs). */
export interface CloudbasercFunction {
  readonly name: FunctionName
  readonly timeout: number
  readonly runtime: string
  readonly handler: string
  readonly installDependency: boolean
  readonly triggers?: readonly TimerTrigger[]
}

/** CloudBase's Node runtime the bundles target (`NODE_TARGET` in the build is node16). */
export const CLOUDBASE_RUNTIME = 'Nodejs16.13'

/**
 * The `cloudbaserc.json` for the built functions folder: every function with its timeout and its timer
 * triggers (`triggersOf(name)` reads them from the function's `config.json`).
 */
export function cloudbaserc(
  names: readonly FunctionName[],
  triggersOf: (name: FunctionName) => readonly TimerTrigger[],
): { version: string; functionRoot: string; functions: CloudbasercFunction[] } {
  return {
    version: '2.0',
    functionRoot: './cloudfunctions',
    functions: names.map((name) => {
      const triggers = triggersOf(name)
      return {
        name,
        timeout: FUNCTION_SETTINGS[name].timeoutSeconds,
        runtime: CLOUDBASE_RUNTIME,
        handler: 'index.main',
        installDependency: true,
        ...(triggers.length > 0 ? { triggers } : {}),
      }
    }),
  }
}
