/**
 * The store port on SQLite (better-sqlite3), for the local runtime and tests.
 *
 * Each collection is a table `(_id TEXT PRIMARY KEY, doc TEXT NOT NULL)` holding the document as JSON;
 * the indexes in `schema.ts` become expression indexes on `json_extract(doc, '$.field')`.
 * Creating the store creates the tables and indexes (`ensureSchema` is idempotent, so a later call
 * reports `created: []`). Files are opened in WAL mode; `':memory:'` is the default.
 *
 * better-sqlite3 is synchronous; only `transaction(work)` awaits between operations, so only writes need
 * exclusion. Writes and transactions take turns in one queue: a transaction holds it from BEGIN IMMEDIATE to
 * COMMIT / ROLLBACK, and a write outside a transaction runs at once when nothing is queued. Reads (`get`,
 * `find`, `count` outside a transaction) never wait in that queue: they run at once and see committed data.
 * While a transaction awaits, its BEGIN is open on the writing connection, and a read there would see its
 * uncommitted writes; so a file store reads through a second, read-only connection (WAL gives every
 * statement there the last committed snapshot), and an in-memory store (one private database, one
 * connection) reads directly when no transaction is open and otherwise waits for the open one to finish.
 * Inside `work`, use `tx`, not the store: the store refuses being called from inside its own transaction.
 *
 * Files use WAL with `synchronous = NORMAL`: a commit is in the WAL before it returns, so a killed process
 * loses nothing it acknowledged (only a power cut can lose the last commits; the database stays consistent).
 * NORMAL syncs at checkpoints, and SQLite's automatic checkpoint runs inside a commit, on this thread: tens of
 * milliseconds every thousand pages, during which no request is served. So once a file store has seen some
 * writes, a worker thread with its own connection takes over checkpointing (passive: it never blocks a reader
 * or a writer), and `close()` stops it before closing, so the writing connection still closes last.
 *
 * Parsing a document's JSON is most of what a read costs, so the store keeps what it parsed (`DocCache`) and gives
 * every reader a copy (copying costs a fraction of parsing): a row whose text is the one parsed before is not
 * parsed again, and a `get` of a document read as committed since the last write to its collection (and since the
 * last commit by another connection: `PRAGMA data_version`) needs no SQL at all. In the same way, a `find` outside
 * a transaction whose collection has not changed since the same query last ran is answered with copies of what it
 * answered then (`FindCache`): a like does not make today's feed query the day's check-ins again. Asking whether
 * another connection committed is a statement with a read transaction of its own (`PRAGMA data_version`, about as
 * dear as a kept `get`), so reads outside a transaction ask at most once every
 * `OTHERS_COMMITS_LOOKED_AT_EVERY_MS` (1 ms): another process's commit is seen by them within that, by a transaction
 * at once, and this process's own writes by everything at once.
 *
 * @example
 *   const store = createSqliteStore({ filename: '.data/local.db' })
 *   await store.create('groups', group)
 *   const open = await store.find('groups', { where: { status: 'open' }, limit: 10 })
 *   await store.whenIdle(); store.checkpoint(); store.close()
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { Worker } from 'node:worker_threads'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import {
  StoreConflictError,
  StoreNotFoundError,
  type CollectionName,
  type Doc,
  type Filter,
  type FindOptions,
  type Patch,
  type Store,
  type Transaction,
} from '../port'
import { checkedField, documentId, resolveLimit, resolveSkip } from '../query-checks'
import { COLLECTION_INDEXES, COLLECTION_NAMES, type IndexSpec } from '../schema'

export interface SqliteStoreOptions {
  /** A file path, or `':memory:'` (the default) for a private in-memory database. */
  filename?: string
}

