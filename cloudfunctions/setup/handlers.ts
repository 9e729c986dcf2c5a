/**
 * The `setup` function: creates the collections in `store/schema.ts`, and backfills data older versions
 * wrote without a field now needed (members' roster keys). Only the `console` caller may run it:
 * on CloudBase the console's 云端测试 / DevTools (no OPENID, not a timer event, not from a client —
 * `platform/cloudbase.ts`), locally `npm run setup` (`local-runtime/setup-command.ts`). Users, strangers and
 * timers are refused with FORBIDDEN.
 *
 * @example
 *   await setupFunction({ action: 'ensureCollections', input: {} }, { store, caller: CONSOLE, now })   // { ok: true, data: { created } }
 */
import { backfillMemberKeys, ensureCollections } from '../../contracts/setup'
import { t } from '../../i18n/strings'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import { requireCaller } from '../../platform/timer'
import * as memberKeys from '../../usecases/member-keys'

export const setupFunction = createFunctionHandler('setup', [
  handle(ensureCollections, async (_input, ctx) => {
    requireCaller(ctx, 'console', t('error.setupFromClient'))
    const { created } = await ctx.store.ensureSchema()
    return { created }
  }),
  handle(backfillMemberKeys, async (_input, ctx) => {
    requireCaller(ctx, 'console', t('error.setupFromClient'))
    return memberKeys.backfillMemberKeys(ctx.store)
  }),
])
