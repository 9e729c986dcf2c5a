/**
 * The `admissionPurge` function: clears the personal fields (intro, answers, phone) of rejected
 * applications some days after the decision. CloudBase runs it on the timer trigger in config.json —
 * the event is `{ Type: 'Timer', TriggerName, Time }` with no OPENID; the local runtime runs the same
 * event on an interval (local-runtime/jobs.ts). Calls from a mini program user (with an OPENID) are refused.
 *
 * @example
 *   await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, openid: null, now })
 */
import { purgeRejectedApplications } from '../../contracts/admission'
import { DomainError } from '../../domain/errors'
import { t } from '../../i18n/strings'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import * as admission from '../../usecases/admission'

const actions = createFunctionHandler('admissionPurge', [
  handle(purgeRejectedApplications, (input, ctx) => {
    if (ctx.openid) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    return admission.purgeRejectedApplications(ctx, input)
  }),
])

export function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

export const admissionPurgeFunction: FunctionHandler = (event, ctx) =>
  actions(isTimerEvent(event) ? { action: purgeRejectedApplications.action, input: {} } : event, ctx)
