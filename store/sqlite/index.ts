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
   * this store (committed or not), and, on a file, when another connection (another process) commits. Equal
   * values mean every read outside a transaction would answer the same (what the local runtime's read cache keys on).
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
  const writer = connection(db)
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
        counts.changed(collection)
        writes++
        checkpointer?.wrote()
      }
    }
    if (queue.idle && !db.inTransaction) return settle(committed)
    return queue.run(async () => committed())
  }

  const dataVersion = isFile ? db.prepare('PRAGMA data_version').pluck() : null
  const counts = new CountCache(dataVersion)
  /** Writes and writing transactions finished (committed or not) by this store: see `changeVersion`. */
  let writes = 0

  // --- schema (before the reading connection opens, so it finds the tables) ---

  function ensureSchemaNow(): CollectionName[] {
    const created: CollectionName[] = []
    const tableExists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    db.transaction(() => {
      for (const collection of COLLECTION_NAMES) {
        if (!tableExists.get(collection)) {
          db.exec(`CREATE TABLE ${table(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
          created.push(collection)
        }
        for (const index of COLLECTION_INDEXES[collection]) db.exec(createIndexSql(collection, index))
      }
    })()
    return created
  }

  ensureSchemaNow()

  /** Reads outside transactions: a read-only connection on a file (WAL: the last committed snapshot), none in memory. */
  const readerDb = isFile ? new Database(filename, { readonly: true }) : null
  const reader = readerDb ? connection(readerDb) : null

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
    get: (collection, id) => read('get', (on) => on.get(collection, id)),
    find: (collection, options = {}) => read('find', (on) => on.find(collection, options)),
    count: (collection, filter) => read('count', (on) => counts.count(collection, filter, () => on.count(collection, filter))),
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
        const step = <T>(run: () => T): Promise<T> => {
          if (finished) return Promise.reject(new Error('this transaction has already finished'))
          return settle(run)
        }
        const writeStep = <T>(collection: CollectionName, run: () => T): Promise<T> => {
          written.add(collection)
          return step(run)
        }
        const tx: Transaction = {
          get: (collection, id) => step(() => writer.get(collection, id)),
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
          for (const collection of written) counts.changed(collection)
          if (written.size > 0) writes++
          checkpointer?.wrote()
        }
      })
    },

    whenIdle: () => queue.run(async () => undefined),

    changeVersion: () => (dataVersion ? `${writes}:${String(dataVersion.get())}` : String(writes)),

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
 * Counts by collection and filter, kept until this store writes to the collection or another connection (another
 * process on the file) commits. A count walks every matching index entry (today's check-ins, say), and the pages
 * that show one ask for it on every view; a read of the committed state can reuse it until a commit changes it.
 */
class CountCache {
  private readonly versions = new Map<CollectionName, number>()
  private readonly entries = new Map<string, { total: number; version: number; dataVersion: unknown }>()

  /** `dataVersion`: `PRAGMA data_version` on the writing connection, which changes when any other connection commits. */
  constructor(private readonly dataVersion: Database.Statement | null) {}

  count(collection: CollectionName, filter: object | undefined, run: () => number): number {
    const key = `${collection}\u0000${JSON.stringify(filter ?? {})}`
    const version = this.versions.get(collection) ?? 0
    const dataVersion = this.dataVersion?.get() ?? null
    const cached = this.entries.get(key)
    if (cached && cached.version === version && cached.dataVersion === dataVersion) return cached.total
    const total = run()
    if (this.entries.size >= MAX_CACHED_COUNTS) this.entries.clear()
    this.entries.set(key, { total, version, dataVersion })
    return total
  }

  /** A write to `collection` committed (or was attempted): its counts are stale. `null`: every collection. */
  changed(collection: CollectionName | null): void {
    if (collection === null) return void this.entries.clear()
    this.versions.set(collection, (this.versions.get(collection) ?? 0) + 1)
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
  get<C extends CollectionName>(collection: C, id: string): Doc<C> | null
  create<C extends CollectionName>(collection: C, doc: Doc<C>): void
  set<C extends CollectionName>(collection: C, doc: Doc<C>): void
  update<C extends CollectionName>(collection: C, id: string, patch: Patch<Doc<C>>): void
  remove(collection: CollectionName, id: string): void
  find<C extends CollectionName>(collection: C, options: FindOptions<Doc<C>>): Array<Doc<C>>
  count<C extends CollectionName>(collection: C, filter: Filter<Doc<C>> | undefined): number
  begin(): void
  commit(): void
  rollback(): void
}

function connection(db: Database.Database): Connection {
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

  function get<C extends CollectionName>(collection: C, id: string): Doc<C> | null {
    const row = prepared(`SELECT _id, doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined
    return row ? parseDoc<C>(row) : null
  }

  return {
    get,

    create(collection, doc) {
      const id = documentId(doc)
      try {
        prepared(`INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?)`).run(id, JSON.stringify(doc))
      } catch (error) {
        if (isPrimaryKeyViolation(error)) throw new StoreConflictError(collection, id)
        throw error
      }
    },

    set(collection, doc) {
      const id = documentId(doc)
      prepared(
        `INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
      ).run(id, JSON.stringify(doc))
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
      prepared(`UPDATE ${table(collection)} SET doc = ? WHERE _id = ?`).run(JSON.stringify(merged), id)
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
      return rows.map((row) => parseDoc(row))
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

function createIndexSql(collection: CollectionName, index: IndexSpec): string {
  const name = [collection, ...index.fields.map(({ field, direction }) => `${field}_${direction}`)].join('__')
  const columns = index.fields.map(
    ({ field, direction }) => `${fieldExpression(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`,
  )
  const unique = index.unique ? 'UNIQUE ' : ''
  return `CREATE ${unique}INDEX IF NOT EXISTS "${name}" ON ${table(collection)} (${columns.join(', ')})`
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




function parseDoc<C extends CollectionName>(row: Row): Doc<C> {
  return { ...(JSON.parse(row.doc) as Doc<C>), _id: row._id }
}

/**
 * Checks the error code rather than `instanceof Database.SqliteError`: the native addon keeps the error class of
 * the first copy of better-sqlite3 loaded in the process, so under jest's per-file module registries
 * `instanceof` can be false for a genuine SqliteError.
 */
function isPrimaryKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
