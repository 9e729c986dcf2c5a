/**
 * The daily check-in reminder job in the local runtime: CloudBase runs the `reminders` function from its
 * timer trigger (cloudfunctions/reminders/config.json, every 15 minutes); here the same handler gets the
 * same `{ Type: 'Timer' }` event, without an OPENID, on an interval. Locally a reminder is an inbox entry.
 *
 * @example
 *   const job = startReminderJob(store)   // runs now, then every 5 minutes
 *   job.stop()
 */
import type { Store } from '../store/port'
import { FUNCTION_HANDLERS } from './functions'

export const REMINDER_INTERVAL_MS = 5 * 60 * 1000

export function startReminderJob(store: Store, options: { intervalMs?: number; now?: () => Date } = {}): { stop(): void } {
  const now = options.now ?? (() => new Date())
  const tick = () => {
    FUNCTION_HANDLERS.reminders({ Type: 'Timer', TriggerName: 'checkinReminders', Time: now().toISOString() }, { store, openid: null, now })
      .then((result) => {
        if (!result.ok) console.error('[reminders] failed', result.error)
      })
      .catch((error) => console.error('[reminders] failed', error))
  }
  tick()
  const timer = setInterval(tick, options.intervalMs ?? REMINDER_INTERVAL_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
