/**
 * The `setup` function: creates the collections in `store/schema.ts`, and backfills data older versions
 * wrote without a field now needed (members' roster keys). It refuses calls that carry a user's OPENID,
 * so only the CloudBase console / DevTools (which call without one) can run it.
 */
import { backfillMemberKeys, ensureCollections } from '../../contracts/setup'
import { t } from '../../i18n/strings'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import { requirePlatformCall } from '../../platform/timer'
import * as memberKeys from '../../usecases/member-keys'

export const setupFunction = createFunctionHandler('setup', [
  handle(ensureCollections, async (_input, ctx) => {
    requirePlatformCall(ctx, t('error.setupFromClient'))
    const { created } = await ctx.store.ensureSchema()
    return { created }
  }),
  handle(backfillMemberKeys, async (_input, ctx) => {
    requirePlatformCall(ctx, t('error.setupFromClient'))
    return memberKeys.backfillMemberKeys(ctx.store)
  }),
])
