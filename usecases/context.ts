/**
 * What every use case receives: the store port, who is calling, and a clock.
 *
 * The caller is decided by the platform, never by request data: CloudBase's entry reads
 * `getWXContext()` and the event's timer shape (`platform/cloudbase.ts`); the local runtime makes every
 * HTTP request a `user` (dev header on loopback) or a `stranger`, and only its in-process scheduler is a
 * `timer` and only `npm run setup` the `console`. No identity never means trusted: a call without one is a
 * `stranger`, which user actions answer with UNAUTHENTICATED and timer/setup work with FORBIDDEN.
 * Every trust decision reads `caller.kind`.
 *
 * @example
 *   const ctx: UseCaseContext = { store, caller: userCaller('o_alice'), now: () => new Date() }
 *   requireOpenid(ctx)                                       // 'o_alice'
 *   requireOpenid({ ...ctx, caller: STRANGER })              // throws UNAUTHENTICATED
 */
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'

/** Who is calling, as the platform established it. */
export type Caller =
  /** A mini program user (CloudBase OPENID) or a dev-mode persona on loopback. */
  | { kind: 'user'; openid: string }
  /** Nobody the platform could name: an anonymous HTTP request, a call without an OPENID from a client. */
  | { kind: 'stranger' }
  /** A timer trigger of the function (CloudBase's timer event, or the local scheduler). */
  | { kind: 'timer'; trigger: string }
  /** The operator: the CloudBase console / DevTools test call, or a local command. */
  | { kind: 'console' }

export type CallerKind = Caller['kind']

export const STRANGER: Caller = { kind: 'stranger' }
export const CONSOLE: Caller = { kind: 'console' }

export function userCaller(openid: string): Caller {
  return { kind: 'user', openid }
}

export function timerCaller(trigger: string): Caller {
  return { kind: 'timer', trigger }
}

export interface UseCaseContext {
  store: Store
  caller: Caller
  now: () => Date
}

/** The caller's OPENID when it is a user, else null (for reads that show more to a signed-in viewer). */
export function callerOpenid(ctx: Pick<UseCaseContext, 'caller'>): string | null {
  return ctx.caller.kind === 'user' ? ctx.caller.openid : null
}

/** The calling user's OPENID; UNAUTHENTICATED for anyone who is not a user (stranger, timer, console). */
export function requireOpenid(ctx: Pick<UseCaseContext, 'caller'>): string {
  if (ctx.caller.kind !== 'user') throw new DomainError('UNAUTHENTICATED', t('error.UNAUTHENTICATED'))
  return ctx.caller.openid
}
