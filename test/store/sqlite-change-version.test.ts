/** `changeVersion()`: moves with every committed write of this store or of another connection, not with reads. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../../store/sqlite'
import { makeGroup } from './store-contract'

const folder = mkdtempSync(join(tmpdir(), 'store-version-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

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
    expect(store.changeVersion()).not.toBe(before)
    other.close()
    store.close()
  })
})
