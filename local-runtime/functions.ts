/**
 * Every cloud function's platform-free handler by name: what the local runtime serves at
 * `POST /api/<name>` and what tests (including the weapp page tests) call in place of WeChat.
 *
 * @example
 *   const result = await invokeFunction(store, 'group', { action: 'getProfile', input: { groupId } }, 'o_alice')
 */
import type { ActionResult, FunctionName } from '../contracts/define'
import { FUNCTION_NAMES } from '../contracts/define'
import type { FunctionHandler } from '../platform/dispatch'
import type { Store } from '../store/port'
import { groupFunction } from '../cloudfunctions/group/handlers'
import { setupFunction } from '../cloudfunctions/setup/handlers'
import { createAdmissionFunction } from '../cloudfunctions/admission/handlers'
import { admissionPurgeFunction } from '../cloudfunctions/admissionPurge/handlers'
import { membersFunction } from '../cloudfunctions/members/handlers'
import { inboxFunction } from '../cloudfunctions/inbox/handlers'
import { boardFunction } from '../cloudfunctions/board/handlers'
import { checkinFunction } from '../cloudfunctions/checkin/handlers'
import { createRemindersFunction } from '../cloudfunctions/reminders/handlers'
import { createLocalWechatServices } from '../platform/wechat-services-local'

/** Invite QR codes encode `<PUBLIC_URL>/pages/apply/index?scene=…` (default: the runtime's own address). */
export const localWechatServices = createLocalWechatServices({
  appBaseUrl: process.env.PUBLIC_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8787'}`,
})

export const FUNCTION_HANDLERS: Record<FunctionName, FunctionHandler> = {
  group: groupFunction,
  setup: setupFunction,
  admission: createAdmissionFunction(localWechatServices),
  admissionPurge: admissionPurgeFunction,
  members: membersFunction,
  inbox: inboxFunction,
  // Rules, announcements, tasks; check-in; the reminder job (inbox entries only, locally).
  board: boardFunction,
  checkin: checkinFunction,
  reminders: createRemindersFunction(),
}

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name)
}

export interface InvokeOptions {
  now?: () => Date
}

export function invokeFunction(
  store: Store,
  name: FunctionName,
  event: unknown,
  openid: string | null,
  options: InvokeOptions = {},
): Promise<ActionResult<unknown>> {
  return FUNCTION_HANDLERS[name](event, { store, openid, now: options.now ?? (() => new Date()) })
}
