/**
 * A recording, in-memory fake of wx-server-sdk: the database API (`database()`, `command`, collections,
 * documents, queries, `runTransaction`, `createCollection`) plus `init` and `getWXContext`, so it can stand
 * in for the whole module (`jest.mock('wx-server-sdk', () => require('../fakes/wx-server-sdk'))`).
 *
 * Every database call is appended to `calls` as plain data, so tests can pin the exact SDK calls made.
 * It behaves like the real service where callers can tell the difference:
 * - operations are asynchronous (each waits one `setImmediate`), so concurrent callers interleave;
 * - collections must exist (`createCollection` first, or `seed`); `createCollection` of an existing one rejects;
 * - `doc(id).get()` of a missing document rejects with "document.get:fail document with _id … does not exist";
 * - `add` with an existing `_id` rejects with an E11000 duplicate key error;
 * - `update` merges nested plain objects field by field (like the SDK's `$set` on dotted paths) unless the
 *   value is wrapped in `command.set(…)`; it reports `stats.updated: 0` when nothing changed or nothing matched;
 * - `set` / `update` refuse data containing `_id`; query `get()` returns at most 100 without `limit`
 *   (`limit(n)` at most 1000);
 * - `runTransaction(run)` hands `run` a transaction object exposing only `collection(c).doc(id).get/set/update/remove`
 *   and `collection(c).add`, stages its writes, and applies them atomically only if `run` resolves.
 *
 * Transactions, two modes:
 * - `createFakeCloud()` (the default, `transactions: 'serial'`): transactions run one at a time and read committed
 *   data as it is now. A simplification: the real service runs them concurrently; serialising is the outcome
 *   of successful retries.
 * - `createFakeCloud({ transactions: 'concurrent' })`: transactions interleave like on the real service. Each
 *   attempt reads from a snapshot of the committed data taken when it starts (plus its own staged writes),
 *   without any lock. At commit, if a document it read or writes was changed by another commit since the
 *   snapshot, the attempt fails with a write conflict (`code: 'DATABASE_TRANSACTION_CONFLICT'`, like the
 *   service's `ResourceUnavailable.TransactionConflict`), and — as `runTransaction(run, retry)` does in
 *   @cloudbase/database — `run` is called again on a fresh snapshot, at most `retry` more times; then the
 *   conflict error is what `runTransaction` rejects with. Errors other than a conflict are not retried.
 *   `add` checks `_id` against the unique index as it is now, not the snapshot: inserting an id another
 *   transaction committed meanwhile is a duplicate key error (E11000), not a conflict.
 * - `cloud.pauseBefore({ op, collection, id, inTransaction })` holds the next matching call until `release()`,
 *   so a test can force one interleaving (e.g. let another request commit between a read and a write).
 *   `add` calls carry no `id` (match them by collection). In serial mode a held call inside a transaction
 *   keeps the other transactions waiting, so interleavings are for the concurrent mode.
 *
 * @example
 *   const cloud = createFakeCloud()
 *   const db = cloud.database()
 *   await db.createCollection('members')
 *   await db.collection('members').add({ data: { _id: 'g1:o1', groupId: 'g1' } })
 *   cloud.calls // [{ op: 'createCollection', collection: 'members' },
 *               //  { op: 'collection.add', collection: 'members', args: { data: { _id: 'g1:o1', groupId: 'g1' } } }]
 *
 *   const racing = createFakeCloud({ transactions: 'concurrent' })
 *   const gate = racing.pauseBefore({ op: 'collection.add', collection: 'checkins', inTransaction: true })
 *   const late = checkIn()          // held just before its insert
 *   await gate.reached
 *   await checkIn()                 // commits first
 *   gate.release()                  // `late` now inserts an id that exists: E11000
 */
import { randomUUID } from 'node:crypto'
import type { DB, ICloud } from 'wx-server-sdk'

/** One SDK call, as plain data. Query calls carry the chain that built the query. */
export interface RecordedCall {
  op:
    | 'createCollection'
    | 'runTransaction'
    | 'collection.add'
    | 'collection.get'
    | 'collection.count'
    | 'document.get'
    | 'document.set'
    | 'document.update'
    | 'document.remove'
  collection?: string
  id?: string
  /** The options object the call received (commands shown as `{ $gt: 1 }`, `{ $set: {...} }`, ...). */
  args?: unknown
  query?: Array<{ method: 'where' | 'orderBy' | 'skip' | 'limit'; args: unknown[] }>
  /** Present when the call was made through a `runTransaction` transaction object. */
  inTransaction?: true
}

