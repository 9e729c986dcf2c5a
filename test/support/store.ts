/** A fresh in-memory SQLite store with the schema, optionally seeded with the demo community. */
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { createSqliteStore } from '../../store/sqlite'

export const FIXED_NOW = new Date('2026-11-23T02:00:00.000Z')

export async function makeStore(options: { seed?: boolean } = {}) {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  if (options.seed) await seedDemoCommunity(store, FIXED_NOW)
  return store
}
