/**
 * The `setup` function: creates the collections in `store/schema.ts`. It refuses calls that carry
 * a user's OPENID, so only the CloudBase console / DevTools (which call without one) can run it.
 */
import { ensureCollections } from '../../contracts/setup'
import { t } from '../../i18n/strings'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import { requirePlatformCall } from '../../platform/timer'

export const setupFunction = createFunctionHandler('setup', [
  handle(ensureCollections, async (_input, ctx) => {
    requirePlatformCall(ctx, t('error.setupFromClient'))
    const { created } = await ctx.store.ensureSchema()
    return { created }
  }),
])
