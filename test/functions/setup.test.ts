import { ensureCollections } from '../../contracts'
import { COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore } from '../../store/sqlite'
import { CONSOLE, STRANGER, TIMER, testCaller } from '../support/fixture'

describe('setup function', () => {
  it('creates the collections when the console calls, and is idempotent', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    const operator = testCaller(store).as(CONSOLE)
    const first = await operator.result(ensureCollections, {})
    expect(first.ok).toBe(true)
    const second = await operator.result(ensureCollections, {})
    expect(second).toEqual({ ok: true, data: { created: [] } })
    for (const name of COLLECTION_NAMES) await expect(store.count(name)).resolves.toBe(0)
  })

  it.each([['a mini program user', 'o_someone'], ['a stranger', STRANGER], ['the timer', TIMER]] as const)('refuses %s and creates nothing', async (_who, caller) => {
    const store = createSqliteStore({ filename: ':memory:' })
    const ensureSchema = jest.spyOn(store, 'ensureSchema')
    const result = await testCaller(store).as(caller).result(ensureCollections, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ensureSchema).not.toHaveBeenCalled()
  })
})
