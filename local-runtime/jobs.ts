/**
 * Timer jobs of the local runtime: what CloudBase runs from timer triggers (cloudfunctions/<fn>/config.json),
 * run here on an interval with the same handler and the same `{ Type: 'Timer' }` event, without an OPENID.
 * Today: `admissionPurge` (clears personal fields of old rejected applications), hourly by default.
 *
 * @example
 *   const jobs = startLocalJobs(store)      // runs once now, then every hour
 *   jobs.stop()
 */
import type { Store } from '../store/port'
import { FUNCTION_HANDLERS } from './functions'

export const PURGE_INTERVAL_MS = 60 * 60 * 1000

export interface LocalJobs {
  /** Run every job once now (what each interval tick does); resolves with the purge's result. */
  runOnce(): Promise<unknown>
  stop(): void
}

export function startLocalJobs(store: Store, options: { intervalMs?: number; now?: () => Date } = {}): LocalJobs {
  const now = options.now ?? (() => new Date())
  const runOnce = async () => {
    const result = await FUNCTION_HANDLERS.admissionPurge(
      { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: now().toISOString() },
      { store, openid: null, now },
    )
    if (!result.ok) console.error('[jobs] admissionPurge failed', result.error)
    return result
  }
  const tick = () => {
    runOnce().catch((error) => console.error('[jobs] admissionPurge failed', error))
  }
  tick()
  const timer = setInterval(tick, options.intervalMs ?? PURGE_INTERVAL_MS)
  timer.unref()
  return { runOnce, stop: () => clearInterval(timer) }
}
