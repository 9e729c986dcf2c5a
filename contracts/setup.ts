/**
 * Contract of the `setup` cloud function: create the database collections a fresh CloudBase
 * environment needs, and bring older data up to date. Run it from the CloudBase console or DevTools (not
 * from the mini program).
 *
 * @example
 *   // 云端测试: { "action": "backfillMemberKeys", "input": {} }  →  { "updated": 12 }
 */
import * as v from 'valibot'
import { defineAction } from './define'

export const ensureCollections = defineAction<{ created: string[] }>()(
  'setup',
  'ensureCollections',
  v.object({}),
)

/** Give memberships made before roster keys existed their `memberKey`; idempotent, cost follows how many lack one. */
export const backfillMemberKeys = defineAction<{ updated: number }>()('setup', 'backfillMemberKeys', v.object({}))
