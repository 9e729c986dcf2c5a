/**
 * Timer-only cloud functions: jobs that CloudBase runs from a timer trigger in the function's
 * `config.json` and that no mini program user may call. The one place that decides what a timer call is,
 * and which calls come from the platform itself rather than a user (also used by the console-only `setup`):
 * - the timer event `{ Type: 'Timer', TriggerName, Time }` runs the function's one action with `{}`;
 * - a call without an OPENID (the timer, or the cloud console's 云端测试) may also send `{ action, input }`;
 * - a call with an OPENID (a mini program user) is refused with FORBIDDEN.
 * The local runtime's scheduler (`local-runtime/scheduler.ts`) sends the same event.
 *
 * @example
 *   export const admissionPurgeFunction = timerOnly('admissionPurge',
 *     handle(purgeRejectedApplications, (input, ctx) => admission.purgeRejectedApplications(ctx, input)))
 *   await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, openid: null, now })
 */
import type { FunctionName } from '../contracts/define'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import { createFunctionHandler, type CallContext, type FunctionHandler, type RegisteredAction } from './dispatch'

/** The event CloudBase sends a function when one of its timer triggers fires. */
export interface TimerEvent {
  Type: 'Timer'
  /** The trigger's `name` in config.json. */
  TriggerName?: string
  /** When it fired, as an ISO string. */
  Time?: string
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** Whether the platform itself made the call: no OPENID means the timer or the cloud console. */
export function isPlatformCall(ctx: CallContext): boolean {
  return !ctx.openid
}

/** Refuse (FORBIDDEN) a call that a mini program user made. */
export function requirePlatformCall(ctx: CallContext, message = t('error.FORBIDDEN')): void {
  if (!isPlatformCall(ctx)) throw new DomainError('FORBIDDEN', message)
}

/** A function handler serving `job` to the timer and the console only. */
export function timerOnly(fn: FunctionName, job: RegisteredAction): FunctionHandler {
  const actions = createFunctionHandler(fn, [
    {
      contract: job.contract,
      run: (input, ctx) => {
        requirePlatformCall(ctx)
        return job.run(input, ctx)
      },
    },
  ])
  return (event, ctx) => actions(isTimerEvent(event) ? { action: job.contract.action, input: {} } : event, ctx)
}
