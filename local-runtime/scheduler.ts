/**
 * The local runtime's timer: what CloudBase does with the timer triggers in `cloudfunctions/<fn>/config.json`.
 * For every function with a `"type": "timer"` trigger, the scheduler runs the function's handler with the
 * CloudBase timer event `{ Type: 'Timer', TriggerName, Time }` as the `timer` caller (the only place the local
 * runtime makes one; nothing that arrives over HTTP is ever a timer), on the trigger's cron
 * (`local-runtime/cron.ts`), and once at start so the demo is never stale. A new scheduled job (a lottery
 * draw, a nightly tally) is a trigger in its function's config.json; nothing here changes.
 *
 * @example
 *   readTimerTriggers()   // [{ fn: 'admissionPurge', name: 'purgeRejectedDaily', cron: '0 30 3 * * * *' }, { fn: 'reminders', … }]
 *   const scheduler = startScheduler(store)   // runs each trigger now, then on its schedule
 *   await scheduler.stop()                   // and waits for a run in progress
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ActionResult, FunctionName } from '../contracts/define'
import { FUNCTION_NAMES } from '../contracts/define'
import type { FunctionHandler } from '../platform/dispatch'
import type { TimerEvent } from '../platform/timer'
import type { Store } from '../store/port'
import { timerCaller } from '../usecases/context'
import { nextCronTime, parseCron, type CronSchedule } from './cron'
import { FUNCTION_HANDLERS } from './functions'

export const FUNCTIONS_DIR = path.resolve(__dirname, '../cloudfunctions')

export interface TimerTrigger {
  fn: FunctionName
  /** The trigger's name: the event's `TriggerName`. */
  name: string
  /** The 7-field CloudBase cron expression. */
  cron: string
}

/** Every timer trigger declared in the functions' config.json files, in function order. */
export function readTimerTriggers(functionsDir = FUNCTIONS_DIR): TimerTrigger[] {
  return FUNCTION_NAMES.flatMap((fn) => {
    const file = path.join(functionsDir, fn, 'config.json')
    if (!fs.existsSync(file)) return []
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Array<{ name: string; type: string; config: string }> }
    return (config.triggers ?? []).filter((trigger) => trigger.type === 'timer').map((trigger) => ({ fn, name: trigger.name, cron: trigger.config }))
  })
}

export interface SchedulerOptions {
  triggers?: TimerTrigger[]
  handlers?: Record<FunctionName, FunctionHandler>
  now?: () => Date
}

export interface Scheduler {
  /** The triggers being run, with when each fires next. */
  readonly jobs: ReadonlyArray<TimerTrigger & { next: Date | null }>
  /** Run every trigger once now; resolves with each run's result. */
  runAll(): Promise<Array<ActionResult<unknown>>>
  /** Fire nothing more; resolves once the runs already going have finished (so the store can close). */
  stop(): Promise<void>
}

/** Timers cannot wait longer than this (about 24.8 days); a later fire is reached in hops. */
const MAX_DELAY_MS = 2 ** 31 - 1

export function startScheduler(store: Store, options: SchedulerOptions = {}): Scheduler {
  const handlers = options.handlers ?? FUNCTION_HANDLERS
  const now = options.now ?? (() => new Date())
  const jobs = (options.triggers ?? readTimerTriggers()).map((trigger) => ({ ...trigger, schedule: parseCron(trigger.cron), next: null as Date | null }))
  const timers = new Set<NodeJS.Timeout>()
  const running = new Set<Promise<ActionResult<unknown>>>()
  let stopped = false

  const run = (trigger: TimerTrigger, at: Date): Promise<ActionResult<unknown>> => {
    const going = runOnce(trigger, at)
    running.add(going)
    void going.finally(() => running.delete(going))
    return going
  }

  const runOnce = async (trigger: TimerTrigger, at: Date): Promise<ActionResult<unknown>> => {
    const event: TimerEvent = { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString() }
    try {
      const result = await handlers[trigger.fn](event, { store, caller: timerCaller(trigger.name), now })
      if (!result.ok) console.error(`[scheduler] ${trigger.fn}/${trigger.name} failed`, result.error)
      return result
    } catch (error) {
      console.error(`[scheduler] ${trigger.fn}/${trigger.name} failed`, error)
      return { ok: false, error: { code: 'INTERNAL', message: String(error) } }
    }
  }

  const wait = (ms: number, then: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      then()
    }, ms)
    timer.unref()
    timers.add(timer)
  }

  const scheduleNext = (job: TimerTrigger & { schedule: CronSchedule; next: Date | null }) => {
    if (stopped) return
    job.next = nextCronTime(job.schedule, now())
    if (!job.next) return
    const fireAt = job.next
    const hop = () => {
      if (stopped) return
      const left = fireAt.getTime() - now().getTime()
      if (left > 0) return wait(Math.min(left, MAX_DELAY_MS), hop)
      void run(job, fireAt).then(() => scheduleNext(job))
    }
    hop()
  }

  const runAll = () => Promise.all(jobs.map((job) => run(job, now())))
  void runAll().then(() => jobs.forEach(scheduleNext))

  return {
    jobs,
    runAll,
    async stop() {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await Promise.all(running)
    },
  }
}
