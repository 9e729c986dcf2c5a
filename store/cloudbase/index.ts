/**
 * The store port on CloudBase, through wx-server-sdk's `cloud.database()` (production).
 *
 * - `get` / `set` / `update` / `remove` address `collection(c).doc(id)`; `create` is `collection(c).add`
 *   with the `_id` inside the data, so an existing id fails as a duplicate (→ `StoreConflictError`).
 * - `update` is a shallow merge: object-valued fields are written with `command.set(value)`, because the SDK
 *   would otherwise merge nested objects field by field.
 * - `find` / `count` build `where` conditions with `db.command` (`gt`, `gte`, `lt`, `lte`, `in`, `neq`, joined
 *   with `.and` on one field).
 * - `transaction` is `db.runTransaction`, whose transaction object offers only id-addressed calls. The SDK
 *   re-runs the work right away after a write conflict (`TRANSACTION_RETRIES` times); when it gives up, the
 *   adapter waits (exponential backoff with jitter, `TransactionRetryPolicy`) and calls `runTransaction` again,
 *   a bounded number of times, before saying `StoreBusyError`.
 * - `ensureSchema` creates the collections; indexes have to be created in the console (see `schema.ts`).
 * Documents come back as stored, minus `_openid`.
 *
 * @example
 *   const cloud = require('wx-server-sdk')
 *   cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
 *   const store = createCloudbaseStore(cloud.database())
 *   const group = await store.get('groups', 'g1')
 */
import type { DB } from 'wx-server-sdk'
import {
  StoreBusyError,
  StoreConflictError,
  StoreNotFoundError,
  type CollectionName,
  type Doc,
  type Filter,
  type Patch,
  type Store,
  type Transaction,
} from '../port'
import { checkedField, documentId, isPlainObject, resolveLimit, resolveSkip } from '../query-checks'
import { COLLECTION_NAMES } from '../schema'

/** The part of `cloud.database()` this adapter uses. */
export type CloudbaseDatabase = Pick<DB.Database, 'collection' | 'command' | 'createCollection' | 'runTransaction'>

/** How many times `runTransaction` re-runs the work after a write conflict (the SDK's own default). */
export const TRANSACTION_RETRIES = 3

/**
 * How the adapter retries a transaction the SDK gave up on (write conflicts through all its own re-runs).
 * Attempt n (n ≥ 1) that conflicts waits `backoffDelay(n)` before attempt n + 1: the exponential ceiling
 * `min(maxDelayMs, baseDelayMs · 2^(n-1))`, of which the first half always and the second half by `random()`
 * ("equal jitter": contenders spread out, yet never retry at once). The defaults wait at most
 * 50 + 100 + 200 + 400 = 750 ms in all, well under CloudBase's 3 s function timeout.
 */
export interface TransactionRetryPolicy {
  /** Calls of `runTransaction` at most (each with the SDK's own re-runs inside). */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep(ms: number): Promise<void>
  /** In [0, 1). */
  random(): number
}

export const DEFAULT_TRANSACTION_RETRY: TransactionRetryPolicy = {
  attempts: 5,
  baseDelayMs: 50,
  maxDelayMs: 400,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
}

/** The wait after the `attempt`-th (1-based) conflicting attempt. */
export function backoffDelay(attempt: number, policy: Pick<TransactionRetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random())
}

export interface CloudbaseStoreOptions {
  /** Overrides of `DEFAULT_TRANSACTION_RETRY` (tests inject `sleep` and `random`). */
  transactionRetry?: Partial<TransactionRetryPolicy>
}

type SdkDocument = Pick<DB.DocumentReference, 'get' | 'set' | 'update' | 'remove'>

/** Where id-addressed operations go: `db.collection(c)` outside a transaction, `transaction.collection(c)` inside. */
interface DocumentSource {
  doc(id: string): SdkDocument
  add(options: DB.IAddDocumentOptions): ReturnType<DB.CollectionReference['add']>
}

/**
 * The object `runTransaction` passes to its callback. wx-server-sdk types it (and `runTransaction` itself) as
 * `any`; this is the part we call. CloudBase transactions allow id-addressed calls only — no queries.
 */
interface CloudbaseTransaction {
  collection(name: string): DocumentSource
}


export function createCloudbaseStore(db: CloudbaseDatabase, options: CloudbaseStoreOptions = {}): Store {
  const retry: TransactionRetryPolicy = { ...DEFAULT_TRANSACTION_RETRY, ...options.transactionRetry }
  const outside = documentOperations(db, (collection) => db.collection(collection))

  return {
    ...outside,

    async find(collection, options = {}) {
      const limit = resolveLimit(options.limit, options.bulk === true)
      const skip = resolveSkip(options.skip)
      if (limit === 0) return []
      let query: DB.Query = db.collection(collection)
      const condition = whereCondition(db, options.where)
      if (condition) query = query.where(condition)
      for (const { field, direction } of options.orderBy ?? []) {
        if (direction !== 'asc' && direction !== 'desc') throw new Error(`unknown sort direction "${String(direction)}"`)
        query = query.orderBy(checkedField(field), direction)
      }
      if (skip > 0) query = query.skip(skip)
      query = query.limit(limit)
      const result = await sdkPromise(query.get(), 'collection.get')
      return result.data.map((data) => toDoc<typeof collection>(data))
    },

    async count(collection, filter) {
      const condition = whereCondition(db, filter)
      const query: DB.Query = condition ? db.collection(collection).where(condition) : db.collection(collection)
      const result = await sdkPromise(query.count(), 'collection.count')
      return result.total
    },

    async transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      for (let attempt = 1; ; attempt++) {
        try {
          const result: R = await db.runTransaction(
            (transaction: CloudbaseTransaction) =>
              work(documentOperations(db, (collection) => transaction.collection(collection))),
            TRANSACTION_RETRIES,
          )
          return result
        } catch (error) {
          if (!isTransactionConflict(error)) throw error
          // The SDK re-ran the work after each write conflict and then gave up: wait, then try again; at the
          // end, say so, typed. Nothing of a conflicting attempt was written, so running it again is safe.
          if (attempt >= retry.attempts) throw new StoreBusyError(error)
          await retry.sleep(backoffDelay(attempt, retry))
        }
      }
    },

    async ensureSchema() {
      const created: CollectionName[] = []
      for (const collection of COLLECTION_NAMES) {
        try {
          await db.createCollection(collection)
          created.push(collection)
        } catch (error) {
          if (!isCollectionAlreadyThere(error)) throw error
        }
      }
      return { created }
    },
  }
}

