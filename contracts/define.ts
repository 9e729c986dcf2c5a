/**
 * One typed contract per action, shared by the Taro client and the cloud function (the tRPC idea):
 * the input schema is validated on the server, and both sides see the same input and output types,
 * so a renamed field breaks the build rather than production.
 *
 * Where things go, one rule for every feature:
 * - a contract file (`contracts/<function>.ts`) holds its actions, their input schemas and the limits those
 *   enforce, and the views they return, each next to the action that returns it;
 * - a view is what an action returns to the client; `domain/` keeps documents (what is stored) and pure rules
 *   and never imports `contracts/`, so a builder of a view lives in `usecases/`;
 * - field schemas used by more than one contract, and the one paging shape (input `cursor`, output
 *   `{ items, next }`), are in `fields.ts`;
 * - times are ISO instants; a view whose times a page shows carries its group's `timezone`, and the page
 *   formats with it (items inside a view, or returned alone by a write, use the timezone of the view they
 *   belong to; the inbox spans groups and shows the phone's time).
 *
 * @example
 *   export const getGroupProfile = defineAction<GroupProfile>()('group', 'getProfile',
 *     v.object({ groupId: groupIdSchema }))
 *   // client:   await api.call(getGroupProfile, { groupId })       -> GroupProfile
 *   // function: handlers[getGroupProfile.action] = (input, ctx) => ...
 */
import * as v from 'valibot'
import type { ErrorCode } from '../domain/errors'
import { t } from '../i18n/strings'

// Chinese fallbacks for issues a schema gives no message of its own (a missing key, a wrong type).
v.setGlobalMessage((issue) => (issue.received === 'undefined' ? t('validate.required') : t('validate.invalid')))

/** Every deployed cloud function, by its folder name under `cloudfunctions/`. */
export const FUNCTION_NAMES = ['group', 'setup', 'admission', 'admissionPurge', 'members', 'inbox', 'board', 'checkin', 'reminders', 'photoCleanup', 'participation', 'tally', 'lottery'] as const
export type FunctionName = (typeof FUNCTION_NAMES)[number]

export interface ActionContract<TFn extends FunctionName, TInput, TParsed, TOutput> {
  readonly fn: TFn
  readonly action: string
  readonly input: v.GenericSchema<TInput, TParsed>
  /** Type-only: the output type travels with the contract, never as a value. */
  readonly _output?: TOutput
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionContract<FunctionName, any, any, any>
export type InputOf<A> = A extends ActionContract<FunctionName, infer I, unknown, unknown> ? I : never
export type ParsedOf<A> = A extends ActionContract<FunctionName, unknown, infer P, unknown> ? P : never
export type OutputOf<A> = A extends ActionContract<FunctionName, unknown, unknown, infer O> ? O : never

/** Declare an action: the output type first (type-only), then function, action name and input schema. */
export function defineAction<TOutput>() {
  return <TFn extends FunctionName, S extends v.GenericSchema>(
    fn: TFn,
    action: string,
    input: S,
  ): ActionContract<TFn, v.InferInput<S>, v.InferOutput<S>, TOutput> => ({ fn, action, input })
}

/** What a client sends as the cloud function's event. Identity is never part of it. */
export interface ActionEvent {
  action: string
  input?: unknown
}

export interface ActionFailure {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by the input's field path (e.g. `intro.name`). */
  fields?: Record<string, string>
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionFailure }
