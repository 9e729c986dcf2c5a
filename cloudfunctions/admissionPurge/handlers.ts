/**
 * The `admissionPurge` function: clears the personal fields (intro, answers, phone) of rejected
 * applications some days after the decision. CloudBase runs it on the timer trigger in config.json
 * (daily at 03:30); the local runtime's scheduler reads the same trigger. Timer-only: calls from a mini
 * program user (with an OPENID) are refused (`platform/timer.ts`).
 *
 * @example
 *   await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, openid: null, now })
 */
import { purgeRejectedApplications } from '../../contracts/admission'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerOnly } from '../../platform/timer'
import * as admission from '../../usecases/admission'

export const admissionPurgeFunction: FunctionHandler = timerOnly(
  'admissionPurge',
  handle(purgeRejectedApplications, (input, ctx) => admission.purgeRejectedApplications(ctx, input)),
)