export type SqliteStore = Store & {
  /** Resolves once every operation and transaction queued so far has finished. */
  whenIdle(): Promise<void>
  /** Copy the WAL into the database file and truncate it (a no-op in memory). Call it when idle. */
  checkpoint(): void
  /** Close the database. Call it once no operation is in flight (`await whenIdle()`). */
  close(): void
  /**
   * A value that changes whenever committed data may have changed: after every write or writing transaction of
   * this store (committed or not), and, on a file, when another connection (another process) commits (seen within
   * `OTHERS_COMMITS_LOOKED_AT_EVERY_MS`). Equal values mean every read outside a transaction would answer the same
   * (what the local runtime's read cache keys on).
   */
  changeVersion(): string
}

const MAX_CACHED_STATEMENTS = 500


const CONDITION_KEYS = ['gt', 'gte', 'lt', 'lte', 'in', 'ne'] as const
type ConditionKey = (typeof CONDITION_KEYS)[number]

const RANGE_OPERATORS: Record<'gt' | 'gte' | 'lt' | 'lte', string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' }

type SqlValue = string | number | null

interface Row {
  _id: string
  doc: string
}

export function createSqliteStore(options: SqliteStoreOptions = {}): SqliteStore {
  const filename = options.filename ?? ':memory:'
  const isFile = filename !== ':memory:' && filename !== ''
  if (isFile) mkdirSync(dirname(filename), { recursive: true })

  const db = new Database(filename)
  if (isFile) {
    db.pragma('journal_mode = WAL')
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: still durable across a crash of the process.
    db.pragma('synchronous = NORMAL')
  }
  /** Parsed documents and whether they are the committed ones (see DocCache); both connections share it. */
  const docs = new DocCache()
  const writer = connection(db, docs)
  const checkpointer = isFile ? new BackgroundCheckpointer(db, filename) : null

  const queue = new SerialQueue()
  /** Set while a transaction's `work` runs, so the store can refuse being called from inside it. */
  const insideTransaction = new AsyncLocalStorage<true>()

  function calledInsideTransaction(operation: string): Error | null {
    return insideTransaction.getStore()
      ? new Error(`store.${operation}() was called inside store.transaction(); use the tx argument instead`)
      : null
  }

  /** A write outside a transaction: at once when nothing is queued, else after everything queued before it. */
  function write<T>(operation: string, collection: CollectionName | null, run: () => T): Promise<T> {
    const misuse = calledInsideTransaction(operation)
    if (misuse) return Promise.reject(misuse)
    const committed = () => {
      try {
        return run()
      } finally {
        changed(collection)
        writes++
        checkpointer?.wrote()
      }
    }
    if (queue.idle && !db.inTransaction) return settle(committed)
    return queue.run(async () => committed())
  }

  const dataVersion = isFile ? db.prepare('PRAGMA data_version').pluck() : null
  /** When `data_version` was last looked at, and what it was. */
  let othersLookedAt = Number.NEGATIVE_INFINITY
  let othersSeen = ''
  /** `data_version` as read now (`''` in memory): what a transaction, holding the write lock, goes by. */
  function committedByOthersNow(): string {
    if (!dataVersion) return ''
    // The time before the look: a commit the look misses happened after it, so within the window of the next one.
    othersLookedAt = performance.now()
    othersSeen = String(dataVersion.get())
    return othersSeen
  }
  /**
   * `data_version` as read at most `OTHERS_COMMITS_LOOKED_AT_EVERY_MS` ago, for reads outside a transaction: a feed's six
   * reads would otherwise ask six times within microseconds.
   */
  function committedByOthersLately(): string {
    if (!dataVersion) return ''
    return performance.now() - othersLookedAt < OTHERS_COMMITS_LOOKED_AT_EVERY_MS ? othersSeen : committedByOthersNow()
  }
  const counts = new CountCache()
  const finds = new FindCache()
  /** Writes and writing transactions finished (committed or not) by this store: see `changeVersion`. */
  let writes = 0
  /** Per collection, writes finished (committed or not) by this store; `epoch` moves for all (schema changes). */
  const collectionVersions = new Map<CollectionName, number>()
  let epoch = 0
  function changed(collection: CollectionName | null): void {
    if (collection === null) epoch++
    else collectionVersions.set(collection, (collectionVersions.get(collection) ?? 0) + 1)
  }
  /**
   * What committed documents of `collection` are as of now: equal stamps, equal committed documents (this store's
   * writes move the collection's version when they finish, another connection's commits move `data_version`).
   * Take it before the read it stamps, so a commit by another process in between only makes the stamp older.
   */
  function stampOf(collection: CollectionName, committedByOthers: string = committedByOthersLately()): string {
    return `${epoch}:${collectionVersions.get(collection) ?? 0}:${committedByOthers}`
  }

  // --- schema (before the reading connection opens, so it finds the tables) ---

  function ensureSchemaNow(): CollectionName[] {
    const created: CollectionName[] = []
    const tableExists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    const ownIndexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND name LIKE ?`)
    db.transaction(() => {
      for (const collection of COLLECTION_NAMES) {
        if (!tableExists.get(collection)) {
          db.exec(`CREATE TABLE ${table(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
          created.push(collection)
        }
        const wanted = COLLECTION_INDEXES[collection].map((index) => sqliteIndexOf(collection, index))
        for (const index of wanted) db.exec(index.sql)
        // An index an earlier version declared and this one does not: it would only slow every write.
        for (const { name } of ownIndexes.all(collection, `${collection}__%`) as Array<{ name: string }>) {
          if (!wanted.some((index) => index.name === name)) db.exec(`DROP INDEX "${name}"`)
        }
      }
    })()
    return created
  }

  ensureSchemaNow()

  /** Reads outside transactions: a read-only connection on a file (WAL: the last committed snapshot), none in memory. */
  const readerDb = isFile ? new Database(filename, { readonly: true }) : null
  const reader = readerDb ? connection(readerDb, docs) : null

  /** A read outside a transaction: now, on committed data; in memory, after an open transaction finishes. */
  function read<T>(operation: string, run: (on: Connection) => T): Promise<T> {
    const misuse = calledInsideTransaction(operation)
    if (misuse) return Promise.reject(misuse)
    if (reader) return settle(() => run(reader))
    if (!db.inTransaction) return settle(() => run(writer))
    return queue.run(async () => run(writer))
  }

  // --- the store ---

  return {
    // Outside a transaction every read is of committed data, so what it parses is stamped as such.
    get: (collection, id) =>
      read('get', (on) => {
        const stamp = stampOf(collection)
        return docs.committed(collection, id, stamp) ?? on.get(collection, id, stamp)
      }),
    // A query's answer and a count are kept under their collection's stamp (FindCache, CountCache).
    find: (collection, options = {}) => read('find', (on) => finds.find(collection, options, stampOf(collection), () => on.find(collection, options))),
    count: (collection, filter) => read('count', (on) => counts.count(collection, filter, stampOf(collection), () => on.count(collection, filter))),
    create: (collection, doc) => write('create', collection, () => writer.create(collection, doc)),
    set: (collection, doc) => write('set', collection, () => writer.set(collection, doc)),
    update: (collection, id, patch) => write('update', collection, () => db.transaction(() => writer.update(collection, id, patch))()),
    remove: (collection, id) => write('remove', collection, () => writer.remove(collection, id)),
    ensureSchema: () => write('ensureSchema', null, () => ({ created: ensureSchemaNow() })),

    transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      const misuse = calledInsideTransaction('transaction')
      if (misuse) return Promise.reject(misuse)
      return queue.run(async () => {
        let finished = false
        const written = new Set<CollectionName>()
        let committedByOthers: string | undefined
        const step = <T>(run: () => T): Promise<T> => {
          if (finished) return Promise.reject(new Error('this transaction has already finished'))
          return settle(run)
        }
        const writeStep = <T>(collection: CollectionName, run: () => T): Promise<T> => {
          written.add(collection)
          return step(run)
        }
        const tx: Transaction = {
          // A collection this transaction has not written reads as committed (it holds the write lock, so nobody
          // else commits meanwhile); one it wrote may read its own uncommitted writes, never stamped.
          get: (collection, id) =>
            step(() => {
              if (written.has(collection)) return writer.get(collection, id, null)
              // BEGIN IMMEDIATE holds the write lock, so no other connection commits until this one ends: one
              // look at data_version serves the whole transaction.
              committedByOthers ??= committedByOthersNow()
              const stamp = stampOf(collection, committedByOthers)
              return docs.committed(collection, id, stamp) ?? writer.get(collection, id, stamp)
            }),
          create: (collection, doc) => writeStep(collection, () => writer.create(collection, doc)),
          set: (collection, doc) => writeStep(collection, () => writer.set(collection, doc)),
          update: (collection, id, patch) => writeStep(collection, () => writer.update(collection, id, patch)),
          remove: (collection, id) => writeStep(collection, () => writer.remove(collection, id)),
        }

        writer.begin()
        try {
          const result = await insideTransaction.run(true, () => work(tx))
          finished = true
          writer.commit()
          return result
        } catch (error) {
          finished = true
          if (db.inTransaction) writer.rollback()
          throw error
        } finally {
          for (const collection of written) changed(collection)
          if (written.size > 0) writes++
          checkpointer?.wrote()
        }
      })
    },

    whenIdle: () => queue.run(async () => undefined),

    changeVersion: () => `${writes}:${committedByOthersLately()}`,

    checkpoint(): void {
      if (isFile) db.pragma('wal_checkpoint(TRUNCATE)')
    },

    close(): void {
      // The checkpointer and the reader first: the writer, closing last, checkpoints and removes the WAL.
      checkpointer?.stop()
      readerDb?.close()
      db.close()
    },
  }
}