type Document = { _id: string; [field: string]: unknown }
type QueryStep = NonNullable<RecordedCall['query']>[number]

const DEFAULT_QUERY_LIMIT = 100
const MAX_QUERY_LIMIT = 1000

/** Error shaped like the ones wx-server-sdk rejects with: `message` = `errMsg` = "<api>:fail ...", plus `errCode`. */
export class FakeSdkError extends Error {
  readonly errMsg: string
  constructor(
    apiName: string,
    readonly errCode: number,
    detail: string,
  ) {
    super(`${apiName}:fail ${detail}`)
    this.errMsg = this.message
  }
}

/** What the service answers when a transaction's commit meets a write conflict (the SDK retries on `code`). */
export class FakeTransactionConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT'
  readonly errMsg: string
  constructor(detail: string) {
    super(`[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${detail}`)
    this.errMsg = this.message
  }
}

function isTransactionConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT'
}

const ERROR_TEXT: Record<number, string> = {
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502005]: 'database collection not exists',
  [-501001]: 'resource system error',
}

function serviceError(apiName: string, errCode: number, detail: string): FakeSdkError {
  return new FakeSdkError(apiName, errCode, `${errCode} ${ERROR_TEXT[errCode]}. ${detail}`)
}

// --- commands (db.command) ---

/** What `db.command.gt(1)`, `.and(...)`, `.set(...)` return in the fake: an operator the fake can evaluate. */
export class FakeCommand {
  constructor(
    readonly operator: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'and' | 'or' | 'set',
    readonly operands: unknown[],
  ) {}

  and(...expressions: unknown[]): FakeCommand {
    return new FakeCommand('and', [this, ...expressions])
  }

  or(...expressions: unknown[]): FakeCommand {
    return new FakeCommand('or', [this, ...expressions])
  }

  /** The plain form used in recorded calls. */
  toPlain(): Record<string, unknown> {
    const logical = this.operator === 'and' || this.operator === 'or'
    return { [`$${this.operator}`]: logical ? this.operands.map(toPlain) : toPlain(this.operands[0]) }
  }
}

function makeCommand() {
  return {
    eq: (value: unknown) => new FakeCommand('eq', [value]),
    neq: (value: unknown) => new FakeCommand('neq', [value]),
    gt: (value: unknown) => new FakeCommand('gt', [value]),
    gte: (value: unknown) => new FakeCommand('gte', [value]),
    lt: (value: unknown) => new FakeCommand('lt', [value]),
    lte: (value: unknown) => new FakeCommand('lte', [value]),
    in: (values: unknown[]) => new FakeCommand('in', [values]),
    nin: (values: unknown[]) => new FakeCommand('nin', [values]),
    and: (...expressions: unknown[]) => new FakeCommand('and', expressions),
    or: (...expressions: unknown[]) => new FakeCommand('or', expressions),
    set: (value: unknown) => new FakeCommand('set', [value]),
  }
}

// --- the fake cloud ---

/** Writes a transaction has staged: a document, or null for "removed". */
type StagedWrites = Map<string, Map<string, Document | null>>

export interface FakeCloudOptions {
  /** 'serial' (default): one transaction at a time. 'concurrent': snapshot reads, conflicts at commit, retries. */
  transactions?: 'serial' | 'concurrent'
  /** How long each database call waits, as a round trip to the service would (default: one turn of the event loop). */
  roundTripMs?: number
}

/** Which calls `pauseBefore` holds: every given field must match the recorded call. */
export type CallMatcher = Partial<Pick<RecordedCall, 'op' | 'collection' | 'id' | 'inTransaction'>>

export interface PausedCall {
  /** Resolves when a matching call has been made (and is being held). */
  readonly reached: Promise<RecordedCall>
  /** Let the held call (or, if none came yet, the next matching one) go on. */
  release(): void
}

