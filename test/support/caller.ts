/**
 * A typed test caller keyed by contracts (tRPC's `createCaller`, Hono's `testClient`): tests name the
 * contract, not `'checkin', 'checkIn'` strings, and get the contract's output type back. Every call goes
 * through the real function handlers (`FUNCTION_HANDLERS`, as `invokeFunction` does), so input validation
 * and identity are exercised. A string is a user's OPENID; strangers, the timer and the console are said so
 * (`STRANGER`, `TIMER`, `CONSOLE`): no identity never stands in for the platform.
 *
 * @example
 *   const api = testCaller(store, { now: () => new Date('2026-11-23T01:00:00Z') })
 *   const { created, streak } = await api.as(MEMBER).call(checkIn, { groupId, note: '读完了' })   // CheckinResult
 *   expect(await api.as(OUTSIDER).result(checkIn, { groupId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
 *   await api.as(MEMBER).at('2026-11-24T01:00:00Z').call(checkIn, { groupId })                   // another instant
 *   await api.as(STRANGER).result(checkIn, { groupId })                                         // no identity: UNAUTHENTICATED
 *   await api.as(TIMER).event('reminders', { Type: 'Timer' })                                    // the timer, a raw event
 *   await api.as(CONSOLE).call(ensureCollections, {})                                            // the operator
 *
 *   // A function built with other services (e.g. the CloudBase ones over a fake) in place of the local one:
 *   const cloud = testCaller(store, { handlers: { admission: createAdmissionFunction(cloudbaseServices) } })
 */
import type { ActionFailure, ActionResult, AnyAction, FunctionName, InputOf, OutputOf } from '../../contracts/define'
import { FUNCTION_HANDLERS } from '../../local-runtime/functions'
import type { FunctionHandler } from '../../platform/dispatch'
import type { RateLimiter } from '../../platform/rate-limit'
import type { Store } from '../../store/port'
import { CONSOLE, STRANGER, timerCaller, userCaller, type Caller } from '../../usecases/context'

export { CONSOLE, STRANGER }
/** The timer caller, as the scheduler (or CloudBase's timer trigger) would be. */
export const TIMER: Caller = timerCaller('test-trigger')

/** Who a test calls as: a user's OPENID, or a caller said explicitly. */
export type CallAs = string | Caller

export function toCaller(who: CallAs): Caller {
  return typeof who === 'string' ? userCaller(who) : who
}

/** A call that answered `{ ok: false }`; the message carries the code, the message and the field messages. */
export class CallFailedError extends Error {
  constructor(
    readonly action: string,
    readonly failure: ActionFailure,
  ) {
    const fields = failure.fields ? ` ${JSON.stringify(failure.fields)}` : ''
    super(`${action} failed: ${failure.code} ${failure.message}${fields}`)
    this.name = 'CallFailedError'
  }
}

export interface ActingCaller {
  /** The action's data; throws `CallFailedError` when it answers `{ ok: false }`. */
  call<A extends AnyAction>(action: A, input: InputOf<A>): Promise<OutputOf<A>>
  /** The whole typed result, for asserting on failures. */
  result<A extends AnyAction>(action: A, input: InputOf<A>): Promise<ActionResult<OutputOf<A>>>
  /** Like `result`, with input the contract does not allow (validation tests). */
  resultOfUnchecked<A extends AnyAction>(action: A, input: unknown): Promise<ActionResult<OutputOf<A>>>
  /** A raw function event (timer events, malformed events). */
  event(fn: FunctionName, event: unknown): Promise<ActionResult<unknown>>
  /** The same caller at another instant. */
  at(when: string | Date): ActingCaller
}

export interface TestCaller {
  /** Calls made as a user (`'o_member'`) or as `STRANGER`, `TIMER`, `CONSOLE`. */
  as(who: CallAs): ActingCaller
}

export interface TestCallerOptions {
  /** The clock of every call (default: the real time); `.at(...)` overrides it per caller. */
  now?: () => Date
  /** Handlers to use instead of the local runtime's (`FUNCTION_HANDLERS`, what `invokeFunction` calls). */
  handlers?: Partial<Record<FunctionName, FunctionHandler>>
  /** Rate limits as the platforms apply them (default: none, so race tests can repeat a call freely). */
  rateLimiter?: RateLimiter
}

export function testCaller(store: Store, options: TestCallerOptions = {}): TestCaller {
  const defaultNow = options.now ?? (() => new Date())
  const handlers = { ...FUNCTION_HANDLERS, ...options.handlers }
  const invoke = (fn: FunctionName, event: unknown, caller: Caller, now: () => Date) =>
    handlers[fn](event, { store, caller, now, rateLimiter: options.rateLimiter })
  const acting = (caller: Caller, now: () => Date): ActingCaller => {
    const send = <A extends AnyAction>(action: A, input: unknown) =>
      invoke(action.fn, { action: action.action, input }, caller, now) as Promise<ActionResult<OutputOf<A>>>
    return {
      async call(action, input) {
        const result = await send(action, input)
        if (!result.ok) throw new CallFailedError(`${action.fn}.${action.action}`, result.error)
        return result.data
      },
      result: (action, input) => send(action, input),
      resultOfUnchecked: (action, input) => send(action, input),
      event: (fn, event) => invoke(fn, event, caller, now),
      at(when) {
        const instant = new Date(when)
        return acting(caller, () => instant)
      },
    }
  }
  return { as: (who) => acting(toCaller(who), defaultNow) }
}
