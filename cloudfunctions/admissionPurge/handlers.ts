/**
 * The `admissionPurge` function: clears the personal fields (intro, answers, phone) of rejected
 * applications some days after the decision. CloudBase runs it on the timer trigger in config.json
 * (daily at 03:30); the local runtime's scheduler reads the same trigger. Timer-only: every caller but
 * the timer (users, strangers, the console) is refused (`platform/timer.ts`).
 *
 * @example
 *   await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, caller: timerCaller('purgeRejectedDaily'), now })
 */
import { purgeRejectedApplications, remindJoinQrExpiry } from '../../contracts/admission'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerJobs } from '../../platform/timer'
import * as admission from '../../usecases/admission'

// Also, hourly: remind the admins a day before their group's WeChat QR expires (inbox).
export const admissionPurgeFunction: FunctionHandler = timerJobs('admissionPurge', {
  purgeRejectedDaily: handle(purgeRejectedApplications, (input, ctx) => admission.purgeRejectedApplications(ctx, input)),
  joinQrReminderHourly: handle(remindJoinQrExpiry, (_input, ctx) => admission.remindJoinQrExpiry(ctx)),
})
