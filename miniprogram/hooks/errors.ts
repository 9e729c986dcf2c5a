/** Any failure as the ApiError pages show: an ApiError as it is, anything else as the generic INTERNAL one. */
import { t } from '../../i18n/strings'
import { ApiError } from '../api/client'

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', t('error.INTERNAL'))
}
