/**
 * Timer-only cloud functions and the console-only guard: jobs that CloudBase runs from a timer trigger in the
 * function's `config.json`, and `setup`, which only the operator runs. Both read `ctx.caller.kind`, which the
 * platform sets (`platform/cloudbase.ts`, `local-runtime/`), never the event:
 * - a `timer` caller with the timer event `{ Type: 'Timer', TriggerName, Time }` runs the job's one action
 *   with `{}`; with `{ action, input }` it runs that action;
 * - anyone else — a user, a stranger (no identity), even the console — is refused with FORBIDDEN before the
 *   job runs. No identity is never a timer.
 * The local runtime's scheduler (`local-runtime/scheduler.ts`) is the only local `timer` caller.
 *
 * @example
 *   export const admissionPurgeFunction = timerOnly('admissionPurge',
 *     handle(purgeRejectedApplications, (input, ctx) => admission.purgeRejectedApplications(ctx, input)))
 *   await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, caller: timerCaller('purgeRejectedDaily'), now })
 */
import * as v from 'valibot'
import type { FunctionName } from '../contracts/define'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import type { CallerKind } from '../usecases/context'
import { createFunctionHandler, type CallContext, type FunctionHandler, type RegisteredAction } from './dispatch'

/**
 * The event CloudBase (SCF underneath) sends a function when one of its timer triggers fires:
 * `{ "Type": "Timer", "TriggerName": "EveryDay", "Time": "2019-02-21T11:49:00Z", "Message": "…" }`
 * (Tencent Cloud SCF, 触发器事件消息结构汇总 → Timer 触发器的事件消息结构).
 */
export interface TimerEvent {
  Type: 'Timer'
  /** The trigger's `name` in config.json. */
  TriggerName?: string
  /** When it fired, as an ISO string. */
  Time?: string
  /** The trigger's optional message (unused). */
  Message?: string
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** Refuse (FORBIDDEN) any caller whose kind is not `kind`. */
export function requireCaller(ctx: CallContext, kind: CallerKind, message = t('error.FORBIDDEN')): void {
  if (ctx.caller.kind !== kind) throw new DomainError('FORBIDDEN', message)
}

/** A function handler serving `job` to its timer triggers only. */
export function timerOnly(fn: FunctionName, job: RegisteredAction): FunctionHandler {
  const actions = createFunctionHandler(fn, [
    {
      contract: job.contract,
      run: (input, ctx) => {
        requireCaller(ctx, 'timer')
        return job.run(input, ctx)
      },
    },
  ])
  return (event, ctx) => actions(isTimerEvent(event) ? { action: job.contract.action, input: {} } : event, ctx)
}

/**
 * A function handler serving several timer jobs, one per trigger: the timer event's `TriggerName` picks the
 * job (`jobs[TriggerName]`; an unknown trigger runs nothing and answers NOT_FOUND). Timer-only like `timerOnly`.
 *
 * @example
 *   export const admissionPurgeFunction = timerJobs('admissionPurge', { purgeRejectedDaily: purgeJob, joinQrReminderHourly: reminderJob })
 */
export function timerJobs(fn: FunctionName, jobs: Record<string, RegisteredAction>): FunctionHandler {
  const registered = Object.values(jobs)
  // A timer event naming no job of this function: refused like any other call that is not the timer's.
  const unknownTrigger: RegisteredAction = {
    contract: { fn, action: UNKNOWN_TRIGGER, input: v.unknown() },
    run: async (_input, ctx) => {
      requireCaller(ctx, 'timer')
      throw new DomainError('NOT_FOUND', t('error.NOT_FOUND'))
    },
  }
  const actions = createFunctionHandler(fn, [
    ...registered.map((job) => ({
      contract: job.contract,
      run: (input: unknown, ctx: CallContext) => {
        requireCaller(ctx, 'timer')
        return job.run(input, ctx)
      },
    })),
    unknownTrigger,
  ])
  return (event, ctx) => {
    if (!isTimerEvent(event)) return actions(event, ctx)
    const job = event.TriggerName ? jobs[event.TriggerName] : undefined
    return actions({ action: job ? job.contract.action : UNKNOWN_TRIGGER, input: {} }, ctx)
  }
}

const UNKNOWN_TRIGGER = '__unknownTrigger'
