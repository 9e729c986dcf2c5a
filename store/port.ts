/**
 * The store port: the narrow persistence interface every use case depends on.
 * Two adapters implement it — SQLite (local runtime, tests) and CloudBase (production).
 *
 * The shape follows what CloudBase can honour:
 * - documents are addressed by `_id`; uniqueness the product depends on is a deterministic `_id`
 *   (`create` refuses an existing one with `StoreConflictError`), never read-then-write;
 * - transactions address documents by id only (get / create / set / update / remove) — no queries
 *   inside a transaction, because CloudBase transactions cannot run them;
 * - queries (`find`, `count`) run outside transactions, with equality and simple range filters.
 *
 * @example
 *   await store.transaction(async (tx) => {
 *     const group = await tx.get('groups', 'g1')
 *     await tx.create('members', { _id: memberId('g1', openid), ... })  // throws if already a member
 *     await tx.update('groups', 'g1', { memberCount: group!.memberCount + 1 })
 *   })
 */
import type { Collections } from './schema'

export type CollectionName = keyof Collections
export type Doc<C extends CollectionName> = Collections[C]

type Scalar = string | number | boolean | null

/** A range / set condition on one field. */
export interface FieldCondition<V> {
  gt?: V
  gte?: V
  lt?: V
  lte?: V
  in?: V[]
  ne?: V
}

/**
 * Conditions on top-level fields, all of which must hold. A bare value means equality.
 * As in CloudBase, `ne` and equality with `null` also match documents that lack the field.
 */
export type Filter<T> = {
  [K in keyof T]?: T[K] extends Scalar ? T[K] | FieldCondition<T[K]> : never
}

export interface FindOptions<T> {
  where?: Filter<T>
  orderBy?: Array<{ field: keyof T & string; direction: 'asc' | 'desc' }>
  /** At most 100 (CloudBase's own cap for server-side reads), or MAX_BULK_FIND_LIMIT with `bulk`. Defaults to 20. */
  limit?: number
  skip?: number
  /**
   * A server-side job reading a whole list it must see (a lottery's frozen entrants, a group's roster to
   * notify): `limit` may go up to MAX_BULK_FIND_LIMIT (1000), what `Collection.limit` documents for cloud
   * functions. Some CloudBase environments have been seen to cap a page at 100 all the same, so a bulk reader
   * must not take a short page for the end of the list: it pages on (`_id` greater than the last one read)
   * until it has the count it knows, or a page comes back empty.
   */
  bulk?: boolean
}

export const MAX_FIND_LIMIT = 100
export const MAX_BULK_FIND_LIMIT = 1000
export const DEFAULT_FIND_LIMIT = 20

/** Fields of a document that may be changed by `update` (everything but `_id`). */
export type Patch<T> = Partial<Omit<T, '_id'>>

/** Operations allowed inside a transaction: by id only. */
export interface Transaction {
  get<C extends CollectionName>(collection: C, id: string): Promise<Doc<C> | null>
  /** Insert a new document; throws `StoreConflictError` when `_id` exists. */
  create<C extends CollectionName>(collection: C, doc: Doc<C>): Promise<void>
  /** Insert or replace the whole document. */
  set<C extends CollectionName>(collection: C, doc: Doc<C>): Promise<void>
  /** Shallow-merge top-level fields; throws `StoreNotFoundError` when the document is missing. */
  update<C extends CollectionName>(collection: C, id: string, patch: Patch<Doc<C>>): Promise<void>
  remove<C extends CollectionName>(collection: C, id: string): Promise<void>
}

export interface Store extends Transaction {
  find<C extends CollectionName>(collection: C, options?: FindOptions<Doc<C>>): Promise<Array<Doc<C>>>
  count<C extends CollectionName>(collection: C, where?: Filter<Doc<C>>): Promise<number>
  /**
   * Run `work` atomically: every write inside commits together or not at all.
   * Adapters may re-run `work` on a write conflict, so it must not have side effects outside `tx`.
   * When an operation on `tx` throws (e.g. `create` finds the id taken), rethrow: CloudBase has already
   * aborted the transaction, so carrying on would commit on SQLite what CloudBase would not.
   */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>
  /** Create the collections (and, where the adapter can, the indexes) in `schema.ts`. Idempotent. */
  ensureSchema(): Promise<{ created: CollectionName[] }>
}

/** `create` found a document with that `_id` already there. */
export class StoreConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`document ${collection}/${id} already exists`)
    this.name = 'StoreConflictError'
  }
}

/**
 * A transaction gave up: other writers kept changing the documents it touched through every retry (CloudBase
 * re-runs a conflicting transaction a few times, then fails). Nothing of it was written; the caller may retry.
 */
export class StoreBusyError extends Error {
  constructor(readonly cause?: unknown) {
    super('transaction gave up after repeated write conflicts')
    this.name = 'StoreBusyError'
  }
}

/** `update` addressed a document that does not exist. */
export class StoreNotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`document ${collection}/${id} does not exist`)
    this.name = 'StoreNotFoundError'
  }
}
