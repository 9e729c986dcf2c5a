/**
 * Per-identity rate limits on the writes a person can repeat fast: application submits, check-ins and
 * make-ups, photo uploads. One table (`RATE_LIMITS`) says how many of each a user may do per window; a
 * lottery entry is one more row. Dispatch applies the action rows to `user` callers (strangers
 * are refused before that, the timer and the console are not limited); the local upload route applies
 * `PHOTO_UPLOAD_LIMIT`. Over the limit the call answers RATE_LIMITED and writes nothing.
 *
 * The limiter is a token bucket per (row, OPENID), in memory: it costs no database operation, so it can sit
 * in front of every call. It is per function instance — CloudBase runs several instances of a busy function,
 * each with its own buckets, and a cold start begins with full ones — so it is a first line of defence against
 * a stuck button or a script, not an exact quota. Input is validated first (that costs nothing), so a form
 * with a mistake does not use up a try.
 *
 * @example
 *   const limiter = createRateLimiter({ now: () => clock.now().getTime() })
 *   limiter.take(rateLimitOf(submitApplication)!, 'o_alice')   // true ×5 within a minute, then false
 */
import { checkIn, editCheckin, likeCheckin, makeUpCheckin } from '../contracts/checkin'
import { submitApplication } from '../contracts/admission'
import { claimLotteryPrize, createLottery, enterLottery } from '../contracts/lottery'
import type { AnyAction } from '../contracts/define'

export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS

export interface RateLimit {
  /** `<function>.<action>` for an action, or a route's own name (`upload.checkinPhoto`). */
  key: string
  /** At most this many in any `windowMs` (a burst of `max`, then one more every `windowMs / max`). */
  max: number
  windowMs: number
}

const actionKey = (action: AnyAction) => `${action.fn}.${action.action}`
const limitAction = (action: AnyAction, max: number, windowMs: number): RateLimit => ({ key: actionKey(action), max, windowMs })

/** Check-in photos through the local runtime's `POST /api/_upload` (on CloudBase they go straight to cloud storage). */
export const PHOTO_UPLOAD_LIMIT: RateLimit = { key: 'upload.checkinPhoto', max: 20, windowMs: HOUR_MS }

/** Every limit, one row each. */
export const RATE_LIMITS: readonly RateLimit[] = [
  limitAction(submitApplication, 5, MINUTE_MS),
  limitAction(checkIn, 10, MINUTE_MS),
  limitAction(makeUpCheckin, 10, MINUTE_MS),
  PHOTO_UPLOAD_LIMIT,
  limitAction(likeCheckin, 60, MINUTE_MS),
  limitAction(editCheckin, 10, MINUTE_MS),
  // Lotteries: an entry (a repeat tap is answered with the first entry, so 10 a minute is plenty), a claim,
  // and an admin's create (each one announces to every member).
  limitAction(enterLottery, 10, MINUTE_MS),
  limitAction(claimLotteryPrize, 5, MINUTE_MS),
  limitAction(createLottery, 5, MINUTE_MS),
]

const BY_KEY = new Map(RATE_LIMITS.map((limit) => [limit.key, limit]))

/** The limit on an action, if it has one. */
export function rateLimitOf(action: AnyAction): RateLimit | undefined {
  return BY_KEY.get(actionKey(action))
}

export interface RateLimiter {
  /** Use one try of `limit` for `identity`: true if there was one, false (nothing used) when over the limit. */
  take(limit: RateLimit, identity: string): boolean
}

export interface RateLimiterOptions {
  /** Milliseconds now (default `Date.now`); tests pass their clock. */
  now?: () => number
  /** Buckets kept before the full and then the oldest are dropped (default 10 000). */
  maxBuckets?: number
}

interface Bucket {
  limit: RateLimit
  tokens: number
  at: number
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now
  const maxBuckets = options.maxBuckets ?? 10_000
  const buckets = new Map<string, Bucket>()

  const refilled = ({ limit, tokens, at: then }: Bucket, at: number) =>
    Math.min(limit.max, tokens + (Math.max(0, at - then) * limit.max) / limit.windowMs)

  const prune = (at: number) => {
    for (const [id, bucket] of buckets) {
      if (refilled(bucket, at) >= bucket.limit.max) buckets.delete(id)
    }
    // Still too many (a flood of identities): forget the least recently used; they start full again. Down to
    // 90 %, so the next sweep comes a tenth of the cap later (a sweep per take would cost O(buckets) each).
    const keep = Math.floor(maxBuckets * 0.9)
    for (const id of buckets.keys()) {
      if (buckets.size <= keep) break
      buckets.delete(id)
    }
  }

  return {
    take(limit, identity) {
      const at = now()
      const id = `${limit.key}|${identity}`
      const tokens = refilled(buckets.get(id) ?? { limit, tokens: limit.max, at }, at)
      buckets.delete(id) // re-inserted last: Map order is least recently used first
      const allowed = tokens >= 1
      buckets.set(id, { limit, tokens: allowed ? tokens - 1 : tokens, at })
      if (buckets.size > maxBuckets) prune(at)
      return allowed
    },
  }
}
