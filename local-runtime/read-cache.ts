/**
 * The local runtime's answers to hot read-only actions (today's feed, the check-in overview, the review queue),
 * kept per process and served again while nothing can have changed them.
 *
 * An entry is the serialised `{ ok: true, … }` answer of one action for one caller and one request body, and it
 * is served again only when all of these hold:
 * - same function, same action, same caller OPENID (the platform's identity, decided per request by the server),
 *   same request body text: so an answer computed for an admin is never served to anyone else, and whatever the
 *   use case decided about that caller (membership, role) it would decide again on the same data;
 * - the store's change version is the one the answer was computed under (`changeVersion()`: bumped by every
 *   committed write of this process, and by commits of any other process on the file), and it did not move
 *   while the answer was being computed (else the answer may mix data from before and after a write, and is not
 *   kept): so a write is visible on the very next read;
 * - the request's clock is within `READ_CACHE_TTL_MS` at or after the moment the answer was computed: the only
 *   other input of these actions is the time (which day it is, whether today's task is published yet, photo
 *   links valid for an hour), so time-derived fields are at most that much behind.
 * Failures are never kept; actions with a rate limit are never cached (each call must use a try). The first request
 * that sees a new change version drops every entry (none can be served again), so what is kept is only answers of
 * the data as it is now.
 *
 * @example
 *   const cache = createReadCache(store)            // null when the store has no change version
 *   const payload = await cache.serve({ fn: 'checkin', action: 'feed', openid, body, at: new Date() }, () => invoke())
 */
import type { ActionResult } from '../contracts/define'
import { getCheckinOverview, listTodayFeed } from '../contracts/checkin'
import { listApplications } from '../contracts/admission'
import { rateLimitOf } from '../platform/rate-limit'

/** How far behind the clock a served answer's time-derived fields may be. */
export const READ_CACHE_TTL_MS = 1000
export const MAX_READ_CACHE_ENTRIES = 2000
/** Past this many characters of kept answers, the cache starts over (entries older than the TTL are dead anyway). */
export const MAX_READ_CACHE_CHARS = 16 * 2 ** 20

/** A store that says when its committed data changed (the SQLite adapter does). */
export interface ChangeVersioned {
  /** Differs from any earlier value once a write committed (in this process or, on a file, in another). */
  changeVersion(): string
}

/** The read-only actions worth keeping: the member and admin pages that everyone opens at once. */
const CACHED_ACTIONS = new Set([getCheckinOverview, listTodayFeed, listApplications].filter((contract) => !rateLimitOf(contract)).map((contract) => `${contract.fn}/${contract.action}`))

export function isCachedAction(fn: string, action: unknown): boolean {
  return typeof action === 'string' && CACHED_ACTIONS.has(`${fn}/${action}`)
}

export interface ReadRequest {
  fn: string
  action: string
  openid: string
  /** The request body text as received. */
  body: string
  /** The request's clock (the runtime's `now`). */
  at: Date
}

export interface ReadCache {
  /** The serialised answer: kept (see the module comment), or `compute()`d now. */
  serve(request: ReadRequest, compute: () => Promise<ActionResult<unknown>>): Promise<string>
  readonly size: number
}

interface Entry {
  version: string
  computedAt: number
  payload: string
}

export function hasChangeVersion(store: unknown): store is ChangeVersioned {
  return typeof (store as Partial<ChangeVersioned>).changeVersion === 'function'
}

/** A cache over `store`, or null when the store cannot say when it changed (then nothing may be kept). */
export function createReadCache(store: unknown, ttlMs = READ_CACHE_TTL_MS): ReadCache | null {
  if (!hasChangeVersion(store)) return null
  // Starting over is a new Map, never `clear()`. V8 gives a long-lived Map's cleared table to a new table in the old
  // generation, and a dropped old-generation table still holds its answers for the young-generation collector until
  // the next full collection. Under writes that start the cache over every few requests, every answer then outlived
  // two young collections: about 80 MB/s moved to the old generation in the bench's 08:00 mix, with a full
  // collection each second and its p99 1.5–2.5× its p50. A new Map is young, and so is what it holds.
  let entries = new Map<string, Entry>()
  let chars = 0
  /** The change version every kept entry was computed under: an entry of an older one can never be served again. */
  let keptVersion: string | null = null
  return {
    get size() {
      return entries.size
    },
    async serve(request, compute) {
      const key = `${request.fn}\u0000${request.action}\u0000${request.openid}\u0000${request.body}`
      const at = request.at.getTime()
      const version = store.changeVersion()
      if (version !== keptVersion) {
        entries = new Map()
        chars = 0
        keptVersion = version
      }
      const entry = entries.get(key)
      if (entry && entry.version === version && at >= entry.computedAt && at - entry.computedAt < ttlMs) return entry.payload
      const result = await compute()
      const payload = JSON.stringify(result)
      // What is kept now (another request may have replaced it, or the cache started over, meanwhile).
      const kept = entries.get(key)
      if (kept) {
        entries.delete(key)
        chars -= kept.payload.length
      }
      if (result.ok && store.changeVersion() === version && Number.isFinite(at)) {
        if (entries.size >= MAX_READ_CACHE_ENTRIES || chars + payload.length > MAX_READ_CACHE_CHARS) {
          entries = new Map()
          chars = 0
        }
        entries.set(key, { version, computedAt: at, payload })
        chars += payload.length
      }
      return payload
    },
  }
}
