/**
 * The `reminders` function: the daily check-in reminder job. CloudBase runs it on the timer trigger in
 * config.json (every 15 minutes); the local runtime's scheduler reads the same trigger. Timer-only: every caller
 * but the timer (users, strangers, the console) is refused (`platform/timer.ts`). Reminders are inbox entries,
 * plus the `checkinReminder` subscribe message where the template table given here has its id.
 *
 * @example
 *   const reminders = createRemindersFunction(createLocalWechatServices({ appBaseUrl }), SUBSCRIBE_TEMPLATES)
 *   await reminders({ Type: 'Timer', TriggerName: 'checkinReminders' }, { store, caller: timerCaller('checkinReminders'), now })
 */
import { runDailyReminders } from '../../contracts/checkin'
import type { SubscribeTemplates } from '../../contracts/subscribe-templates'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerOnly } from '../../platform/timer'
import { createNotifier } from '../../usecases/notifications'
import type { WechatServices } from '../../usecases/ports/wechat'
import * as reminders from '../../usecases/reminders'

export function createRemindersFunction(wechat: Pick<WechatServices, 'sendSubscribeMessage'>, templates: SubscribeTemplates): FunctionHandler {
  const notifier = createNotifier((message) => wechat.sendSubscribeMessage(message), templates)
  return timerOnly(
    'reminders',
    handle(runDailyReminders, (_input, ctx) => reminders.runDailyReminders(ctx, notifier)),
  )
}
