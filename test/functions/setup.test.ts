import { setupFunction } from '../../cloudfunctions/setup/handlers'
import { COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore } from '../../store/sqlite'

describe('setup function', () => {
  it('creates the collections when called without a user (console / DevTools) and is idempotent', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    const ctx = { store, openid: null, now: () => new Date() }
    const first = await setupFunction({ action: 'ensureCollections', input: {} }, ctx)
    expect(first.ok).toBe(true)
    const second = await setupFunction({ action: 'ensureCollections', input: {} }, ctx)
    expect(second).toEqual({ ok: true, data: { created: [] } })
    for (const name of COLLECTION_NAMES) await expect(store.count(name)).resolves.toBe(0)
  })

  it('refuses a call from a mini program user', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    const result = await setupFunction({ action: 'ensureCollections', input: {} }, { store, openid: 'o_someone', now: () => new Date() })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
