/**
 * The store contract on SQLite (in memory and on a WAL file), plus what only the SQLite adapter promises:
 * durability across reopening, WAL mode, the schema's indexes, and refusing store calls inside its own transaction.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { GroupDoc } from '../../domain/group'
import type { FindOptions } from '../../store/port'
import { COLLECTION_INDEXES, COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore, OTHERS_COMMITS_LOOKED_AT_EVERY_MS, type SqliteStore } from '../../store/sqlite'
import { describeStoreContract, makeGroup, makeMember } from './store-contract'

const folder = mkdtempSync(join(tmpdir(), 'store-sqlite-'))
const opened: SqliteStore[] = []
let fileNumber = 0

function open(filename?: string): SqliteStore {
  const store = createSqliteStore(filename === undefined ? {} : { filename })
  opened.push(store)
  return store
}

/** Past the window within which reads outside a transaction see another connection's commit. */
const othersCommitsSeen = () => new Promise((resolve) => setTimeout(resolve, OTHERS_COMMITS_LOOKED_AT_EVERY_MS + 1))

function freshFile(): string {
  fileNumber += 1
  return join(folder, `nested-${fileNumber}`, 'store.db')
}

afterAll(() => {
  for (const store of opened) {
    try {
      store.close()
    } catch {
      // already closed by the test
    }
  }
  rmSync(folder, { recursive: true, force: true })
})

describeStoreContract('sqlite :memory:', () => open())
describeStoreContract('sqlite file', () => open(freshFile()))

