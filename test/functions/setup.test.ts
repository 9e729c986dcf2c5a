import { backfillMemberKeys, ensureCollections } from '../../contracts'
import { memberId, type MemberDoc } from '../../domain/group'
import { COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore } from '../../store/sqlite'
import { memberKey } from '../../usecases/member-keys'
import { CONSOLE, GROUP, STRANGER, TIMER, testCaller, testMember } from '../support/fixture'

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

  it('backfills roster keys of memberships written before them, once, and only from the console', async () => {
    const store = createSqliteStore({ filename: ':memory:' })
    await store.ensureSchema()
    const { memberKey: _dropped, ...legacy } = testMember('o_old')
    await store.create('members', legacy as MemberDoc)
    await store.create('members', testMember('o_new'))
    expect(await testCaller(store).as('o_old').result(backfillMemberKeys, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await testCaller(store).as(CONSOLE).result(backfillMemberKeys, {})).toEqual({ ok: true, data: { updated: 1 } })
    expect((await store.get('members', memberId(GROUP, 'o_old')))?.memberKey).toBe(memberKey(GROUP, 'o_old'))
    expect(await testCaller(store).as(CONSOLE).result(backfillMemberKeys, {})).toEqual({ ok: true, data: { updated: 0 } })
  })

  it.each([['a mini program user', 'o_someone'], ['a stranger', STRANGER], ['the timer', TIMER]] as const)('refuses %s and creates nothing', async (_who, caller) => {
    const store = createSqliteStore({ filename: ':memory:' })
    const ensureSchema = jest.spyOn(store, 'ensureSchema')
    const result = await testCaller(store).as(caller).result(ensureCollections, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ensureSchema).not.toHaveBeenCalled()
  })
})
