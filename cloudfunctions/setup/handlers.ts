/**
 * The `setup` function: creates the collections in `store/schema.ts`. It refuses calls that carry
 * a user's OPENID, so only the CloudBase console / DevTools (which call without one) can run it.
 */
import { ensureCollections } from '../../contracts/setup'
import { DomainError } from '../../domain/errors'
import { t } from '../../i18n/strings'
import { createFunctionHandler, handle } from '../../platform/dispatch'

export const setupFunction = createFunctionHandler('setup', [
  handle(ensureCollections, async (_input, ctx) => {
    if (ctx.openid) throw new DomainError('FORBIDDEN', t('error.setupFromClient'))
    const { created } = await ctx.store.ensureSchema()
    return { created }
  }),
])
