/**
 * Contract of the `setup` cloud function: create the database collections a fresh CloudBase
 * environment needs. Run it once from the CloudBase console or DevTools (not from the mini program).
 */
import * as v from 'valibot'
import { defineAction } from './define'

export const ensureCollections = defineAction<{ created: string[] }>()(
  'setup',
  'ensureCollections',
  v.object({}),
)
