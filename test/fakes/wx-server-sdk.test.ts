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

describe('wx-server-sdk fake, transactions interleaving', () => {
  type Tx = {
    collection(name: string): {
      doc(id: string): { get(): Promise<{ data: { n: number } }>; update(options: object): Promise<unknown> }
      add(options: object): Promise<unknown>
    }
  }
  let cloud: FakeCloud

  beforeEach(async () => {
    cloud = createFakeCloud({ transactions: 'concurrent' })
    await cloud.database().createCollection('things')
    await cloud.database().collection('things').add({ data: { _id: 'a', n: 0 } })
  })

  const increment = (retry?: number) =>
    cloud.database().runTransaction(async (tx: Tx) => {
      const { data } = await tx.collection('things').doc('a').get()
      await tx.collection('things').doc('a').update({ data: { n: data.n + 1 } })
      return data.n + 1
    }, retry)

  const n = () => cloud.documents('things')[0].n

  it('runs transactions side by side: both read before either writes, the loser re-runs on the new data', async () => {
    const results = await Promise.all([increment(), increment()])
    expect(results.sort()).toEqual([1, 2])
    expect(n()).toBe(2)
    const inTx = cloud.calls.filter((call) => call.inTransaction).map((call) => call.op)
    // interleaved: get, get, update, update, then the loser's second attempt: get, update
    expect(inTx).toEqual(['document.get', 'document.get', 'document.update', 'document.update', 'document.get', 'document.update'])
  })

  it('reads a snapshot from the start of the attempt; a commit since then is a conflict, and the retry sees it', async () => {
    const seen: number[] = []
    await cloud.database().runTransaction(async (tx: Tx) => {
      if (seen.length === 0) await cloud.database().collection('things').doc('a').update({ data: { n: 5 } })
      seen.push((await tx.collection('things').doc('a').get()).data.n)
    })
    expect(seen).toEqual([0, 5])
  })

  it('re-runs the callback at most `retry` more times, then rejects with the conflict error', async () => {
    let attempts = 0
    const run = cloud.database().runTransaction(async (tx: Tx) => {
      attempts++
      await tx.collection('things').doc('a').get()
      await cloud.database().collection('things').doc('a').update({ data: { n: attempts } }) // someone else commits
    }, 2)
    await expect(run).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: expect.stringMatching(/TransactionConflict/) })
    expect(attempts).toBe(3)
  })

  it('does not retry other errors', async () => {
    let attempts = 0
    await expect(
      cloud.database().runTransaction(async () => {
        attempts++
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(attempts).toBe(1)
  })

  it('gives up on some of many concurrent writers of one document once their retries are spent; the rest count exactly', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => increment(3)))
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(n()).toBe(fulfilled.length)
    expect(rejected.length).toBeGreaterThan(0)
    for (const r of rejected) expect(r.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  })

  it('refuses an insert of an id another transaction committed meanwhile with a duplicate key error; pauseBefore forces that order', async () => {
    const insert = (note: string) =>
      cloud.database().runTransaction(async (tx: Tx) => {
        await tx.collection('things').doc('b').get().catch(() => null)
        await tx.collection('things').add({ data: { _id: 'b', note } })
      })
    const gate = cloud.pauseBefore({ op: 'collection.add', collection: 'things', inTransaction: true })
    const late = insert('late')
    await expect(gate.reached).resolves.toMatchObject({ op: 'collection.add', args: { data: { _id: 'b', note: 'late' } }, inTransaction: true })
    await insert('early')
    gate.release()
    await expect(late).rejects.toThrow(/E11000 duplicate key/)
    expect(cloud.documents('things').find((doc) => doc._id === 'b')).toMatchObject({ note: 'early' })
  })

  it('re-runs a transaction whose staged insert lost to another commit, and the re-run sees the winner', async () => {
    const outcomes: string[] = []
    const insert = (note: string) =>
      cloud.database().runTransaction(async (tx: Tx) => {
        const existing = await tx.collection('things').doc('b').get().catch(() => null)
        if (existing) return outcomes.push(`${note}: found`)
        await tx.collection('things').add({ data: { _id: 'b', note } })
        outcomes.push(`${note}: staged`)
      })
    await Promise.all([insert('one'), insert('two')])
    expect(outcomes).toEqual(['one: staged', 'two: staged', 'two: found'])
    expect(cloud.documents('things').find((doc) => doc._id === 'b')).toMatchObject({ note: 'one' })
  })
})
