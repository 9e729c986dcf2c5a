/**
 * The `admissionPurge` function, admission's timer jobs: clears the personal fields (intro, answers, phone)
 * of rejected applications some days after the decision (daily at 03:30); reminds the admins a day before
 * their group's WeChat QR expires (hourly); and tells the admins about new applications, at most once an hour
 * each (the digest: inbox, plus the `applicationDigest` subscribe message where this table has its id).
 * CloudBase runs them on the timer triggers in config.json; the local runtime's scheduler reads the same
 * triggers. Timer-only: every caller but the timer (users, strangers, the console) is refused (`platform/timer.ts`).
 *
 * @example
 *   const purge = createAdmissionPurgeFunction(createLocalWechatServices({ appBaseUrl }), SUBSCRIBE_TEMPLATES)
 *   await purge({ Type: 'Timer', TriggerName: 'purgeRejectedDaily' }, { store, caller: timerCaller('purgeRejectedDaily'), now })
 */
import { purgeRejectedApplications, remindJoinQrExpiry, sendApplicationDigest } from '../../contracts/admission'
import type { SubscribeTemplates } from '../../contracts/subscribe-templates'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerJobs } from '../../platform/timer'
import { createNotifier } from '../../usecases/notifications'
import type { WechatServices } from '../../usecases/ports/wechat'
import * as admission from '../../usecases/admission'

export function createAdmissionPurgeFunction(wechat: Pick<WechatServices, 'sendSubscribeMessage'>, templates: SubscribeTemplates): FunctionHandler {
  const notifier = createNotifier((message) => wechat.sendSubscribeMessage(message), templates)
  return timerJobs('admissionPurge', {
    purgeRejectedDaily: handle(purgeRejectedApplications, (input, ctx) => admission.purgeRejectedApplications(ctx, input)),
    joinQrReminderHourly: handle(remindJoinQrExpiry, (_input, ctx) => admission.remindJoinQrExpiry(ctx)),
    applicationDigestHourly: handle(sendApplicationDigest, (_input, ctx) => admission.sendApplicationDigest(ctx, notifier)),
  })
}