interface Pause {
  matcher: CallMatcher
  reached: (call: RecordedCall) => void
  released: Promise<void>
}

/** One committed version of a document (concurrent mode keeps them, so snapshots can be read). */
interface Version {
  seq: number
  doc: Document | undefined
}

export class FakeCloud {
  /** Every database call so far, oldest first. */
  readonly calls: RecordedCall[] = []
  readonly transactionMode: 'serial' | 'concurrent'
  private readonly collections = new Map<string, Map<string, Document>>()
  private wxContext: ICloud.WXContext = {}
  private transactionTail: Promise<unknown> = Promise.resolve()
  /** Concurrent mode: the number of the last commit, and each written document's versions by `collection/id`. */
  private commitSeq = 0
  private readonly versions = new Map<string, Version[]>()
  private pauses: Pause[] = []

  /** See FakeCloudOptions; may be changed between calls (e.g. seed at full speed, then measure with it). */
  roundTripMs: number
  constructor(options: FakeCloudOptions = {}) {
    this.transactionMode = options.transactions ?? 'serial'
    this.roundTripMs = options.roundTripMs ?? 0
  }

  init(_config?: unknown): void {}

  getWXContext(): ICloud.WXContext {
    return { ...this.wxContext }
  }

  /** What `getWXContext()` returns from now on, e.g. `setWXContext({ OPENID: 'o_alice' })`. */
  setWXContext(context: ICloud.WXContext): void {
    this.wxContext = { ...context }
  }

  database(_config?: DB.IDatabaseConfig): DB.Database {
    const database = new FakeDatabase(this)
    // The fake implements the part of DB.Database the product uses; the rest of the class is not faked.
    return database as unknown as DB.Database
  }

  clearCalls(): void {
    this.calls.length = 0
  }

  /** Put a document straight into a collection (creating the collection); not recorded. */
  seed(collection: string, doc: Document): void {
    this.collectionOrCreate(collection)
    this.applyWrites([[collection, doc._id, clone(doc)]])
  }

  /**
   * Hold the next call matching `matcher` (before it touches any data) until `release()`.
   *
   * @example
   *   const gate = cloud.pauseBefore({ op: 'document.update', collection: 'things', inTransaction: true })
   *   const slow = update()   // waits at the update
   *   await gate.reached
   *   await somethingElse()
   *   gate.release()
   */
  pauseBefore(matcher: CallMatcher): PausedCall {
    let reached!: (call: RecordedCall) => void
    let release!: () => void
    const reachedPromise = new Promise<RecordedCall>((resolve) => (reached = resolve))
    const released = new Promise<void>((resolve) => (release = resolve))
    this.pauses.push({ matcher, reached, released })
    return { reached: reachedPromise, release }
  }

