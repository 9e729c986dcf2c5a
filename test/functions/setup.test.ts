import { ensureCollections } from '../../contracts'
import { COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore } from '../../store/sqlite'
import { testCaller } from '../support/fixture'

describe('setup function', () => {
  it('creates the collections when called without a user (console / DevTools) and is idempotent', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    const operator = testCaller(store).as(null)
    const first = await operator.result(ensureCollections, {})
    expect(first.ok).toBe(true)
    const second = await operator.result(ensureCollections, {})
    expect(second).toEqual({ ok: true, data: { created: [] } })
    for (const name of COLLECTION_NAMES) await expect(store.count(name)).resolves.toBe(0)
  })

  it('refuses a call from a mini program user', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    const result = await testCaller(store).as('o_someone').result(ensureCollections, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
