/** `changeVersion()`: moves with every committed write of this store or of another connection, not with reads. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore, OTHERS_COMMITS_LOOKED_AT_EVERY_MS } from '../../store/sqlite'
import { makeGroup } from './store-contract'

const folder = mkdtempSync(join(tmpdir(), 'store-version-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
/** Past the window within which reads outside a transaction see another connection's commit. */
const othersCommitsSeen = () => new Promise((resolve) => setTimeout(resolve, OTHERS_COMMITS_LOOKED_AT_EVERY_MS + 1))

describe('sqlite store change version', () => {
  it.each([[':memory:'], ['file']])('moves on writes and writing transactions, not on reads (%s)', async (kind) => {
    const store = createSqliteStore({ filename: kind === 'file' ? join(folder, 'own.db') : ':memory:' })
    const v0 = store.changeVersion()
    await store.get('groups', 'g1')
    await store.find('groups', {})
    await store.count('groups')
    // A transaction that only reads (the repeated check-in tap) changes nothing.
    await store.transaction(async (tx) => tx.get('groups', 'g1'))
    expect(store.changeVersion()).toBe(v0)

    await store.create('groups', makeGroup('g1'))
    const v1 = store.changeVersion()
    expect(v1).not.toBe(v0)

    // Inside an open writing transaction nothing is committed yet; the commit moves the version.
    let during = ''
    await store.transaction(async (tx) => {
      await tx.update('groups', 'g1', { name: '改名' })
      during = store.changeVersion()
    })
    expect(during).toBe(v1)
    const v2 = store.changeVersion()
    expect(v2).not.toBe(v1)

    // A failed write moves it too (conservatively).
    await expect(store.create('groups', makeGroup('g1'))).rejects.toThrow()
    expect(store.changeVersion()).not.toBe(v2)
    store.close()
  })

  it('moves when another connection (another process) commits to the file', async () => {
    const file = join(folder, 'shared.db')
    const store = createSqliteStore({ filename: file })
    const other = createSqliteStore({ filename: file })
    await store.create('groups', makeGroup('g1'))
    const before = store.changeVersion()
    expect(store.changeVersion()).toBe(before)
    await other.update('groups', 'g1', { name: '别处改的' })
    await othersCommitsSeen()
    expect(store.changeVersion()).not.toBe(before)
    other.close()
    store.close()
  })
})

