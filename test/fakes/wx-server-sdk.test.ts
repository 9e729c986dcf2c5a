/**
 * The wx-server-sdk fake behaves like the real SDK where adapters can tell the difference.
 */
import fakeModule, { createFakeCloud, getWXContext, init, resetFakeCloud, setWXContext, type FakeCloud } from './wx-server-sdk'

/** The transaction object's shape, as far as these tests use it (the SDK types it as `any`). */
type TestTransaction = { collection(name: string): { doc(id: string): { update(options: object): Promise<unknown> } } }

/** The SDK types results as `Promise<T> | void | string`; the fake always returns the promise. */
async function settled<T>(value: Promise<T> | void | string): Promise<T> {
  if (typeof value !== 'object' || value === null) throw new Error('expected a promise')
  return value
}

describe('wx-server-sdk fake', () => {
  let cloud: FakeCloud

  beforeEach(async () => {
    cloud = createFakeCloud()
    await cloud.database().createCollection('things')
    cloud.clearCalls()
  })

  function things() {
    return cloud.database().collection('things')
  }

  it('rejects get of a missing document like the SDK', async () => {
    await expect(things().doc('x').get()).rejects.toMatchObject({
      message: 'document.get:fail document with _id x does not exist',
      errMsg: 'document.get:fail document with _id x does not exist',
    })
  })

  it('rejects add of an existing _id with a duplicate key error', async () => {
    await things().add({ data: { _id: 'a', n: 1 } })
    await expect(things().add({ data: { _id: 'a', n: 2 } })).rejects.toThrow(/E11000 duplicate key/)
    expect(cloud.documents('things')).toEqual([{ _id: 'a', n: 1 }])
  })

  it('gives add without _id a generated one', async () => {
    const result = await things().add({ data: { n: 1 } })
    expect(result).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{32}$/) })
  })

  it('rejects createCollection of an existing collection, and operations on a missing one', async () => {
    await expect(cloud.database().createCollection('things')).rejects.toThrow(/already exists/)
    await expect(cloud.database().collection('nope').doc('a').get()).rejects.toThrow(/-502005 database collection not exists/)
  })

  it('merges nested objects on update unless the value is command.set, and reports unchanged documents', async () => {
    const db = cloud.database()
    await things().add({ data: { _id: 'a', box: { x: 1, y: 2 }, n: 1 } })
    await expect(things().doc('a').update({ data: { box: { x: 9 } } })).resolves.toMatchObject({ stats: { updated: 1 } })
    expect(cloud.documents('things')[0]).toEqual({ _id: 'a', box: { x: 9, y: 2 }, n: 1 })
    await things().doc('a').update({ data: { box: db.command.set({ x: 0 }) } })
    expect(cloud.documents('things')[0]).toEqual({ _id: 'a', box: { x: 0 }, n: 1 })
    await expect(things().doc('a').update({ data: { n: 1 } })).resolves.toMatchObject({ stats: { updated: 0 } })
    await expect(things().doc('zz').update({ data: { n: 1 } })).resolves.toMatchObject({ stats: { updated: 0 } })
    await expect(things().doc('a').update({ data: { _id: 'b' } })).rejects.toThrow(/不能更新_id的值/)
  })

  it('returns at most 100 documents from a query without limit, and up to 1000 with one', async () => {
    for (let n = 0; n < 120; n++) cloud.seed('things', { _id: `t${n}`, n })
    expect((await settled(things().get())).data).toHaveLength(100)
    expect((await settled(things().limit(110).get())).data).toHaveLength(110)
    expect((await settled(things().where({ n: cloud.database().command.gte(115) }).count())).total).toBe(5)
  })

  it('applies a transaction only if its function resolves', async () => {
    const db = cloud.database()
    await things().add({ data: { _id: 'a', n: 1 } })
    await expect(
      db.runTransaction(async (transaction: TestTransaction) => {
        await transaction.collection('things').doc('a').update({ data: { n: 2 } })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(cloud.documents('things')).toEqual([{ _id: 'a', n: 1 }])
    await db.runTransaction(async (transaction: TestTransaction) => {
      await transaction.collection('things').doc('a').update({ data: { n: 3 } })
    })
    expect(cloud.documents('things')).toEqual([{ _id: 'a', n: 3 }])
  })

  it('offers only id-addressed calls on the transaction object', async () => {
    await cloud.database().runTransaction(async (transaction: { collection(name: string): object }) => {
      const collection = transaction.collection('things')
      expect(Object.keys(collection).sort()).toEqual(['add', 'doc'])
      expect('where' in collection).toBe(false)
    })
  })

  it('stands in for the module: init, getWXContext, setWXContext, default export', () => {
    resetFakeCloud()
    init({ env: 'test' })
    expect(getWXContext()).toEqual({})
    setWXContext({ OPENID: 'o_alice' })
    expect(fakeModule.getWXContext()).toEqual({ OPENID: 'o_alice' })
    expect(typeof fakeModule.database().collection).toBe('function')
  })
})
