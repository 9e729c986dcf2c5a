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

export const FUNCTION_HANDLERS: Record<FunctionName, FunctionHandler> = {
  group: groupFunction,
  setup: setupFunction,
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
