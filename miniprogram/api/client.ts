/**
 * The one place the mini program calls its backend. Pages call `callAction(contract, input)` and get
 * the contract's output type back, or an `ApiError` carrying the server's code and Chinese message.
 *
 * The transport is chosen at build time by Taro's platform files (`transport.weapp.ts`: wx.cloud.callFunction;
 * `transport.h5.ts`: `POST /api/<fn>` to the local runtime). Either way the answer is an ActionResult
 * (contracts/define.ts).
 *
 * @example
 *   const profile = await callAction(getGroupProfile, { groupId })   // GroupProfile
 */
import type { ActionEvent, ActionFailure, AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { ERROR_CODES } from '../../domain/errors'
import { t } from '../../i18n/strings'
import { ApiError } from './api-error'
import { transport } from './transport'

export { ApiError } from './api-error'

export async function callAction<A extends AnyAction>(contract: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const event: ActionEvent = { action: contract.action, input }
  let body: unknown
  try {
    body = await transport.send(contract.fn, event)
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
