import { t } from '../i18n/strings'

/**
 * Typed failures every use case may raise. The code travels to the client unchanged;
 * the message is what the user reads (Simplified Chinese).
 *
 * @example
 *   throw new DomainError('NOT_FOUND', '群不存在')
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Too many of one action too fast (`platform/rate-limit.ts`); nothing was written. */
  'RATE_LIMITED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class DomainError extends Error {
  readonly code: ErrorCode
  /** Optional per-field messages, e.g. for form validation. */
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.fields = fields
  }
}

/** Default user-facing message per code, used when a layer has nothing more specific to say. */
export function defaultErrorMessage(code: ErrorCode): string {
  return t(`error.${code}`)
}