/** SQLite orders names by their bytes (BINARY collation), not by locale. */
function byNameAsSqliteSorts(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

describe('sqlite store', () => {
  it('creates the tables on construction, so ensureSchema reports nothing new', async () => {
    const store = open()
    await expect(store.ensureSchema()).resolves.toEqual({ created: [] })
    await expect(store.count('groups')).resolves.toBe(0)
  })

  it('creates the parent folder, uses WAL, and keeps data across reopening', async () => {
    const filename = freshFile()
    const first = open(filename)
    await first.create('groups', makeGroup('g1', { memberCount: 3 }))
    await first.transaction(async (tx) => {
      await tx.create('members', makeMember('g1', 'o1'))
    })
    first.close()

    const inspector = new Database(filename, { readonly: true })
    expect(inspector.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = inspector.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all()
    expect(tables).toEqual(COLLECTION_NAMES.map((name) => ({ name })).sort(byNameAsSqliteSorts))
    inspector.close()

    const second = open(filename)
    await expect(second.get('groups', 'g1')).resolves.toEqual(makeGroup('g1', { memberCount: 3 }))
    await expect(second.get('members', 'g1:o1')).resolves.toEqual(makeMember('g1', 'o1'))
  })

  it('creates an expression index for each index in schema.ts, used by the matching query', async () => {
    const filename = freshFile()
    open(filename).close()
    const inspector = new Database(filename, { readonly: true })
    const indexes = inspector
      .prepare(`SELECT name, tbl_name AS collection FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
      .all()
    // One index per IndexSpec, named <collection>__<field>_<direction>__…
    const expected = COLLECTION_NAMES.flatMap((collection) =>
      COLLECTION_INDEXES[collection].map((spec) => {
        const fields = spec.unique || spec.fields.at(-1)?.field === '_id' ? spec.fields : [...spec.fields, { field: '_id', direction: 'asc' }]
        return { collection, name: [collection, ...fields.map((f) => `${f.field}_${f.direction}`)].join('__') }
      }),
    ).sort(byNameAsSqliteSorts)
    expect(indexes).toEqual(expected)
    expect(indexes).toContainEqual({ name: 'members__groupId_asc__joinedAt_desc___id_asc', collection: 'members' })
    const plan = inspector
      .prepare(
        `EXPLAIN QUERY PLAN SELECT _id, doc FROM "members" WHERE json_extract(doc, '$.groupId') = ? ORDER BY json_extract(doc, '$.joinedAt') DESC, _id ASC LIMIT ? OFFSET ?`,
      )
      .all('g1', 20, 0) as Array<{ detail: string }>
    expect(plan.map((step) => step.detail).join('\n')).toContain('members__groupId_asc__joinedAt_desc___id_asc')
    // Each index ends with the `_id` every query is ordered by last, so SQLite sorts nothing: today's feed.
    const feed = inspector
      .prepare(
        `EXPLAIN QUERY PLAN SELECT _id, doc FROM "checkins" WHERE json_extract(doc, '$.groupId') = ? AND json_extract(doc, '$.day') = ? ORDER BY json_extract(doc, '$.checkedInAt') DESC, _id ASC LIMIT ? OFFSET ?`,
      )
      .all('g1', '2026-11-23', 21, 0) as Array<{ detail: string }>
    expect(feed.map((step) => step.detail).join('\n')).toContain('checkins__groupId_asc__day_asc__checkedInAt_desc___id_asc')
    expect(feed.map((step) => step.detail).join('\n')).not.toContain('TEMP B-TREE')
    inspector.close()
  })

  it('drops an index an earlier version created and schema.ts no longer declares, and keeps the rest', async () => {
    const filename = freshFile()
    open(filename).close()
    const writer = new Database(filename)
    writer.exec(`CREATE INDEX "checkins__groupId_asc__day_asc__checkedInAt_desc" ON "checkins" (json_extract(doc, '$.groupId'), json_extract(doc, '$.day'), json_extract(doc, '$.checkedInAt') DESC)`)
    writer.exec(`CREATE INDEX "someone_elses_index" ON "checkins" (json_extract(doc, '$.note'))`)
    const before = writer.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).get() as { n: number }
    writer.close()
    open(filename).close()
    const inspector = new Database(filename, { readonly: true })
    const names = (inspector.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as Array<{ name: string }>).map((row) => row.name)
    inspector.close()
    expect(names).not.toContain('checkins__groupId_asc__day_asc__checkedInAt_desc')
    expect(names).toContain('checkins__groupId_asc__day_asc__checkedInAt_desc___id_asc')
    expect(names).toContain('someone_elses_index')
    expect(names).toHaveLength(before.n - 1)
  })

  it('refuses store calls made inside its own transaction instead of waiting for itself', async () => {
    const store = open()
    await store.create('groups', makeGroup('g1'))
    const attempt = store.transaction(async () => {
      await store.get('groups', 'g1')
    })
    await expect(attempt).rejects.toThrow(/inside store.transaction\(\); use the tx argument/)
    const nested = store.transaction(() => store.transaction(async () => undefined))
    await expect(nested).rejects.toThrow(/inside store.transaction/)
    await expect(store.get('groups', 'g1')).resolves.not.toBeNull()
  })

  it('on a file, reads do not wait for an open transaction and see only committed data', async () => {
    const store = open(freshFile())
    await store.create('groups', makeGroup('g1', { memberCount: 1 }))
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let written = () => {}
    const wrote = new Promise<void>((resolve) => (written = resolve))
    const transaction = store.transaction(async (tx) => {
      await tx.update('groups', 'g1', { memberCount: 2 })
      await tx.create('groups', makeGroup('g2'))
      written()
      await released
    })
    await wrote
    // The transaction is open (its BEGIN holds the writing connection); reads answer now, from committed data.
    await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 1 })
    await expect(store.get('groups', 'g2')).resolves.toBeNull()
    await expect(store.count('groups')).resolves.toBe(1)
    await expect(store.find('groups', { where: { memberCount: 2 } })).resolves.toEqual([])
    // A write outside it waits for it.
    let setDone = false
    const set = store.set('groups', makeGroup('g3')).then(() => (setDone = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(setDone).toBe(false)
    release()
    await transaction
    await set
    await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 2 })
    await expect(store.count('groups')).resolves.toBe(3)
  })

  it('recounts after its own commits and after another connection writes to the file', async () => {
    const filename = freshFile()
    const store = open(filename)
    await store.create('groups', makeGroup('g1'))
    await expect(store.count('groups', { status: 'open' })).resolves.toBe(1)
    await store.transaction(async (tx) => {
      await tx.create('groups', makeGroup('g2'))
    })
    await expect(store.count('groups', { status: 'open' })).resolves.toBe(2)
    const other = new Database(filename)
    other.prepare(`INSERT INTO groups (_id, doc) VALUES (?, ?)`).run('g3', JSON.stringify(makeGroup('g3')))
    other.close()
    await othersCommitsSeen()
    await expect(store.count('groups', { status: 'open' })).resolves.toBe(3)
    await store.update('groups', 'g3', { status: 'closed' })
    await expect(store.count('groups', { status: 'open' })).resolves.toBe(2)
  })

  it('answers a repeated query from what it kept only while nothing changed: its own writes and rollbacks are seen at once, other connections’ within the window', async () => {
    const filename = freshFile()
    const store = open(filename)
    const openGroups: FindOptions<GroupDoc> = { where: { status: 'open' }, orderBy: [{ field: 'memberCount', direction: 'desc' }] }
    const counts = async () => (await store.find('groups', openGroups)).map((group) => `${group._id}:${group.memberCount}`)
    await store.create('groups', makeGroup('g1', { memberCount: 1 }))
    expect(await counts()).toEqual(['g1:1'])
    // What a caller does with its answer is its own: the next answer is unchanged.
    const [answered] = await store.find('groups', openGroups)
    answered.memberCount = 99
    answered.name = 'changed by the caller'
    await expect(store.find('groups', openGroups)).resolves.toEqual([expect.objectContaining({ memberCount: 1, name: makeGroup('g1').name })])
    // A write to another collection leaves the answer as it was.
    await store.create('members', makeMember('g1', 'o_alice'))
    expect(await counts()).toEqual(['g1:1'])
    // Its own writes: outside a transaction, in one, and one rolled back.
    await store.update('groups', 'g1', { memberCount: 2 })
    expect(await counts()).toEqual(['g1:2'])
    await store.transaction(async (tx) => {
      await tx.create('groups', makeGroup('g2', { memberCount: 3 }))
    })
    expect(await counts()).toEqual(['g2:3', 'g1:2'])
    await expect(
      store.transaction(async (tx) => {
        await tx.update('groups', 'g1', { memberCount: 7 })
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await counts()).toEqual(['g2:3', 'g1:2'])
    // Another connection's commit to the file.
    const other = new Database(filename)
    other.prepare(`UPDATE groups SET doc = ? WHERE _id = ?`).run(JSON.stringify(makeGroup('g1', { memberCount: 5 })), 'g1')
    other.close()
    await othersCommitsSeen()
    expect(await counts()).toEqual(['g1:5', 'g2:3'])
  })

  it('after a burst of writes, checkpoints in the background and still closes with the WAL removed', async () => {
    const filename = freshFile()
    const store = open(filename)
    for (let n = 0; n < 300; n++) await store.create('members', makeMember('g1', `o${n}`))
    await store.create('groups', makeGroup('g1'))
    // The database file alone (no WAL) has the writes once a background checkpoint copied them in.
    const copy = `${filename}.copy`
    let copied = 0
    for (let attempt = 0; attempt < 40 && copied < 300; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      copyFileSync(filename, copy)
      // A copy taken while the checkpointer writes pages may be torn ("malformed"): that is "not yet", try again.
      try {
        const inspector = new Database(copy, { readonly: true })
        try {
          copied = (inspector.prepare(`SELECT COUNT(*) AS n FROM members`).get() as { n: number }).n
        } finally {
          inspector.close()
        }
      } catch (error) {
        if (!/malformed|not a database/.test(String(error))) throw error
      }
    }
    expect(copied).toBe(300)
    const started = Date.now()
    store.close()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(existsSync(`${filename}-wal`)).toBe(false)
    const reopened = open(filename)
    await expect(reopened.count('members')).resolves.toBe(300)
    await expect(reopened.get('groups', 'g1')).resolves.toEqual(makeGroup('g1'))
  })

  it('closes with the WAL folded in and removed', async () => {
    const filename = freshFile()
    const store = open(filename)
    await store.create('groups', makeGroup('g1'))
    await store.get('groups', 'g1')
    await store.whenIdle()
    store.checkpoint()
    store.close()
    expect(existsSync(`${filename}-wal`)).toBe(false)
    const inspector = new Database(filename, { readonly: true })
    expect(inspector.prepare(`SELECT COUNT(*) AS n FROM groups`).get()).toEqual({ n: 1 })
    inspector.close()
  })

  it('refuses a transaction handle used after its transaction finished', async () => {
    const store = open()
    let leaked: Parameters<Parameters<SqliteStore['transaction']>[0]>[0] | undefined
    await store.transaction(async (tx) => {
      leaked = tx
    })
    await expect(leaked!.create('groups', makeGroup('late'))).rejects.toThrow(/already finished/)
    await expect(store.get('groups', 'late')).resolves.toBeNull()
  })

  it('binds filter values instead of splicing them into SQL', async () => {
    const store = open()
    await store.create('groups', makeGroup('g1', { name: `x' OR '1'='1` }))
    await store.create('groups', makeGroup('g2'))
    const found = await store.find('groups', { where: { name: `x' OR '1'='1` } })
    expect(found.map((group) => group._id)).toEqual(['g1'])
    await expect(store.find('groups', { where: { name: `' OR 1=1 --` } })).resolves.toEqual([])
  })
})
