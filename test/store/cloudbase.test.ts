/**
 * The store contract on the CloudBase adapter over the recording wx-server-sdk fake, plus the exact SDK calls
 * the adapter makes for a few operations.
 */
import { backoffDelay, createCloudbaseStore, DEFAULT_TRANSACTION_RETRY, TRANSACTION_RETRIES, type CloudbaseDatabase } from '../../store/cloudbase'
import { StoreBusyError, StoreNotFoundError, type Store } from '../../store/port'
import { COLLECTION_NAMES } from '../../store/schema'
import { createFakeCloud, FakeTransactionConflictError, type FakeCloud } from '../fakes/wx-server-sdk'
import { describeStoreContract, makeGroup, makeMember } from './store-contract'

describeStoreContract('cloudbase over the wx-server-sdk fake', () => createCloudbaseStore(createFakeCloud().database()))

describe('cloudbase adapter: SDK calls', () => {
  let cloud: FakeCloud
  let store: Store

  beforeEach(async () => {
    cloud = createFakeCloud()
    store = createCloudbaseStore(cloud.database())
    await store.ensureSchema()
    cloud.clearCalls()
  })

  it('ensureSchema creates each collection and treats "already exists" as done', async () => {
    const fresh = createFakeCloud()
    const freshStore = createCloudbaseStore(fresh.database())
    await expect(freshStore.ensureSchema()).resolves.toEqual({ created: COLLECTION_NAMES })
    await expect(freshStore.ensureSchema()).resolves.toEqual({ created: [] })
    const oneRound = COLLECTION_NAMES.map((collection) => ({ op: 'createCollection', collection }))
    expect(fresh.calls).toEqual([...oneRound, ...oneRound])
    expect(fresh.collectionNames().sort()).toEqual([...COLLECTION_NAMES].sort())
  })

  it('create is collection.add with the _id inside data', async () => {
    await store.create('members', makeMember('g1', 'o1'))
    expect(cloud.calls).toEqual([
      { op: 'collection.add', collection: 'members', args: { data: makeMember('g1', 'o1') } },
    ])
  })

  it('get is doc(id).get(); a missing document is null', async () => {
    await expect(store.get('groups', 'g1')).resolves.toBeNull()
    expect(cloud.calls).toEqual([{ op: 'document.get', collection: 'groups', id: 'g1' }])
  })

  it('get passes on errors other than "does not exist"', async () => {
    const unprepared = createCloudbaseStore(createFakeCloud().database())
    await expect(unprepared.get('groups', 'g1')).rejects.toThrow(/collection not exists/)
  })

  it('get drops the _openid CloudBase adds', async () => {
    cloud.seed('groups', { ...makeGroup('g1'), _openid: 'o_writer' })
    await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1'))
  })

  it('set is doc(id).set() with the document minus _id', async () => {
    await store.set('groups', makeGroup('g1'))
    const { _id, ...withoutId } = makeGroup('g1')
    expect(cloud.calls).toEqual([{ op: 'document.set', collection: 'groups', id: 'g1', args: { data: withoutId } }])
  })

  it('update is doc(id).update(), writing object values whole with command.set', async () => {
    await store.create('groups', makeGroup('g1'))
    cloud.clearCalls()
    const rules = { version: 2, clauses: ['新规'], publishedAt: '2026-03-01T00:00:00.000Z' }
    await store.update('groups', 'g1', { memberCount: 3, rules })
    expect(cloud.calls).toEqual([
      {
        op: 'document.update',
        collection: 'groups',
        id: 'g1',
        args: { data: { memberCount: 3, rules: { $set: rules } } },
      },
    ])
  })

  it('an update that modifies nothing checks whether the document exists', async () => {
    await expect(store.update('groups', 'ghost', { memberCount: 1 })).rejects.toBeInstanceOf(StoreNotFoundError)
    expect(cloud.calls).toEqual([
      { op: 'document.update', collection: 'groups', id: 'ghost', args: { data: { memberCount: 1 } } },
      { op: 'document.get', collection: 'groups', id: 'ghost' },
    ])
  })

  it('remove is doc(id).remove()', async () => {
    await store.remove('groups', 'g1')
    expect(cloud.calls).toEqual([{ op: 'document.remove', collection: 'groups', id: 'g1' }])
  })

  it('find with a range filter is where(...).orderBy(...).skip(...).limit(...).get()', async () => {
    await store.find('members', {
      where: { groupId: 'g1', joinedAt: { gte: '2026-01-01', lt: '2026-02-01' }, role: { in: ['owner', 'admin'] } },
      orderBy: [{ field: 'joinedAt', direction: 'desc' }],
      skip: 40,
      limit: 20,
    })
    expect(cloud.calls).toEqual([
      {
        op: 'collection.get',
        collection: 'members',
        query: [
          {
            method: 'where',
            args: [
              {
                groupId: 'g1',
                joinedAt: { $and: [{ $gte: '2026-01-01' }, { $lt: '2026-02-01' }] },
                role: { $in: ['owner', 'admin'] },
              },
            ],
          },
          { method: 'orderBy', args: ['joinedAt', 'desc'] },
          { method: 'skip', args: [40] },
          { method: 'limit', args: [20] },
        ],
      },
    ])
  })

  it('find without a filter or skip asks for the default limit; a large limit is clamped to 100', async () => {
    await store.find('groups', { where: { status: { ne: 'closed' } } })
    await store.find('groups', { limit: 500 })
    expect(cloud.calls).toEqual([
      {
        op: 'collection.get',
        collection: 'groups',
        query: [
          { method: 'where', args: [{ status: { $neq: 'closed' } }] },
          { method: 'limit', args: [20] },
        ],
      },
      { op: 'collection.get', collection: 'groups', query: [{ method: 'limit', args: [100] }] },
    ])
  })

  it('count is where(...).count()', async () => {
    await store.count('members', { groupId: 'g1' })
    await store.count('members')
    expect(cloud.calls).toEqual([
      { op: 'collection.count', collection: 'members', query: [{ method: 'where', args: [{ groupId: 'g1' }] }] },
      { op: 'collection.count', collection: 'members', query: [] },
    ])
  })

  it('a transaction is runTransaction with document-level calls only', async () => {
    await store.create('groups', makeGroup('g1', { memberCount: 1 }))
    cloud.clearCalls()
    await store.transaction(async (tx) => {
      const group = await tx.get('groups', 'g1')
      await tx.create('members', makeMember('g1', 'o1'))
      await tx.update('groups', 'g1', { memberCount: group!.memberCount + 1 })
      await tx.remove('members', 'g1:o0')
    })
    expect(cloud.calls).toEqual([
      { op: 'runTransaction', args: { retry: TRANSACTION_RETRIES } },
      { op: 'document.get', collection: 'groups', id: 'g1', inTransaction: true },
      { op: 'collection.add', collection: 'members', args: { data: makeMember('g1', 'o1') }, inTransaction: true },
      { op: 'document.update', collection: 'groups', id: 'g1', args: { data: { memberCount: 2 } }, inTransaction: true },
      { op: 'document.remove', collection: 'members', id: 'g1:o0', inTransaction: true },
    ])
  })
})

