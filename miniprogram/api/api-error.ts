/** A failed call: the server's typed failure, or INTERNAL with a network message when nothing usable came back. */
import type { ErrorCode } from '../../domain/errors'

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