  /** The documents of a collection, in insertion order. */
  documents(collection: string): Document[] {
    return [...(this.collections.get(collection)?.values() ?? [])].map(clone)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  // --- internals used by the database objects below ---

  /** Record a call, then wait like a round trip to the service (and for its release, if it is paused). */
  async record(call: RecordedCall): Promise<void> {
    const plain = toPlain(call) as RecordedCall
    this.calls.push(plain)
    const index = this.pauses.findIndex((candidate) => matches(plain, candidate.matcher))
    const pause = index >= 0 ? this.pauses.splice(index, 1)[0] : undefined
    await latency(this.roundTripMs)
    if (pause) {
      pause.reached(plain)
      await pause.released
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  createCollectionNow(name: string): void {
    if (this.collections.has(name)) {
      throw serviceError('createCollection', -501001, `[ResourceInUse] collection already exists: ${name}`)
    }
    this.collections.set(name, new Map())
  }

  /** The committed documents of a collection; rejects like the service when it does not exist. */
  committed(apiName: string, name: string): Map<string, Document> {
    const collection = this.collections.get(name)
    if (!collection) throw serviceError(apiName, -502005, `[ResourceNotFound] Db or Table not exist: ${name}`)
    return collection
  }

  /** Run transactions one after another. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.transactionTail.then(task)
    this.transactionTail = result.catch(() => undefined)
    return result
  }

  commit(staged: StagedWrites): void {
    const writes: Array<[string, string, Document | null]> = []
    for (const [name, docs] of staged) {
      this.committed('transaction.commit', name)
      for (const [id, doc] of docs) writes.push([name, id, doc])
    }
    this.applyWrites(writes)
  }

  /** Apply writes as one commit (concurrent mode: one new version number for all of them). */
  applyWrites(writes: Array<[collection: string, id: string, doc: Document | null]>): void {
    if (writes.length === 0) return
    const seq = ++this.commitSeq
    for (const [name, id, doc] of writes) {
      const collection = this.collectionOrCreate(name)
      if (this.transactionMode === 'concurrent') {
        const key = versionKey(name, id)
        let history = this.versions.get(key)
        if (!history) {
          history = [{ seq: 0, doc: collection.get(id) }]
          this.versions.set(key, history)
        }
        history.push({ seq, doc: doc ?? undefined })
      }
      if (doc) collection.set(id, doc)
      else collection.delete(id)
    }
  }

  /** The number of the last commit: a snapshot taken now sees everything up to it. */
  snapshotSeq(): number {
    return this.commitSeq
  }

  /** A document as it was committed at snapshot `seq` (concurrent mode). */
  readAt(apiName: string, collection: string, id: string, seq: number): Document | undefined {
    const committed = this.committed(apiName, collection)
    const history = this.versions.get(versionKey(collection, id))
    if (!history) return committed.get(id)
    let found: Version | undefined
    for (const version of history) if (version.seq <= seq) found = version
    return found?.doc
  }

  /** The number of the last commit that changed a document (0: not since the fake started keeping versions). */
  changedAt(collection: string, id: string): number {
    const history = this.versions.get(versionKey(collection, id))
    return history ? history[history.length - 1].seq : 0
  }

  private collectionOrCreate(name: string): Map<string, Document> {
    let collection = this.collections.get(name)
    if (!collection) {
      collection = new Map()
      this.collections.set(name, collection)
    }
    return collection
  }
}

export function createFakeCloud(options: FakeCloudOptions = {}): FakeCloud {
  return new FakeCloud(options)
}

function versionKey(collection: string, id: string): string {
  return `${collection}/${id}`
}

function matches(call: RecordedCall, matcher: CallMatcher): boolean {
  return (Object.keys(matcher) as Array<keyof CallMatcher>).every((key) => matcher[key] === undefined || call[key] === matcher[key])
}

/**
 * Where documents are read and written: the committed collections, or a transaction's staged view of them.
 * `inTransaction` marks recorded calls.
 */
interface DocumentSpace {
  readonly cloud: FakeCloud
  readonly inTransaction: boolean
  read(apiName: string, collection: string, id: string): Document | undefined
  /** Whether `add` of this id is a duplicate: the unique index as it is now (and this space's own writes). */
  taken(apiName: string, collection: string, id: string): boolean
  write(apiName: string, collection: string, id: string, doc: Document | null): void
  /** Rejects once a transaction has finished. */
  checkOpen(apiName: string): void
}

class CommittedSpace implements DocumentSpace {
  readonly inTransaction = false
  constructor(readonly cloud: FakeCloud) {}

  read(apiName: string, collection: string, id: string): Document | undefined {
    return this.cloud.committed(apiName, collection).get(id)
  }

  taken(apiName: string, collection: string, id: string): boolean {
    return this.read(apiName, collection, id) !== undefined
  }

  write(apiName: string, collection: string, id: string, doc: Document | null): void {
    this.cloud.committed(apiName, collection)
    this.cloud.applyWrites([[collection, id, doc]])
  }

  checkOpen(): void {}
}

class TransactionSpace implements DocumentSpace {
  readonly inTransaction = true
  readonly staged: StagedWrites = new Map()
  finished = false
  /** Concurrent mode: the commit this attempt's snapshot shows, and the documents it read (`collection/id`). */
  private readonly snapshot: number
  private readonly readKeys = new Map<string, [string, string]>()

  constructor(readonly cloud: FakeCloud) {
    this.snapshot = cloud.snapshotSeq()
  }

  private get concurrent(): boolean {
    return this.cloud.transactionMode === 'concurrent'
  }

  read(apiName: string, collection: string, id: string): Document | undefined {
    const committed = this.cloud.committed(apiName, collection)
    const writes = this.staged.get(collection)
    if (writes?.has(id)) return writes.get(id) ?? undefined
    if (!this.concurrent) return committed.get(id)
    this.readKeys.set(versionKey(collection, id), [collection, id])
    return this.cloud.readAt(apiName, collection, id, this.snapshot)
  }

  taken(apiName: string, collection: string, id: string): boolean {
    if (this.read(apiName, collection, id) !== undefined) return true
    const ownWrite = this.staged.get(collection)?.has(id)
    return !ownWrite && this.cloud.committed(apiName, collection).has(id)
  }

  /** Concurrent mode: throws the conflict error when another commit changed what this attempt read or writes. */
  checkConflicts(): void {
    if (!this.concurrent) return
    const touched = new Map(this.readKeys)
    for (const [collection, writes] of this.staged) for (const id of writes.keys()) touched.set(versionKey(collection, id), [collection, id])
    for (const [key, [collection, id]] of touched) {
      if (this.cloud.changedAt(collection, id) > this.snapshot) throw new FakeTransactionConflictError(`(write conflict on ${key})`)
    }
  }

  write(apiName: string, collection: string, id: string, doc: Document | null): void {
    this.cloud.committed(apiName, collection)
    let writes = this.staged.get(collection)
    if (!writes) {
      writes = new Map()
      this.staged.set(collection, writes)
    }
    writes.set(id, doc)
  }

  checkOpen(apiName: string): void {
    if (this.finished) throw serviceError(apiName, -501007, 'the transaction has already finished')
  }
}

class FakeDatabase {
  readonly command = makeCommand()
  private readonly space: CommittedSpace

  constructor(private readonly cloud: FakeCloud) {
    this.space = new CommittedSpace(cloud)
  }

  collection(name: string): FakeCollection {
    return new FakeCollection(this.space, name, [])
  }

  async createCollection(name: string): Promise<{ errMsg: string }> {
    await this.cloud.record({ op: 'createCollection', collection: name })
    this.cloud.createCollectionNow(name)
    return { errMsg: 'createCollection:ok' }
  }

  runTransaction(run: (transaction: FakeTransaction) => Promise<unknown>, retry = 3): Promise<unknown> {
    const recorded = this.cloud.record({ op: 'runTransaction', args: { retry } })
    if (this.cloud.transactionMode === 'serial') {
      return this.cloud.exclusive(async () => {
        await recorded
        return this.attempt(run)
      })
    }
    return recorded.then(() => this.attemptWithRetries(run, retry))
  }

  /** Like @cloudbase/database's runTransaction(callback, times): on a conflict, call again with times - 1; at 0, reject. */
  private async attemptWithRetries(run: (transaction: FakeTransaction) => Promise<unknown>, times: number): Promise<unknown> {
    try {
      return await this.attempt(run)
    } catch (error) {
      if (times <= 0 || !isTransactionConflict(error)) throw error
      return this.attemptWithRetries(run, times - 1)
    }
  }

  private async attempt(run: (transaction: FakeTransaction) => Promise<unknown>): Promise<unknown> {
    const space = new TransactionSpace(this.cloud)
    try {
      const result = await run(new FakeTransaction(space))
      space.finished = true
      if (this.cloud.transactionMode === 'concurrent') {
        await latency(this.cloud.roundTripMs) // the commit is a round trip too: other transactions may commit meanwhile
        space.checkConflicts()
      }
      this.cloud.commit(space.staged)
      return result
    } finally {
      space.finished = true
    }
  }

  startTransaction(): Promise<never> {
    return Promise.reject(new Error('the wx-server-sdk fake does not implement startTransaction; use runTransaction'))
  }
}

/** The object `runTransaction` passes to its callback: id-addressed operations only, like the real one. */
class FakeTransaction {
  constructor(private readonly space: TransactionSpace) {}

  collection(name: string): { doc(id: string): FakeDocument; add(options: DB.IAddDocumentOptions): Promise<unknown> } {
    const collection = new FakeCollection(this.space, name, [])
    return { doc: (id) => collection.doc(id), add: (options) => collection.add(options) }
  }
}

class FakeQuery {
  constructor(
    protected readonly space: DocumentSpace,
    readonly collectionName: string,
    protected readonly steps: QueryStep[],
  ) {}

  where(condition: unknown): FakeQuery {
    if (!isPlainObject(condition)) throw new Error('the wx-server-sdk fake supports where({ field: value | command }) only')
    return this.withStep({ method: 'where', args: [condition] })
  }

  orderBy(fieldPath: string, order: string): FakeQuery {
    if (order !== 'asc' && order !== 'desc') throw new Error(`orderBy: order must be "asc" or "desc", got "${order}"`)
    return this.withStep({ method: 'orderBy', args: [fieldPath, order] })
  }

  skip(offset: number): FakeQuery {
    if (!Number.isInteger(offset)) throw new Error(`skip must be an integer, got ${offset}`)
    return this.withStep({ method: 'skip', args: [offset] })
  }

  limit(max: number): FakeQuery {
    if (!Number.isInteger(max)) throw new Error(`limit must be an integer, got ${max}`)
    return this.withStep({ method: 'limit', args: [max] })
  }

  async get(): Promise<{ data: Document[]; errMsg: string }> {
    await this.recordQuery('collection.get')
    const matched = this.matching('collection.get')
    for (const { field, order } of this.sortKeys().reverse()) {
      matched.sort((a, b) => compareForSort(readPath(a, field), readPath(b, field)) * (order === 'desc' ? -1 : 1))
    }
    const skip = this.lastArg('skip') ?? 0
    const limit = this.lastArg('limit')
    const max = limit ? Math.min(limit, MAX_QUERY_LIMIT) : DEFAULT_QUERY_LIMIT
    return { data: matched.slice(skip, skip + max).map(clone), errMsg: 'collection.get:ok' }
  }

  async count(): Promise<{ total: number; errMsg: string }> {
    await this.recordQuery('collection.count')
    return { total: this.matching('collection.count').length, errMsg: 'collection.count:ok' }
  }

  private withStep(step: QueryStep): FakeQuery {
    if (this.space.inTransaction) throw new Error('the wx-server-sdk fake: transactions cannot run queries')
    return new FakeQuery(this.space, this.collectionName, [...this.steps, step])
  }

  private recordQuery(op: 'collection.get' | 'collection.count'): Promise<void> {
    return this.space.cloud.record({ op, collection: this.collectionName, query: this.steps })
  }

  private matching(apiName: string): Document[] {
    const condition = [...this.steps].reverse().find((step) => step.method === 'where')?.args[0]
    const documents = [...this.space.cloud.committed(apiName, this.collectionName).values()]
    return condition ? documents.filter((doc) => matchesCondition(doc, condition as Record<string, unknown>)) : documents
  }

  private sortKeys(): Array<{ field: string; order: string }> {
    return this.steps
      .filter((step) => step.method === 'orderBy')
      .map((step) => ({ field: String(step.args[0]), order: String(step.args[1]) }))
  }

  private lastArg(method: 'skip' | 'limit'): number | undefined {
    const step = [...this.steps].reverse().find((candidate) => candidate.method === method)
    return step ? Number(step.args[0]) : undefined
  }
}

class FakeCollection extends FakeQuery {
  doc(id: string | number): FakeDocument {
    return new FakeDocument(this.space, this.collectionName, String(id))
  }

  async add(options: DB.IAddDocumentOptions): Promise<{ _id: string; errMsg: string }> {
    const apiName = 'collection.add'
    await this.record({ op: apiName, collection: this.collectionName, args: options })
    this.space.checkOpen(apiName)
    const data = options?.data
    if (!isPlainObject(data)) throw serviceError(apiName, -501007, 'data must be an object')
    const id = data._id === undefined ? randomUUID().replace(/-/g, '') : String(data._id)
    if (this.space.taken(apiName, this.collectionName, id)) {
      throw serviceError(
        apiName,
        -502001,
        `[FailedOperation] E11000 duplicate key error collection: ${this.collectionName} index: _id_ dup key: { _id: "${id}" }`,
      )
    }
    this.space.write(apiName, this.collectionName, id, { ...clone(data), _id: id })
    return { _id: id, errMsg: 'collection.add:ok' }
  }

  private record(call: RecordedCall): Promise<void> {
    return this.space.cloud.record(this.space.inTransaction ? { ...call, inTransaction: true } : call)
  }
}

class FakeDocument {
  constructor(
    private readonly space: DocumentSpace,
    private readonly collectionName: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: Document; errMsg: string }> {
    const apiName = 'document.get'
    await this.record(apiName)
    this.space.checkOpen(apiName)
    const doc = this.space.read(apiName, this.collectionName, this.id)
    if (!doc) throw new FakeSdkError(apiName, -1, `document with _id ${this.id} does not exist`)
    return { data: clone(doc), errMsg: 'document.get:ok' }
  }

  async set(options: DB.ISetSingleDocumentOptions): Promise<DB.ISetResult> {
    const apiName = 'document.set'
    await this.record(apiName, options)
    this.space.checkOpen(apiName)
    const data = this.checkedData(apiName, options)
    if (containsCommand(data)) throw serviceError(apiName, -502001, 'update operator complicit')
    const before = this.space.read(apiName, this.collectionName, this.id)
    const after: Document = { ...clone(data), _id: this.id }
    this.space.write(apiName, this.collectionName, this.id, after)
    const changed = before !== undefined && !sameJson(before, after)
    return {
      _id: this.id,
      errMsg: 'document.set:ok',
      stats: { updated: changed ? 1 : 0, created: before === undefined ? 1 : 0 },
    }
  }

  async update(options: DB.IUpdateSingleDocumentOptions): Promise<DB.IUpdateResult> {
    const apiName = 'document.update'
    await this.record(apiName, options)
    this.space.checkOpen(apiName)
    const data = this.checkedData(apiName, options)
    const before = this.space.read(apiName, this.collectionName, this.id)
    if (!before) return { errMsg: 'document.update:ok', stats: { updated: 0 } }
    const after = clone(before)
    applyUpdate(after, data)
    const changed = !sameJson(before, after)
    if (changed) this.space.write(apiName, this.collectionName, this.id, after)
    return { errMsg: 'document.update:ok', stats: { updated: changed ? 1 : 0 } }
  }

  async remove(): Promise<DB.IRemoveResult> {
    const apiName = 'document.remove'
    await this.record(apiName)
    this.space.checkOpen(apiName)
    const existed = this.space.read(apiName, this.collectionName, this.id) !== undefined
    if (existed) this.space.write(apiName, this.collectionName, this.id, null)
    return { errMsg: 'document.remove:ok', stats: { removed: existed ? 1 : 0 } }
  }

  private checkedData(apiName: string, options: { data?: unknown } | undefined): Record<string, unknown> {
    const data = options?.data
    if (!isPlainObject(data) || Object.keys(data).length === 0) {
      throw new FakeSdkError(apiName, -1, 'options.data should not be empty')
    }
    if (Object.prototype.hasOwnProperty.call(data, '_id')) throw serviceError(apiName, -501007, '不能更新_id的值')
    return data
  }

  private record(op: RecordedCall['op'], args?: unknown): Promise<void> {
    const call: RecordedCall = { op, collection: this.collectionName, id: this.id }
    if (args !== undefined) call.args = args
    if (this.space.inTransaction) call.inTransaction = true
    return this.space.cloud.record(call)
  }
}

// --- module-level stand-in for `require('wx-server-sdk')` ---

let defaultCloud = createFakeCloud()

/** The cloud behind the module-level functions below. */
export function fakeCloud(): FakeCloud {
  return defaultCloud
}

/** Start the module-level functions on a fresh, empty cloud. */
export function resetFakeCloud(): FakeCloud {
  defaultCloud = createFakeCloud()
  return defaultCloud
}

export const DYNAMIC_CURRENT_ENV: unique symbol = Symbol('DYNAMIC_CURRENT_ENV')

export function init(config?: unknown): void {
  defaultCloud.init(config)
}

export function database(config?: DB.IDatabaseConfig): DB.Database {
  return defaultCloud.database(config)
}

export function getWXContext(): ICloud.WXContext {
  return defaultCloud.getWXContext()
}

export function setWXContext(context: ICloud.WXContext): void {
  defaultCloud.setWXContext(context)
}

/** For `import cloud from 'wx-server-sdk'` (esModuleInterop) when this module is mocked in. */
const fakeModule = { init, database, getWXContext, setWXContext, DYNAMIC_CURRENT_ENV, fakeCloud, resetFakeCloud }
export default fakeModule

// --- evaluation helpers ---

function latency(roundTripMs = 0): Promise<void> {
  return new Promise((resolve) => (roundTripMs > 0 ? setTimeout(resolve, roundTripMs) : setImmediate(resolve)))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FakeCommand)
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Plain data for recording: commands become `{ $op: operand }`, everything is copied. */
function toPlain(value: unknown): unknown {
  if (value instanceof FakeCommand) return value.toPlain()
  if (Array.isArray(value)) return value.map(toPlain)
  if (typeof value === 'object' && value !== null) {
    const plain: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) plain[key] = toPlain(inner)
    }
    return plain
  }
  return value
}

function containsCommand(value: unknown): boolean {
  if (value instanceof FakeCommand) return true
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsCommand)
  return false
}

