/**
 * The one place the mini program calls its backend. Pages call `callAction(contract, input)` and get
 * the contract's output type back, or an `ApiError` carrying the server's code and Chinese message.
 *
 * The transport is chosen at build time:
 * - weapp: `wx.cloud.callFunction({ name: contract.fn, data: { action, input } })`; WeChat injects the caller's identity;
 * - h5:    `POST /api/<fn>` with body `{ action, input }` to the local runtime, with the dev persona's
 *          OPENID in `X-WX-OPENID` when dev mode is on.
 * Either way the answer is an ActionResult (contracts/define.ts).
 *
 * @example
 *   const profile = await callAction(getGroupProfile, { groupId })   // GroupProfile
 */
import Taro from '@tarojs/taro'
import type { ActionEvent, ActionFailure, AnyAction, FunctionName, InputOf, OutputOf } from '../../contracts/define'
import { ERROR_CODES, type ErrorCode } from '../../domain/errors'
import { t } from '../../i18n/strings'
import { currentPersonaOpenid } from './dev-session'

/** A failed call: the server's typed failure, or INTERNAL with a network message when nothing usable came back. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }
}

export async function callAction<A extends AnyAction>(contract: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const event: ActionEvent = { action: contract.action, input }
  let body: unknown
  try {
    body = await sendEvent(contract.fn, event)
  } catch {
    throw networkError()
  }
  if (isSuccess(body)) return body.data as OutputOf<A>
  if (isFailure(body)) {
    const { code, message, fields } = body.error
    throw new ApiError(code, message, fields)
  }
  throw networkError()
}

/** What to tell the user about a failed call: the server's Chinese message, or a generic one. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : t('error.INTERNAL')
}

function networkError(): ApiError {
  return new ApiError('INTERNAL', t('error.network'))
}

function sendEvent(fn: FunctionName, event: ActionEvent): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') return callCloudFunction(fn, event)
  return postToLocalRuntime(fn, event)
}

async function callCloudFunction(fn: FunctionName, event: ActionEvent): Promise<unknown> {
  const response = await Taro.cloud.callFunction({ name: fn, data: { action: event.action, input: event.input } })
  return response.result
}

async function postToLocalRuntime(fn: FunctionName, event: ActionEvent): Promise<unknown> {
  const openid = await currentPersonaOpenid()
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid) header['X-WX-OPENID'] = openid
  const response = await Taro.request<unknown>({ url: `/api/${fn}`, method: 'POST', data: event, header })
  return response.data
}

function isSuccess(body: unknown): body is { ok: true; data: unknown } {
  return typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true
}

function isFailure(body: unknown): body is { ok: false; error: ActionFailure } {
  if (typeof body !== 'object' || body === null || (body as { ok?: unknown }).ok !== false) return false
  const error = (body as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  return typeof message === 'string' && (ERROR_CODES as readonly unknown[]).includes(code)
}