/**
 * Reads outside a transaction look at whether another connection (another process) committed at most this often:
 * such a commit is seen by them within this long, and by a transaction at once. This process's own writes are seen
 * at once by everything.
 */
export const OTHERS_COMMITS_LOOKED_AT_EVERY_MS = 1

/** Writes after which a file store hands checkpointing to a worker thread (a test's store rarely gets there). */
const WRITES_BEFORE_BACKGROUND_CHECKPOINTS = 200
const BACKGROUND_CHECKPOINT_INTERVAL_MS = 250
/** How long `close()` waits for the checkpointer to finish a checkpoint and close its connection. */
const CHECKPOINTER_STOP_TIMEOUT_MS = 5000

/** The worker: a passive checkpoint every interval until told to stop (slot 0), then close and say so (slot 1). */
const CHECKPOINTER_SOURCE = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const signals = new Int32Array(workerData.signals)
let db = null
try {
  db = new Database(workerData.filename, { fileMustExist: true })
  while (Atomics.wait(signals, 0, 0, workerData.intervalMs) === 'timed-out') {
    try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
  }
} catch {}
try { if (db) db.close() } catch {}
Atomics.store(signals, 1, 1)
Atomics.notify(signals, 1)
`

/**
 * Checkpoints off the request path. After `WRITES_BEFORE_BACKGROUND_CHECKPOINTS` writes it starts a worker thread
 * and turns SQLite's automatic checkpoint off on the writing connection; `stop()` waits (bounded) until the
 * worker has closed its connection. Should the worker fail, checkpoints still happen at `checkpoint()` and close.
 */
class BackgroundCheckpointer {
  private writes = 0
  private signals: Int32Array | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly filename: string,
  ) {}

  wrote(): void {
    if (this.signals || ++this.writes < WRITES_BEFORE_BACKGROUND_CHECKPOINTS) return
    const signals = new Int32Array(new SharedArrayBuffer(8))
    try {
      const worker = new Worker(CHECKPOINTER_SOURCE, {
        eval: true,
        workerData: { driver: require.resolve('better-sqlite3'), filename: this.filename, signals: signals.buffer, intervalMs: BACKGROUND_CHECKPOINT_INTERVAL_MS },
      })
      worker.on('error', () => undefined)
      worker.unref()
    } catch {
      return
    }
    this.signals = signals
    this.db.pragma('wal_autocheckpoint = 0')
  }

  stop(): void {
    const signals = this.signals
    if (!signals) return
    this.signals = null
    Atomics.store(signals, 0, 1)
    Atomics.notify(signals, 0)
    Atomics.wait(signals, 1, 0, CHECKPOINTER_STOP_TIMEOUT_MS)
  }
}

const MAX_CACHED_COUNTS = 1000

/**
 * Counts outside transactions by collection and filter, each kept with the stamp (`stampOf`) taken before it was
 * counted, and served again while that stamp is unchanged (as FindCache). A count walks every matching index entry
 * (today's check-ins, say), and the pages that show one ask for it on every view.
 */
class CountCache {
  private readonly entries = new Map<string, { total: number; stamp: string }>()

  count(collection: CollectionName, filter: object | undefined, stamp: string, run: () => number): number {
    const key = `${collection}\u0000${JSON.stringify(filter ?? {})}`
    const cached = this.entries.get(key)
    if (cached && cached.stamp === stamp) return cached.total
    const total = run()
    if (this.entries.size >= MAX_CACHED_COUNTS) this.entries.clear()
    this.entries.set(key, { total, stamp })
    return total
  }
}

/** At most this many query answers are kept; past it, or past `MAX_CACHED_FIND_DOCS` documents, the cache starts over. */
const MAX_CACHED_FINDS = 1000
const MAX_CACHED_FIND_DOCS = 20_000
/** An answer of more documents than this is not kept: the bulk reads (exports, the tally) run once. */
const MAX_KEPT_FIND_DOCS = 100

/**
 * Answers of `find` outside transactions, by collection and query (its options as JSON), each kept with the stamp
 * (`stampOf`) taken before its query ran. Equal stamps, equal committed documents: no write of this store to the
 * collection finished since and no other connection committed, so the same query would answer the same documents,
 * and it is answered with copies of them, no SQL. Any write to the collection (committed or rolled back), any schema
 * change and any commit by another connection moves the stamp, so a write is seen by the very next query.
 *
 * @example
 *   finds.find('checkins', options, stampOf('checkins'), () => reader.find('checkins', options))
 */
class FindCache {
  private readonly entries = new Map<string, { stamp: string; docs: unknown[] }>()
  private keptDocs = 0

  find<T>(collection: CollectionName, options: object, stamp: string, run: () => T[]): T[] {
    const key = `${collection}\u0000${JSON.stringify(options)}`
    const cached = this.entries.get(key)
    if (cached && cached.stamp === stamp) return cached.docs.map(copyJson) as T[]
    const docs = run()
    if (cached) {
      this.entries.delete(key)
      this.keptDocs -= cached.docs.length
    }
    if (docs.length > MAX_KEPT_FIND_DOCS) return docs
    if (this.entries.size >= MAX_CACHED_FINDS || this.keptDocs + docs.length > MAX_CACHED_FIND_DOCS) {
      this.entries.clear()
      this.keptDocs = 0
    }
    // The caller may change what it got: keep copies.
    this.entries.set(key, { stamp, docs: docs.map(copyJson) })
    this.keptDocs += docs.length
    return docs
  }
}

/** `run()` as a settled promise: its value, or its error as a rejection. */
function settle<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run())
  } catch (error) {
    return Promise.reject(error)
  }
}

/** The document operations on one connection, each SQL text prepared once. */
interface Connection {
  /** `stamp`: the read is of committed data as of that stamp (`stampOf`), null when it may be uncommitted. */
  get<C extends CollectionName>(collection: C, id: string, stamp?: string | null): Doc<C> | null
  create<C extends CollectionName>(collection: C, doc: Doc<C>): void
  set<C extends CollectionName>(collection: C, doc: Doc<C>): void
  update<C extends CollectionName>(collection: C, id: string, patch: Patch<Doc<C>>): void
  remove(collection: CollectionName, id: string): void
  /** Its rows are parsed through the kept documents but not stamped: what a query lists is seldom then read by id. */
  find<C extends CollectionName>(collection: C, options: FindOptions<Doc<C>>): Array<Doc<C>>
  count<C extends CollectionName>(collection: C, filter: Filter<Doc<C>> | undefined): number
  begin(): void
  commit(): void
  rollback(): void
}

function connection(db: Database.Database, docs: DocCache): Connection {
  /** Prepared statements by SQL text: preparing parses the SQL, so each distinct statement is prepared once. */
  const statements = new Map<string, Database.Statement>()
  function prepared(sql: string): Database.Statement {
    let statement = statements.get(sql)
    if (!statement) {
      // `in` lists make one SQL text per list length; keep the cache bounded all the same.
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear()
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const begin = db.prepare('BEGIN IMMEDIATE')
  const commit = db.prepare('COMMIT')
  const rollback = db.prepare('ROLLBACK')

  function get<C extends CollectionName>(collection: C, id: string, stamp: string | null = null): Doc<C> | null {
    const row = prepared(`SELECT _id, doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined
    return row ? docs.parse<C>(collection, row, stamp) : null
  }

  return {
    get,

    create(collection, doc) {
      const id = documentId(doc)
      try {
        const text = JSON.stringify(doc)
        prepared(`INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?)`).run(id, text)
        docs.wrote(collection, id, text, doc)
      } catch (error) {
        if (isPrimaryKeyViolation(error)) throw new StoreConflictError(collection, id)
        throw error
      }
    },

    set(collection, doc) {
      const id = documentId(doc)
      const text = JSON.stringify(doc)
      prepared(
        `INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
      ).run(id, text)
      docs.wrote(collection, id, text, doc)
    },

    update(collection, id, patch) {
      const current = get(collection, id)
      if (!current) throw new StoreNotFoundError(collection, id)
      const merged: Record<string, unknown> = { ...current }
      for (const [field, value] of Object.entries(patch)) {
        // Like CloudBase: `undefined` leaves a field as it is, and `_id` never changes.
        if (value === undefined || field === '_id') continue
        merged[field] = value
      }
      const text = JSON.stringify(merged)
      prepared(`UPDATE ${table(collection)} SET doc = ? WHERE _id = ?`).run(text, id)
      docs.wrote(collection, id, text, merged)
    },

    remove(collection, id) {
      prepared(`DELETE FROM ${table(collection)} WHERE _id = ?`).run(id)
    },

    find(collection, options) {
      const limit = resolveLimit(options.limit, options.bulk === true)
      const skip = resolveSkip(options.skip)
      if (limit === 0) return []
      const where = whereClause(options.where)
      const orderTerms = (options.orderBy ?? []).map(({ field, direction }) => {
        if (direction !== 'asc' && direction !== 'desc') throw new Error(`unknown sort direction "${String(direction)}"`)
        return `${fieldExpression(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`
      })
      // `_id` last, so equal sort keys still come back in a stable order and pages do not overlap.
      orderTerms.push('_id ASC')
      const sql = `SELECT _id, doc FROM ${table(collection)}${where.sql} ORDER BY ${orderTerms.join(', ')} LIMIT ? OFFSET ?`
      const rows = prepared(sql).all(...where.params, limit, skip) as Row[]
      return rows.map((row) => docs.parse(collection, row, null))
    },

    count(collection, filter) {
      const where = whereClause(filter)
      const row = prepared(`SELECT COUNT(*) AS total FROM ${table(collection)}${where.sql}`).get(...where.params) as {
        total: number
      }
      return row.total
    },

    begin: () => void begin.run(),
    commit: () => void commit.run(),
    rollback: () => void rollback.run(),
  }
}

/** Runs tasks one at a time, in the order they were queued (an async mutex). */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private running = 0

  /** True when no task is queued or running. */
  get idle(): boolean {
    return this.running === 0
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.running += 1
    const counted = async (): Promise<T> => {
      try {
        return await task()
      } finally {
        this.running -= 1
      }
    }
    // Nothing ahead: start now rather than a turn of the microtask queue later.
    const result = this.running === 1 ? counted() : this.tail.then(counted)
    this.tail = result.catch(() => undefined)
    return result
  }
}

function table(collection: string): string {
  if (!(COLLECTION_NAMES as string[]).includes(collection)) throw new Error(`unknown collection "${collection}"`)
  return `"${collection}"`
}

/** The SQL for one top-level field. `field` is validated, so it can sit in the JSON path literal. */
function fieldExpression(field: string): string {
  checkedField(field)
  return field === '_id' ? '_id' : `json_extract(doc, '$.${field}')`
}

/**
 * The SQLite index for a spec of `schema.ts`: its fields, then `_id` ascending — `find` orders every query by
 * `_id` after its own sort, so an index without it leaves SQLite sorting every row the query matches (a
 * "temp b-tree") to break ties, even for the first page. A unique index, or one already ending in `_id`, is kept
 * as declared. Named `<collection>__<field>_<direction>__…` after the fields it has.
 */
function sqliteIndexOf(collection: CollectionName, index: IndexSpec): { name: string; sql: string } {
  const last = index.fields.at(-1)
  const fields = index.unique || last?.field === '_id' ? index.fields : [...index.fields, { field: '_id', direction: 'asc' as const }]
  const name = [collection, ...fields.map(({ field, direction }) => `${field}_${direction}`)].join('__')
  const columns = fields.map(({ field, direction }) => `${fieldExpression(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`)
  const unique = index.unique ? 'UNIQUE ' : ''
  return { name, sql: `CREATE ${unique}INDEX IF NOT EXISTS "${name}" ON ${table(collection)} (${columns.join(', ')})` }
}

function whereClause(filter: object | undefined): { sql: string; params: SqlValue[] } {
  const terms: string[] = []
  const params: SqlValue[] = []
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined) continue
    const column = fieldExpression(field)
    if (!isCondition(value)) {
      // A bare value means equality; null matches a null or missing field, as in CloudBase.
      if (value === null) {
        terms.push(`${column} IS NULL`)
      } else {
        terms.push(`${column} = ?`)
        params.push(sqlValue(value))
      }
      continue
    }
    for (const [key, operand] of Object.entries(value)) {
      if (operand === undefined) continue
      if (!(CONDITION_KEYS as readonly string[]).includes(key)) throw new Error(`unknown condition "${key}" on "${field}"`)
      const condition = key as ConditionKey
      if (condition === 'in') {
        terms.push(inTerm(column, operand, params))
      } else if (condition === 'ne') {
        // IS NOT: a missing field is "not equal" too, as in CloudBase.
        terms.push(`${column} IS NOT ?`)
        params.push(sqlValue(operand))
      } else {
        terms.push(`${column} ${RANGE_OPERATORS[condition]} ?`)
        params.push(sqlValue(operand))
      }
    }
  }
  return { sql: terms.length ? ` WHERE ${terms.join(' AND ')}` : '', params }
}

function inTerm(column: string, operand: unknown, params: SqlValue[]): string {
  if (!Array.isArray(operand)) throw new Error('"in" needs an array')
  const values = operand.filter((value) => value !== null)
  const alternatives: string[] = []
  if (values.length) {
    alternatives.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    for (const value of values) params.push(sqlValue(value))
  }
  if (values.length < operand.length) alternatives.push(`${column} IS NULL`)
  return alternatives.length ? `(${alternatives.join(' OR ')})` : '0'
}

function isCondition(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** json_extract gives 1/0 for true/false, so booleans are bound as 1/0. */
function sqlValue(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value
  throw new Error(`cannot filter on a ${typeof value} value`)
}




const MAX_CACHED_DOCS = 20_000

/**
 * Documents as parsed from their JSON text, by collection and id. Every read still gives its caller a fresh copy
 * (callers may change what they get), but copying a parsed document costs a fraction of parsing its text again:
 * - `parse(row)`: the row's text is the one parsed before (compared in full), so its document is a copy of that
 *   one — the same value JSON.parse would give; else it is parsed now and kept;
 * - `committed(id, stamp)`: the document kept for `id` was read as committed under this very stamp (`stampOf`:
 *   no write of this store to the collection finished since, no other connection committed), so it is still the
 *   committed one and the read needs no SQL. A read that may see uncommitted writes keeps no stamp.
 */
class DocCache {
  private readonly entries = new Map<string, { text: string; doc: Record<string, unknown>; stamp: string | null }>()

  parse<C extends CollectionName>(collection: CollectionName, row: Row, stamp: string | null): Doc<C> {
    const key = `${collection}\u0000${row._id}`
    const entry = this.entries.get(key)
    if (entry && entry.text === row.doc) {
      // The same text: a committed read confirms it as of its stamp; an uncommitted one changes nothing it claims.
      if (stamp !== null) entry.stamp = stamp
      return copyJson(entry.doc) as Doc<C>
    }
    const doc = JSON.parse(row.doc) as Record<string, unknown>
    doc._id = row._id
    if (this.entries.size >= MAX_CACHED_DOCS) this.entries.clear()
    this.entries.set(key, { text: row.doc, doc, stamp })
    return copyJson(doc) as Doc<C>
  }

  /**
   * `doc` was just written as `text` (committed or not: nothing is stamped): keep a copy, so the next read of that
   * text needs no parse — when the copy is exactly what parsing `text` gives (plain JSON values only), else nothing.
   */
  wrote(collection: CollectionName, id: string, text: string, doc: object): void {
    const key = `${collection}\u0000${id}`
    const copy = plainCopy(doc)
    if (copy === NOT_PLAIN || (copy as Record<string, unknown>)._id !== id) return void this.entries.delete(key)
    if (this.entries.size >= MAX_CACHED_DOCS) this.entries.clear()
    this.entries.set(key, { text, doc: copy as Record<string, unknown>, stamp: null })
  }

  committed<C extends CollectionName>(collection: C, id: string, stamp: string): Doc<C> | undefined {
    const entry = this.entries.get(`${collection}\u0000${id}`)
    return entry && entry.stamp === stamp ? (copyJson(entry.doc) as Doc<C>) : undefined
  }
}

const NOT_PLAIN = Symbol('not plain JSON')

/**
 * A deep copy of `value` equal to `JSON.parse(JSON.stringify(value))`, or NOT_PLAIN when it might not be: only
 * strings, finite numbers other than -0, booleans, null, arrays without holes and plain objects, no `undefined`
 * (JSON would drop or change any of the others).
 */
function plainCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN
    case 'object': {
      if (value === null) return null
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length)
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return NOT_PLAIN
          const item = plainCopy(value[i])
          if (item === NOT_PLAIN) return NOT_PLAIN
          copy[i] = item
        }
        return copy
      }
      const prototype = Object.getPrototypeOf(value)
      if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN
      const copy: Record<string, unknown> = {}
      for (const key of Object.keys(value)) {
        const item = plainCopy((value as Record<string, unknown>)[key])
        if (item === NOT_PLAIN || key === '__proto__' || key === 'toJSON') return NOT_PLAIN
        copy[key] = item
      }
      return copy
    }
    default:
      return NOT_PLAIN
  }
}

/** A deep copy of a value JSON.parse made (objects, arrays, strings, numbers, booleans, null), keys in order. */
function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyJson)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key])
    // JSON.parse makes "__proto__" an own property; plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true })
    else copy[key] = item
  }
  return copy
}

/**
 * Checks the error code rather than `instanceof Database.SqliteError`: the native addon keeps the error class of
 * the first copy of better-sqlite3 loaded in the process, so under jest's per-file module registries
 * `instanceof` can be false for a genuine SqliteError.
 */
function isPrimaryKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
