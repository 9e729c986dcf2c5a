/**
 * What every use case receives: the store port, the caller's platform identity, and a clock.
 * The identity comes from the platform (`getWXContext().OPENID`, or the local runtime's dev header),
 * never from the request body.
 */
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'

export interface UseCaseContext {
  store: Store
  /** The caller's OPENID, or null when the platform supplied none (console, timer). */
  openid: string | null
  now: () => Date
}

/** The caller's OPENID; UNAUTHENTICATED when the platform supplied none. */
export function requireOpenid(ctx: UseCaseContext): string {
  if (!ctx.openid) throw new DomainError('UNAUTHENTICATED', t('error.UNAUTHENTICATED'))
  return ctx.openid
}
