/**
 * Wraps a platform-free function handler as a CloudBase cloud function `main`: initialises
 * wx-server-sdk for the current environment, decides who is calling (`cloudbaseCaller`) from
 * `getWXContext()` and the event's shape — never from the event's data — and runs the handler on the
 * CloudBase store adapter, with the instance's rate limiter (`platform/rate-limit.ts`).
 *
 * Who is calling, in order:
 * 1. `OPENID` present → a `user`: WeChat put it there for a mini program call; no client can forge it.
 * 2. No OPENID, and `SOURCE` says a client started the call chain (`wx_client`, `wx_crawler`, `wx_http`,
 *    `wx_paycallback`; getWXContext's SOURCE enumeration) → a `stranger`.
 * 3. No OPENID and CloudBase's timer event `{ Type: 'Timer', TriggerName, Time }` → a `timer`.
 * 4. No OPENID otherwise → the `console`: the 云开发控制台's 云端测试 and the DevTools run carry no OPENID,
 *    and nothing else can reach a function without one, because we expose no function through HTTP access
 *    (云函数 HTTP 访问服务) and enable no Web SDK / anonymous login. That is the limit of this reasoning: a
 *    function exposed any such way would reach here without an OPENID and must bring its own auth first.
 *    The console can also send a timer-shaped event and be taken for the timer; it is the operator either way.
 *
 * @example
 *   export const main = cloudbaseMain(groupFunction)
 *   cloudbaseCaller({ OPENID: 'o_x' }, event)                 // { kind: 'user', openid: 'o_x' }
 *   cloudbaseCaller({}, { Type: 'Timer', TriggerName: 'd' })  // { kind: 'timer', trigger: 'd' }
 */
import cloud from 'wx-server-sdk'
import { createCloudbaseStore } from '../store/cloudbase'
import type { Store } from '../store/port'
import type { ActionResult } from '../contracts/define'
import { CONSOLE, STRANGER, timerCaller, userCaller, type Caller } from '../usecases/context'
import type { FunctionHandler } from './dispatch'
import { createRateLimiter } from './rate-limit'
import { isTimerEvent } from './timer'

export function cloudbaseMain(handler: FunctionHandler): (event: unknown) => Promise<ActionResult<unknown>> {
  let store: Store | null = null
  // One per warm instance, like the store: CloudBase may run several, each limiting on its own.
  const rateLimiter = createRateLimiter()
  return async (event) => {
    store ??= initStore()
    return handler(event, { store, caller: cloudbaseCaller(cloud.getWXContext(), event), now: () => new Date(), rateLimiter })
  }
}

/** The SOURCE values (first link of the chain) that mean a client, not the operator, started the call. */
const CLIENT_SOURCES = new Set(['wx_client', 'wx_crawler', 'wx_http', 'wx_paycallback'])

/** Who is calling, from the platform's context (see the module doc for the rules and their limit). */
export function cloudbaseCaller(context: { OPENID?: string; SOURCE?: string }, event: unknown): Caller {
  if (context.OPENID) return userCaller(context.OPENID)
  const origin = (context.SOURCE ?? '').split(',')[0].trim()
  if (CLIENT_SOURCES.has(origin)) return STRANGER
  if (isTimerEvent(event)) return timerCaller(typeof event.TriggerName === 'string' ? event.TriggerName : '')
  return CONSOLE
}

/** Once per warm instance: bind the SDK to the environment the function runs in. */
function initStore(): Store {
  // The SDK's d.ts types `env` as string but DYNAMIC_CURRENT_ENV as symbol; the runtime accepts it.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return createCloudbaseStore(cloud.database())
}