function readPath(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** Like the SDK's update: nested plain objects merge field by field; `command.set(v)` replaces; undefined is skipped. */
function applyUpdate(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    if (value instanceof FakeCommand) {
      if (value.operator !== 'set') throw new Error(`the wx-server-sdk fake does not support update command ${value.operator}`)
      target[key] = clone(value.operands[0])
    } else if (isPlainObject(value)) {
      const inner = target[key]
      const merged = isPlainObject(inner) ? inner : {}
      applyUpdate(merged, value)
      target[key] = merged
    } else {
      target[key] = clone(value)
    }
  }
}

function matchesCondition(doc: Document, condition: Record<string, unknown>): boolean {
  return Object.entries(condition).every(([field, expected]) => {
    if (expected === undefined) return true
    const actual = readPath(doc, field)
    if (expected instanceof FakeCommand) return matchesCommand(actual, expected)
    if (isPlainObject(expected)) throw new Error('the wx-server-sdk fake does not support nested-object conditions')
    return equals(actual, expected)
  })
}

function matchesCommand(actual: unknown, command: FakeCommand): boolean {
  const operand = command.operands[0]
  switch (command.operator) {
    case 'eq':
      return equals(actual, operand)
    case 'neq':
      return !equals(actual, operand)
    case 'gt':
      return comparable(actual, operand) && compareSameType(actual, operand) > 0
    case 'gte':
      return comparable(actual, operand) && compareSameType(actual, operand) >= 0
    case 'lt':
      return comparable(actual, operand) && compareSameType(actual, operand) < 0
    case 'lte':
      return comparable(actual, operand) && compareSameType(actual, operand) <= 0
    case 'in':
      return (operand as unknown[]).some((candidate) => equals(actual, candidate))
    case 'nin':
      return !(operand as unknown[]).some((candidate) => equals(actual, candidate))
    case 'and':
      return command.operands.every((inner) => inner instanceof FakeCommand && matchesCommand(actual, inner))
    case 'or':
      return command.operands.some((inner) => inner instanceof FakeCommand && matchesCommand(actual, inner))
    default:
      throw new Error(`the wx-server-sdk fake cannot evaluate ${command.operator} in a query`)
  }
}

/** Equality as the database sees it: null matches a null or missing field. */
function equals(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined
  if (typeof expected === 'object') return sameJson(actual, expected)
  return actual === expected
}

/** Range operators only compare values of the same kind (numbers with numbers, strings with strings). */
function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')
}

function compareSameType(a: unknown, b: unknown): number {
  const left = a as number | string
  const right = b as number | string
  return left < right ? -1 : left > right ? 1 : 0
}

/** Sort order across kinds, as in the database: missing/null, numbers, strings, objects, arrays, booleans. */
function compareForSort(a: unknown, b: unknown): number {
  const rank = (value: unknown): number => {
    if (value === null || value === undefined) return 0
    if (typeof value === 'number') return 1
    if (typeof value === 'string') return 2
    if (Array.isArray(value)) return 4
    if (typeof value === 'object') return 3
    if (typeof value === 'boolean') return 5
    return 6
  }
  const difference = rank(a) - rank(b)
  if (difference !== 0) return difference
  if (comparable(a, b)) return compareSameType(a, b)
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return 0
}
