/**
 * The store port on SQLite (better-sqlite3), for the local runtime and tests.
 *
 * Each collection is a table `(_id TEXT PRIMARY KEY, doc TEXT NOT NULL)` holding the document as JSON;
 * the indexes in `schema.ts` become expression indexes on `json_extract(doc, '$.field')`.
 * Creating the store creates the tables and indexes (`ensureSchema` is idempotent, so a later call
 * reports `created: []`). Files are opened in WAL mode; `':memory:'` is the default.
 *
 * better-sqlite3 is synchronous but `transaction(work)` awaits between operations, so every operation
 * of the store waits in one queue: a transaction holds the queue from BEGIN IMMEDIATE to COMMIT / ROLLBACK,
 * and nothing else runs inside it or reads its uncommitted writes. Inside `work`, use `tx`, not the store:
 * calling the store from inside its own transaction would wait for itself, so it throws instead.
 *
 * @example
 *   const store = createSqliteStore({ filename: '.data/local.db' })
 *   await store.create('groups', group)
 *   const open = await store.find('groups', { where: { status: 'open' }, limit: 10 })
 *   await store.whenIdle(); store.checkpoint(); store.close()
 */
import { AsyncLocalStorage } from 'node:async_hooks'
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
  if (isFile) db.pragma('journal_mode = WAL')

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

  const queue = new SerialQueue()
  /** Set while a transaction's `work` runs, so the store can refuse being called from inside it. */
  const insideTransaction = new AsyncLocalStorage<true>()

  function calledInsideTransaction(operation: string): Error | null {
    return insideTransaction.getStore()
      ? new Error(`store.${operation}() was called inside store.transaction(); use the tx argument instead`)
      : null
  }

  /** Run a synchronous operation once every earlier operation and transaction has finished. */
  function queued<T>(operation: string, run: () => T): Promise<T> {
    const misuse = calledInsideTransaction(operation)
    if (misuse) return Promise.reject(misuse)
    return queue.run(async () => run())
  }

  // --- id-addressed operations, synchronous, on whatever transaction is open ---

  function getNow<C extends CollectionName>(collection: C, id: string): Doc<C> | null {
    const row = prepared(`SELECT _id, doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined
    return row ? parseDoc<C>(row) : null
  }

  function createNow<C extends CollectionName>(collection: C, doc: Doc<C>): void {
    const id = documentId(doc)
    try {
      prepared(`INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?)`).run(id, JSON.stringify(doc))
    } catch (error) {
      if (isPrimaryKeyViolation(error)) throw new StoreConflictError(collection, id)
      throw error
    }
  }

  function setNow<C extends CollectionName>(collection: C, doc: Doc<C>): void {
    const id = documentId(doc)
    prepared(
      `INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
    ).run(id, JSON.stringify(doc))
  }

  function updateNow<C extends CollectionName>(collection: C, id: string, patch: Patch<Doc<C>>): void {
    const current = getNow(collection, id)
    if (!current) throw new StoreNotFoundError(collection, id)
    const merged: Record<string, unknown> = { ...current }
    for (const [field, value] of Object.entries(patch)) {
      // Like CloudBase: `undefined` leaves a field as it is, and `_id` never changes.
      if (value === undefined || field === '_id') continue
      merged[field] = value
    }
    prepared(`UPDATE ${table(collection)} SET doc = ? WHERE _id = ?`).run(JSON.stringify(merged), id)
  }

  function removeNow(collection: CollectionName, id: string): void {
    prepared(`DELETE FROM ${table(collection)} WHERE _id = ?`).run(id)
  }

  // --- queries ---

  function findNow<C extends CollectionName>(collection: C, options: FindOptions<Doc<C>>): Array<Doc<C>> {
    const limit = resolveLimit(options.limit)
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
    return rows.map((row) => parseDoc<C>(row))
  }

  function countNow<C extends CollectionName>(collection: C, filter: Filter<Doc<C>> | undefined): number {
    const where = whereClause(filter)
    const row = prepared(`SELECT COUNT(*) AS total FROM ${table(collection)}${where.sql}`).get(...where.params) as {
      total: number
    }
    return row.total
  }

  // --- schema ---

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

  // --- the store ---

  return {
    get: (collection, id) => queued('get', () => getNow(collection, id)),
    create: (collection, doc) => queued('create', () => createNow(collection, doc)),
    set: (collection, doc) => queued('set', () => setNow(collection, doc)),
    update: (collection, id, patch) => queued('update', () => db.transaction(() => updateNow(collection, id, patch))()),
    remove: (collection, id) => queued('remove', () => removeNow(collection, id)),
    find: (collection, options = {}) => queued('find', () => findNow(collection, options)),
    count: (collection, filter) => queued('count', () => countNow(collection, filter)),
    ensureSchema: () => queued('ensureSchema', () => ({ created: ensureSchemaNow() })),

    transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      const misuse = calledInsideTransaction('transaction')
      if (misuse) return Promise.reject(misuse)
      return queue.run(async () => {
        let finished = false
        const step = <T>(run: () => T): Promise<T> => {
          if (finished) return Promise.reject(new Error('this transaction has already finished'))
          try {
            return Promise.resolve(run())
          } catch (error) {
            return Promise.reject(error)
          }
        }
        const tx: Transaction = {
          get: (collection, id) => step(() => getNow(collection, id)),
          create: (collection, doc) => step(() => createNow(collection, doc)),
          set: (collection, doc) => step(() => setNow(collection, doc)),
          update: (collection, id, patch) => step(() => updateNow(collection, id, patch)),
          remove: (collection, id) => step(() => removeNow(collection, id)),
        }

        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await insideTransaction.run(true, () => work(tx))
          finished = true
          db.exec('COMMIT')
          return result
        } catch (error) {
          finished = true
          if (db.inTransaction) db.exec('ROLLBACK')
          throw error
        }
      })
    },

    whenIdle: () => queue.run(async () => undefined),

    checkpoint(): void {
      if (isFile) db.pragma('wal_checkpoint(TRUNCATE)')
    },

    close(): void {
      db.close()
    },
  }
}

/** Runs tasks one at a time, in the order they were queued (an async mutex). */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
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
