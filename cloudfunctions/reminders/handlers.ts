/**
 * The `reminders` function: the daily check-in reminder job. CloudBase runs it on the timer trigger in
 * config.json (every 15 minutes) with an event `{ Type: 'Timer', TriggerName, Time }` and no OPENID; the
 * local runtime runs the same event on an interval (local-runtime/reminder-job.ts). Calls from a mini
 * program user (with an OPENID) are refused.
 *
 * @example
 *   const reminders = createRemindersFunction()                                    // inbox only (local)
 *   await reminders({ Type: 'Timer', TriggerName: 'checkinReminders' }, { store, openid: null, now })
 */
import { CHECKIN_REMINDER_TEMPLATE_ID, reminderMessageData } from '../../contracts/checkin-templates'
import { runDailyReminders } from '../../contracts/checkin'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import type { SubscribeMessage } from '../../platform/wechat-services'
import * as reminders from '../../usecases/reminders'

/** `send` is the WeChat subscribe-message sender (CloudBase); without it only inbox entries are written. */
export function createRemindersFunction(send?: (message: SubscribeMessage) => Promise<void>, templateId = CHECKIN_REMINDER_TEMPLATE_ID): FunctionHandler {
  const actions = createFunctionHandler('reminders', [
    handle(runDailyReminders, (_input, ctx) =>
      reminders.runDailyReminders(ctx, send && templateId ? { send, templateId, data: reminderMessageData } : undefined),
    ),
  ])
  return (event, ctx) => actions(isTimerEvent(event) ? { action: runDailyReminders.action, input: {} } : event, ctx)
}

function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}
