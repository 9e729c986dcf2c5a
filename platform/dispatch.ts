/**
 * Turns a cloud function's event into a validated use-case call and a typed result — the same code
 * on CloudBase and in the local runtime. Entries stay thin: they supply the store and the caller
 * (`usecases/context.ts`), which only the platform decides.
 *
 * @example
 *   const group = createFunctionHandler('group', [
 *     handle(getGroupProfile, (input, ctx) => usecases.getGroupProfile(ctx, input)),
 *   ])
 *   await group({ action: 'getProfile', input: { groupId: 'g1' } }, { store, caller: userCaller('o_alice'), now })
 *   // -> { ok: true, data: {...} } or { ok: false, error: { code: 'NOT_FOUND', message: '...' } }
 */
import * as v from 'valibot'
import type { ActionContract, ActionFailure, ActionResult, AnyAction, FunctionName, OutputOf, ParsedOf } from '../contracts/define'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import { StoreBusyError, StoreConflictError, StoreNotFoundError } from '../store/port'
import type { UseCaseContext } from '../usecases/context'
import { rateLimitOf, type RateLimiter } from './rate-limit'

/** A use case's context plus what the platform keeps per function instance. */
export interface CallContext extends UseCaseContext {
  /** The instance's rate limiter (`platform/rate-limit.ts`); absent, nothing is limited (tests, the scheduler). */
  rateLimiter?: RateLimiter
}

export interface RegisteredAction {
  contract: AnyAction
  run: (input: unknown, ctx: CallContext) => Promise<unknown>
}

/** Bind a contract to the code that serves it; the handler sees the parsed input type. */
export function handle<A extends ActionContract<FunctionName, unknown, unknown, unknown>>(
  contract: A,
  run: (input: ParsedOf<A>, ctx: CallContext) => Promise<OutputOf<A>>,
): RegisteredAction {
  return { contract, run: (input, ctx) => run(input as ParsedOf<A>, ctx) }
}

export type FunctionHandler = (event: unknown, ctx: CallContext) => Promise<ActionResult<unknown>>

export function createFunctionHandler(fn: FunctionName, actions: RegisteredAction[]): FunctionHandler {
  const byName = new Map<string, RegisteredAction>()
  for (const registered of actions) {
    if (registered.contract.fn !== fn) throw new Error(`${registered.contract.action} belongs to ${registered.contract.fn}, not ${fn}`)
    byName.set(registered.contract.action, registered)
  }

  return async (event, ctx) => {
    try {
      const action = readAction(event)
      const registered = byName.get(action)
      if (!registered) throw new DomainError('INVALID_INPUT', t('error.unknownAction'))
      const input = parseInput(registered.contract.input, (event as { input?: unknown }).input ?? {})
      enforceRateLimit(registered.contract, ctx)
      const data = await registered.run(input, ctx)
      return { ok: true, data }
    } catch (error) {
      return { ok: false, error: toFailure(error, fn) }
    }
  }
}

/** RATE_LIMITED when a user has used up this action's tries (only limited actions, only users). */
function enforceRateLimit(action: AnyAction, ctx: CallContext): void {
  const limit = rateLimitOf(action)
  if (!limit || !ctx.rateLimiter || ctx.caller.kind !== 'user') return
  if (!ctx.rateLimiter.take(limit, ctx.caller.openid)) throw new DomainError('RATE_LIMITED', t('error.RATE_LIMITED'))
}

function readAction(event: unknown): string {
  if (typeof event !== 'object' || event === null) throw new DomainError('INVALID_INPUT', t('validate.object'))
  const action = (event as { action?: unknown }).action
  if (typeof action !== 'string') throw new DomainError('INVALID_INPUT', t('error.unknownAction'))
  return action
}

/** Validate with the contract's schema; unknown keys are dropped (so no identity can ride along). */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  const fields: Record<string, string> = {}
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? ''
    if (!(path in fields)) fields[path] = issue.message
  }
  throw new DomainError('INVALID_INPUT', result.issues[0].message, fields)
}

function toFailure(error: unknown, fn: FunctionName): ActionFailure {
  if (error instanceof DomainError) {
    return error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message }
  }
  if (error instanceof StoreConflictError) return { code: 'CONFLICT', message: t('error.CONFLICT') }
  if (error instanceof StoreBusyError) return { code: 'CONFLICT', message: t('error.busy') }
  if (error instanceof StoreNotFoundError) return { code: 'NOT_FOUND', message: t('error.NOT_FOUND') }
  // Unexpected: log for the operator, tell the user nothing internal.
  console.error(`[${fn}] unexpected error`, error)
  return { code: 'INTERNAL', message: t('error.INTERNAL') }
}