/** The adapter keeps parsed documents (and which are committed): every read must still answer as a fresh read would. */
describe('sqlite store kept documents', () => {
  const stores = [[':memory:'], ['file']] as const
  const open = (kind: string, name: string) => createSqliteStore({ filename: kind === 'file' ? join(folder, `${name}-${Math.random().toString(16).slice(2)}.db`) : ':memory:' })

  it.each(stores)('gives every reader its own copy: changing what a read returned changes no later read (%s)', async (kind) => {
    const store = open(kind, 'copies')
    await store.create('groups', makeGroup('g1', { rules: { version: 1, clauses: ['a'], publishedAt: '2026-01-01T00:00:00.000Z' } }))
    const first = (await store.get('groups', 'g1'))!
    first.name = '改了'
    first.rules!.clauses.push('b')
    const [found] = await store.find('groups', { where: { _id: 'g1' } })
    found.rules!.clauses.length = 0
    const again = await store.get('groups', 'g1')
    expect(again).toEqual(makeGroup('g1', { rules: { version: 1, clauses: ['a'], publishedAt: '2026-01-01T00:00:00.000Z' } }))
    await store.transaction(async (tx) => {
      const inTx = (await tx.get('groups', 'g1'))!
      inTx.name = '事务里改了'
      expect((await tx.get('groups', 'g1'))!.name).toBe('读书会 g1')
    })
    expect((await store.get('groups', 'g1'))!.name).toBe('读书会 g1')
    store.close()
  })

  it.each(stores)('a write is seen by the next read, inside and outside transactions; uncommitted and rolled-back writes never outside (%s)', async (kind) => {
    const store = open(kind, 'writes')
    await store.create('groups', makeGroup('g1'))
    expect((await store.get('groups', 'g1'))!.name).toBe('读书会 g1')
    await store.update('groups', 'g1', { name: '一' })
    expect((await store.get('groups', 'g1'))!.name).toBe('一')
    await store.set('groups', makeGroup('g1', { name: '二' }))
    expect((await store.find('groups', {}))[0].name).toBe('二')

    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const running = store.transaction(async (tx) => {
      await tx.update('groups', 'g1', { name: '三' })
      expect((await tx.get('groups', 'g1'))!.name).toBe('三')
      await gate
      throw new Error('rolled back')
    })
    if (kind === 'file') {
      // A file store reads committed data while the transaction is open.
      expect((await store.get('groups', 'g1'))!.name).toBe('二')
    }
    release()
    await expect(running).rejects.toThrow('rolled back')
    expect((await store.get('groups', 'g1'))!.name).toBe('二')
    await store.transaction(async (tx) => {
      expect((await tx.get('groups', 'g1'))!.name).toBe('二')
      await tx.update('groups', 'g1', { name: '四' })
    })
    expect((await store.get('groups', 'g1'))!.name).toBe('四')
    await store.remove('groups', 'g1')
    expect(await store.get('groups', 'g1')).toBeNull()
    store.close()
  })

  it('sees another connection’s commits in a transaction at once, and on reads within the window (another process on the file)', async () => {
    const file = join(folder, 'two-writers.db')
    const store = createSqliteStore({ filename: file })
    const other = createSqliteStore({ filename: file })
    await store.create('groups', makeGroup('g1'))
    expect((await store.get('groups', 'g1'))!.name).toBe('读书会 g1')
    expect((await store.get('groups', 'g1'))!.name).toBe('读书会 g1')
    await other.update('groups', 'g1', { name: '别处改的' })
    // A transaction decides on what is committed now: no window (a stale read here would be a lost update).
    await store.transaction(async (tx) => {
      expect((await tx.get('groups', 'g1'))!.name).toBe('别处改的')
    })
    expect((await store.get('groups', 'g1'))!.name).toBe('别处改的')
    await other.remove('groups', 'g1')
    await othersCommitsSeen()
    expect(await store.get('groups', 'g1')).toBeNull()
    other.close()
    store.close()
  })

  it.each(stores)('reads back what JSON keeps of a written document, not the object the writer still holds (%s)', async (kind) => {
    const store = open(kind, 'written')
    const doc = makeGroup('g1', { rules: { version: 1, clauses: ['a'], publishedAt: '2026-01-01T00:00:00.000Z' } })
    await store.set('groups', doc)
    doc.rules!.clauses.push('after the write')
    doc.name = 'after the write'
    expect(await store.get('groups', 'g1')).toEqual(makeGroup('g1', { rules: { version: 1, clauses: ['a'], publishedAt: '2026-01-01T00:00:00.000Z' } }))
    // Values JSON changes (a Date, undefined, -0, NaN, a hole), each alone: the read gives what JSON made of them.
    const oddities: Array<Record<string, unknown>> = [
      { createdAt: new Date('2026-01-02T00:00:00.000Z') },
      { gone: undefined },
      { intro: { nested: undefined, kept: 1 } },
      { zero: -0 },
      { nan: Number.NaN },
      { holes: [1, , 3] },
      { list: [undefined, 2] },
    ]
    for (const [i, odd] of oddities.entries()) {
      const id = `odd${i}`
      const written = { ...makeGroup(id), ...odd }
      const expected = JSON.parse(JSON.stringify(written))
      await store.transaction(async (tx) => {
        await tx.set('groups', written as never)
        expect(await tx.get('groups', id)).toStrictEqual(expected)
      })
      expect(await store.get('groups', id)).toStrictEqual(expected)
      await store.update('groups', id, { name: '新名', intro: undefined, ...odd } as never)
      expect(await store.get('groups', id)).toStrictEqual({ ...expected, name: '新名' })
    }
    store.close()
  })

  it('keeps a "__proto__" field as data', async () => {
    const store = open(':memory:', 'proto')
    const doc = JSON.parse('{"_id":"g1","name":"x","__proto__":{"polluted":true}}')
    await store.set('groups', doc)
    for (let i = 0; i < 2; i++) {
      const read = (await store.get('groups', 'g1')) as unknown as Record<string, unknown>
      expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
      expect(Object.keys(read)).toContain('__proto__')
      expect((read as { polluted?: boolean }).polluted).toBeUndefined()
    }
    store.close()
  })
})