describe('cloudbase adapter: a transaction the SDK gave up on is tried again after a backoff', () => {
  /** The fake's database, whose first `conflicts` runTransaction calls fail as the SDK does after its own retries. */
  function conflicting(cloud: FakeCloud, conflicts: number) {
    const db = cloud.database()
    let left = conflicts
    const runTransaction = db.runTransaction.bind(db)
    const flaky: CloudbaseDatabase = {
      collection: db.collection.bind(db),
      command: db.command,
      createCollection: db.createCollection.bind(db),
      runTransaction: (run: never, retry?: number) => {
        if (left-- > 0) return Promise.reject(new FakeTransactionConflictError('(write conflict on groups/g1)'))
        return runTransaction(run, retry)
      },
    }
    return flaky
  }

  async function storeWith(conflicts: number) {
    const cloud = createFakeCloud()
    const sleeps: number[] = []
    const store = createCloudbaseStore(conflicting(cloud, conflicts), {
      transactionRetry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    })
    await store.ensureSchema()
    await store.create('groups', makeGroup('g1', { memberCount: 1 }))
    return { cloud, store, sleeps }
  }

  const addMember = (store: Store) =>
    store.transaction(async (tx) => {
      const group = await tx.get('groups', 'g1')
      await tx.update('groups', 'g1', { memberCount: group!.memberCount + 1 })
      return group!.memberCount + 1
    })

  it('the delays double from 50 ms up to 400 ms, half fixed and half jitter', () => {
    const policy = { ...DEFAULT_TRANSACTION_RETRY, random: () => 0 }
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([25, 50, 100, 200, 200])
    const top = { ...DEFAULT_TRANSACTION_RETRY, random: () => 0.999999 }
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, top))).toEqual([50, 100, 200, 400, 400])
  })

  it('after two give-ups the third attempt commits, having waited 38 then 75 ms', async () => {
    const { store, sleeps, cloud } = await storeWith(2)
    expect(await addMember(store)).toBe(2)
    expect(sleeps).toEqual([38, 75])
    expect((await store.get('groups', 'g1'))?.memberCount).toBe(2)
    expect(cloud.calls.filter((call) => call.op === 'runTransaction')).toHaveLength(1) // the two refused never reached the fake
  })

  it('five give-ups in a row: StoreBusyError after waiting 38, 75, 150 and 300 ms (under a second in all)', async () => {
    const { store, sleeps } = await storeWith(5)
    await expect(addMember(store)).rejects.toBeInstanceOf(StoreBusyError)
    expect(sleeps).toEqual([38, 75, 150, 300])
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(1000)
    expect((await store.get('groups', 'g1'))?.memberCount).toBe(1)
  })

  it('other errors are not retried', async () => {
    const { store, sleeps } = await storeWith(0)
    await expect(store.transaction(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(sleeps).toEqual([])
  })
})