/** get / create / set / update / remove against one source of documents. */
function documentOperations(db: CloudbaseDatabase, source: (collection: CollectionName) => DocumentSource): Transaction {
  async function get<C extends CollectionName>(collection: C, id: string): Promise<Doc<C> | null> {
    try {
      const result = await sdkPromise(source(collection).doc(id).get(), 'document.get')
      return result.data ? toDoc<C>(result.data) : null
    } catch (error) {
      if (isMissingDocument(error)) return null
      throw error
    }
  }

  return {
    get,

    async create(collection, doc) {
      const id = documentId(doc)
      try {
        await sdkPromise(source(collection).add({ data: { ...doc } }), 'collection.add')
      } catch (error) {
        if (isDuplicateKey(error)) throw new StoreConflictError(collection, id)
        throw error
      }
    },

    async set(collection, doc) {
      const id = documentId(doc)
      const { _id, ...data } = doc
      await sdkPromise(source(collection).doc(id).set({ data }), 'document.set')
    },

    async update(collection, id, patch) {
      const data = updateData(db, patch)
      if (Object.keys(data).length > 0) {
        const result = await sdkPromise(source(collection).doc(id).update({ data }), 'document.update')
        if (result.stats.updated > 0) return
      }
      // Nothing changed: the document is missing, or the patch matched what it already held.
      if (!(await get(collection, id))) throw new StoreNotFoundError(collection, id)
    },

    async remove(collection, id) {
      await sdkPromise(source(collection).doc(id).remove(), 'document.remove')
    },
  }
}

/**
 * The SDK's methods are typed `Promise<X> | void | string` (void / string for callback and stringify modes
 * we never use); this narrows to the promise, or fails loudly.
 */
function sdkPromise<T>(value: Promise<T> | void | string, call: string): Promise<T> {
  if (typeof value === 'object' && value !== null && typeof value.then === 'function') return value
  throw new Error(`wx-server-sdk ${call} returned ${typeof value} instead of a promise`)
}

/** Shallow merge: object values are replaced whole with `command.set`; `_id` and undefined values are left out. */
function updateData<T>(db: CloudbaseDatabase, patch: Patch<T>): DB.IUpdateCondition {
  const data: DB.IUpdateCondition = {}
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || field === '_id') continue
    data[field] = isPlainObject(value) ? db.command.set(value) : value
  }
  return data
}

function whereCondition<T>(db: CloudbaseDatabase, filter: Filter<T> | undefined): DB.IQueryCondition | null {
  const _ = db.command
  const condition: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined) continue
    checkedField(field)
    if (!isPlainObject(value)) {
      condition[field] = value
      continue
    }
    const commands: DB.DatabaseQueryCommand[] = []
    for (const [key, operand] of Object.entries(value)) {
      if (operand === undefined) continue
      if (key === 'gt') commands.push(_.gt(operand))
      else if (key === 'gte') commands.push(_.gte(operand))
      else if (key === 'lt') commands.push(_.lt(operand))
      else if (key === 'lte') commands.push(_.lte(operand))
      else if (key === 'ne') commands.push(_.neq(operand))
      else if (key === 'in') {
        if (!Array.isArray(operand)) throw new Error('"in" needs an array')
        commands.push(_.in(operand))
      } else throw new Error(`unknown condition "${key}" on "${field}"`)
    }
    const [first, ...rest] = commands
    if (first) condition[field] = rest.length ? first.and(...rest) : first
  }
  return Object.keys(condition).length ? condition : null
}






/** A stored document as the port's type; CloudBase may add `_openid`, which the port does not declare. */
function toDoc<C extends CollectionName>(data: DB.IDocumentData): Doc<C> {
  const { _openid, ...doc } = data
  return doc as Doc<C>
}

/** The text of an SDK error: its `message` and `errMsg`, or the string it rejected with. */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error
  if (typeof error !== 'object' || error === null) return ''
  const { message, errMsg } = error as { message?: unknown; errMsg?: unknown }
  return [message, errMsg].filter((part): part is string => typeof part === 'string').join(' ')
}

/** `doc(id).get()` of a missing document rejects with "document.get:fail document with _id … does not exist". */
function isMissingDocument(error: unknown): boolean {
  return /does not exist/i.test(errorText(error))
}

/** A commit that met another writer's change: what @cloudbase/database's runTransaction retries on. */
function isTransactionConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT'
}

/** Inserting an existing `_id` fails with MongoDB's duplicate key error (E11000). */
function isDuplicateKey(error: unknown): boolean {
  return /E11000|duplicate/i.test(errorText(error))
}

function isCollectionAlreadyThere(error: unknown): boolean {
  return /already exist|TableExist|Table exist/i.test(errorText(error))
}
