/**
 * The verifiable lottery draw (commit–reveal): a pure, deterministic function of published data that every
 * JavaScript engine — a phone's included — recomputes bit for bit. README "Verifiable draws" explains it to a
 * sceptic; this comment is the reference.
 *
 * 1. Commitment. At publication the server draws a secret 32-byte `seed` (CSPRNG) and shows only
 *    `commitment = SHA-256(seed bytes)` (lowercase hex).
 * 2. Canonical entrant list. At the draw the entries are frozen; the list is sorted by `entryId` (UTF-16
 *    code-unit order, i.e. JavaScript's `<` on strings) and serialised as UTF-8 text:
 *      `shequn-lottery-entrants/v1\n` then, per entrant, `JSON.stringify([entryId, maskedName, tickets, nonce])\n`
 *    (lone surrogates are first replaced by U+FFFD so every engine encodes the same bytes).
 *    `digest = SHA-256(that text)`.
 * 3. Round randomness. `R0 = SHA-256(seed ‖ digest)` (64 bytes in), round k ≥ 1 (a redraw):
 *    `Rk = SHA-256(seed ‖ digest ‖ uint32be(k))`.
 * 4. Stream. Block j = `SHA-256(Rk ‖ uint32be(j))`, j = 0, 1, 2, …; each 32-byte block gives five 48-bit
 *    big-endian integers (bytes 0–5, 6–11, 12–17, 18–23, 24–29; bytes 30–31 are dropped), used in order.
 * 5. Uniform integer in [0, n), 1 ≤ n ≤ 2^48: take the next 48-bit x; if x ≥ 2^48 − (2^48 mod n) discard it
 *    and take the next (rejection sampling, so there is no modulo bias); else the result is x mod n.
 * 6. Weighted selection without replacement. Entrants in canonical order, minus `exclude` (earlier rounds'
 *    winners), each own `tickets` consecutive numbers on a line 0 … T−1 (T = tickets of those still in). For
 *    each tier in the given order, for each of its `quantity` prizes: if T = 0 stop (fewer entrants than
 *    prizes: the lists are shorter, later tiers empty); else u = uniform(T), the winner is the entrant whose
 *    numbers contain u; they leave the line (T shrinks by their tickets). A Fenwick tree keeps that O(log n).
 *
 * Every step is integer arithmetic on safe integers (< 2^53): no floating point decides anything, no BigInt.
 *
 * @example
 *   const commitment = newSeedCommitment(seed)                    // at publication
 *   const entrants = canonicalEntrants(frozen)                    // at the draw
 *   const digest = entrantsDigest(entrants)
 *   const round0 = drawRound({ seed, digest, round: 0, entrants, tiers })
 *   const round1 = drawRound({ seed, digest, round: 1, entrants, tiers: unclaimed, exclude: winnersOf([round0]) })
 *   verifyDraw({ version: 1, lotteryId, commitment, seed, entrants, digest, rounds: [round0, round1] }).ok // true
 */
import { sha256 } from 'js-sha256'
import { fillText } from '../i18n/fill'
import { LOTTERY_DRAW_STRINGS } from '../i18n/lottery-draw'
import { t } from '../i18n/strings'
import { DomainError } from './errors'

/** One published entrant: an opaque entry id (never an openid), a masked display name, tickets >= 1, the device nonce. */
export interface DrawEntrant {
  entryId: string
  maskedName: string
  tickets: number
  nonce: string
}
/** A prize tier as drawn: its id (stable, e.g. 't1'), name and how many winners it takes. */
export interface DrawTier {
  tierId: string
  name: string
  quantity: number
}
/** One round: round 0 is the draw; round k >= 1 redraws unclaimed prizes from those who have not won. */
export interface DrawRound {
  round: number
  tiers: DrawTier[]
  winners: Array<{ tierId: string; entryIds: string[] }>
}
/** Everything anyone needs to check a draw (the exported JSON of `npm run verify-draw`). */
export interface PublishedDraw {
  version: 1
  lotteryId: string
  /** SHA-256(seed bytes), hex — shown from publication on. */
  commitment: string
  /** 32 bytes hex, revealed after the draw (null before). */
  seed: string | null
  /** The frozen list, in canonical order (by entryId, code-unit ascending). */
  entrants: DrawEntrant[]
  /** Canonical digest of entrants. */
  digest: string
  rounds: DrawRound[]
}
export interface DrawVerification {
  ok: boolean
  /** SHA-256(seed) === commitment. */
  commitment: boolean
  /** The entrant list is well-formed (ids unique, tickets 1..MAX_TICKETS, nonces) and entrantsDigest(entrants) === digest. */
  digest: boolean
  /**
   * Recomputing every round (exclusions = winners of earlier rounds) gives the published winners. The
   * randomness is recomputed from the list itself (its digest), never from the published digest string.
   */
  winners: boolean
  /** Chinese, for the page (e.g. '承诺值与公开的种子不符'), empty when ok. */
  problems: string[]
}

/** 16 random bytes from the member's device, lowercase hex. */
export const ENTRANT_NONCE_PATTERN = /^[0-9a-f]{32}$/
/** Weighting cap: an admin gives each entrant 1..MAX_TICKETS tickets. */
export const MAX_TICKETS = 10
/** A seed, commitment, digest or round randomness: 32 bytes, lowercase hex. */
export const HASH_HEX_PATTERN = /^[0-9a-f]{64}$/
/** The first line of the canonical entrant text (names the format, so a future one cannot be confused with it). */
export const ENTRANTS_FORMAT_LINE = 'shequn-lottery-entrants/v1'

const TWO_24 = 0x1000000
const TWO_48 = TWO_24 * TWO_24
const MAX_ROUND = 0xffffffff

/** SHA-256 of the seed's 32 bytes: what is shown from publication on. */
export function newSeedCommitment(seedHex: string): string {
  return sha256.hex(hexBytes(seedHex, 'lotteryDraw.problem.seedMalformed'))
}

/** Sorted copy: by entryId, UTF-16 code-unit ascending (the same in every engine). */
export function canonicalEntrants(entrants: DrawEntrant[]): DrawEntrant[] {
  return entrants.slice().sort(byEntryId)
}

/** The list itself when it is already in canonical order (ids strictly ascending, as sorting would leave them), else a sorted copy. */
function inCanonicalOrder(entrants: DrawEntrant[]): DrawEntrant[] {
  for (let i = 1; i < entrants.length; i += 1) if (!(entrants[i - 1].entryId < entrants[i].entryId)) return canonicalEntrants(entrants)
  return entrants
}

/**
 * The digest of the list last digested, with a copy of the fields the canonical text is made of: a draw digests
 * its list, then draws round 0 and later redraws over the same list, and each round checks the digest again.
 * Comparing the fields (plain values, 4 per entrant) is much cheaper than writing and hashing the text, and
 * answers only for a list equal field by field — a changed list is hashed again, so the check stays a check.
 */
let lastDigest: { fields: unknown[]; digest: string } | null = null

function digestOfCanonical(canonical: DrawEntrant[]): string {
  const fields: unknown[] = new Array(canonical.length * 4)
  let plain = true
  canonical.forEach((e, i) => {
    const values = [e?.entryId, e?.maskedName, e?.tickets, e?.nonce]
    for (let k = 0; k < 4; k += 1) {
      const value = values[k]
      if (value !== null && typeof value === 'object') plain = false
      fields[i * 4 + k] = value
    }
  })
  const cached = lastDigest
  if (plain && cached && cached.fields.length === fields.length && cached.fields.every((value, i) => Object.is(value, fields[i]))) return cached.digest
  const digest = sha256.hex(textOfCanonical(canonical))
  lastDigest = plain ? { fields, digest } : null
  return digest
}

/** The canonical text the digest hashes (exported so a sceptic can look at the exact bytes). */
export function canonicalEntrantsText(entrants: DrawEntrant[]): string {
  return textOfCanonical(canonicalEntrants(entrants))
}

/** SHA-256 of the canonical text of the list (sorts a copy, so the order given does not matter). */
export function entrantsDigest(entrants: DrawEntrant[]): string {
  return digestOfCanonical(inCanonicalOrder(entrants))
}

/** round 0: SHA-256(seed ‖ digest); round k ≥ 1: SHA-256(seed ‖ digest ‖ uint32be(k)), all as bytes. */
export function roundRandomness(seedHex: string, digestHex: string, round: number): string {
  const bytes = hexBytes(seedHex, 'lotteryDraw.problem.seedMalformed').concat(hexBytes(digestHex, 'lotteryDraw.problem.digestMalformed'))
  if (!isRound(round)) throw new DomainError('INVALID_INPUT', t('lotteryDraw.error.round'))
  return sha256.hex(round === 0 ? bytes : bytes.concat(uint32be(round)))
}

/**
 * One round of the draw: deterministic, weighted by tickets, without replacement across tiers (tier order as
 * given); with fewer entrants than prizes the tier lists are simply shorter (and later tiers may be empty).
 * Throws an INVALID_INPUT DomainError (Chinese message) for a list `entrantProblems` rejects, bad tiers, or a
 * `digest` that is not `entrantsDigest(entrants)` (the round would not verify).
 */
export function drawRound(input: {
  seed: string
  digest: string
  round: number
  entrants: DrawEntrant[]
  tiers: DrawTier[]
  /** entryIds that already won in earlier rounds */
  exclude?: string[]
}): DrawRound {
  const problems = entrantProblems(input.entrants)
  if (!tiersWellFormed(input.tiers)) problems.push(t('lotteryDraw.problem.tiers', { round: input.round }))
  for (const id of input.exclude ?? []) if (typeof id !== 'string') problems.push(t('lotteryDraw.problem.malformed'))
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems[0])
  const randomness = roundRandomness(input.seed, input.digest, input.round)
  const canonical = inCanonicalOrder(input.entrants)
  // A digest of another list would publish a round no verifier can reproduce: refuse it here, loudly.
  if (digestOfCanonical(canonical) !== input.digest) throw new DomainError('INVALID_INPUT', t('lotteryDraw.problem.digest'))
  return drawCanonical(randomness, input.round, canonical, input.tiers, new Set(input.exclude ?? []))
}

/** Every entryId that won in these rounds (the exclusions of the next redraw). */
export function winnersOf(rounds: DrawRound[]): string[] {
  const ids: string[] = []
  for (const round of rounds) for (const tier of round.winners) ids.push(...tier.entryIds)
  return ids
}

/** A problem a check found: its text key in i18n/lottery-draw.ts and the values to fill in. */
export interface DrawProblem {
  key: keyof typeof LOTTERY_DRAW_STRINGS
  params?: Record<string, string | number>
}

/** What `verifyDraw` answers, with the recomputed values behind it (for `npm run verify-draw` and the page). */
export interface DrawReport extends DrawVerification {
  /** SHA-256 of the published seed (null when there is no well-formed seed) and the digest of the published list. */
  computed: { commitment: string | null; digest: string | null }
  /** Per published round: whether its winners match, and the recomputed winners (null when they cannot be). */
  rounds: Array<{ round: number; ok: boolean; recomputed: DrawRound['winners'] | null }>
  /** The problems as keys (the `problems` texts are their Chinese). */
  problemKeys: DrawProblem[]
}

/** What is wrong with a list, in Chinese (empty when well-formed): ids unique non-empty text, tickets 1..MAX_TICKETS, nonces. */
export function entrantProblems(entrants: DrawEntrant[]): string[] {
  return entrantProblemKeys(entrants).map(text)
}

function entrantProblemKeys(entrants: DrawEntrant[]): DrawProblem[] {
  const problems: DrawProblem[] = []
  const seen = new Set<string>()
  entrants.forEach((entrant, index) => {
    const { entryId, maskedName, tickets, nonce } = entrant ?? ({} as DrawEntrant)
    if (typeof entryId !== 'string' || entryId === '') {
      problems.push({ key: 'lotteryDraw.problem.entryId', params: { index: index + 1 } })
      return
    }
    if (seen.has(entryId)) problems.push({ key: 'lotteryDraw.problem.duplicate', params: { entryId } })
    seen.add(entryId)
    if (typeof maskedName !== 'string') problems.push({ key: 'lotteryDraw.problem.maskedName', params: { entryId } })
    if (!Number.isInteger(tickets) || tickets < 1 || tickets > MAX_TICKETS) {
      problems.push({ key: 'lotteryDraw.problem.tickets', params: { entryId, max: MAX_TICKETS } })
    }
    if (typeof nonce !== 'string' || !ENTRANT_NONCE_PATTERN.test(nonce)) problems.push({ key: 'lotteryDraw.problem.nonce', params: { entryId } })
  })
  return problems
}

/**
 * Recompute everything a published draw claims, as a member's phone does for 「验证开奖」: the commitment,
 * the digest (and that the list is well-formed), and every round's winners (round k excludes the published
 * winners of rounds 0..k−1). Never throws: malformed data is a failed verification with a problem.
 */
export function verifyDraw(draw: PublishedDraw): DrawVerification {
  const { ok, commitment, digest, winners, problems } = explainDraw(draw)
  return { ok, commitment, digest, winners, problems }
}

/** Whether a parsed JSON value has the structure of a PublishedDraw (arrays and strings where they belong). */
export function isPublishedDrawShape(value: unknown): value is PublishedDraw {
  if (!value || typeof value !== 'object') return false
  const d = value as Record<string, unknown>
  if (typeof d.commitment !== 'string' || typeof d.digest !== 'string') return false
  if (d.seed !== null && typeof d.seed !== 'string') return false
  if (!Array.isArray(d.entrants) || !Array.isArray(d.rounds)) return false
  if (!d.entrants.every((e) => e !== null && typeof e === 'object' && typeof (e as DrawEntrant).entryId === 'string')) return false
  return d.rounds.every((r) => r !== null && typeof r === 'object' && Array.isArray((r as DrawRound).winners))
}

/** `verifyDraw` with the recomputed values and per-round results (what `npm run verify-draw` prints). */
export function explainDraw(draw: PublishedDraw): DrawReport {
  if (!isPublishedDrawShape(draw)) {
    const problemKeys: DrawProblem[] = [{ key: 'lotteryDraw.problem.malformed' }]
    return {
      ok: false, commitment: false, digest: false, winners: false, problems: problemKeys.map(text),
      computed: { commitment: null, digest: null }, rounds: [], problemKeys,
    }
  }
  const problems: DrawProblem[] = []
  if (draw.version !== 1) problems.push({ key: 'lotteryDraw.problem.version' })

  // Commitment
  const seed = typeof draw.seed === 'string' && HASH_HEX_PATTERN.test(draw.seed) ? draw.seed : null
  if (draw.seed === null) problems.push({ key: 'lotteryDraw.problem.seedMissing' })
  else if (seed === null) problems.push({ key: 'lotteryDraw.problem.seedMalformed' })
  const computedCommitment = seed === null ? null : newSeedCommitment(seed)
  const commitment = computedCommitment !== null && computedCommitment === draw.commitment
  if (!HASH_HEX_PATTERN.test(draw.commitment)) problems.push({ key: 'lotteryDraw.problem.commitmentMalformed' })
  else if (computedCommitment !== null && !commitment) problems.push({ key: 'lotteryDraw.problem.commitment' })

  // Digest: the canonical list is sorted and hashed once; every round reuses both
  const listProblems = entrantProblemKeys(draw.entrants)
  problems.push(...listProblems)
  const canonical = canonicalEntrants(draw.entrants)
  const computedDigest = sha256.hex(textOfCanonical(canonical))
  if (computedDigest !== draw.digest) {
    problems.push({ key: HASH_HEX_PATTERN.test(draw.digest) ? 'lotteryDraw.problem.digest' : 'lotteryDraw.problem.digestMalformed' })
  }
  const digest = computedDigest === draw.digest && listProblems.length === 0

  // Winners, round by round (exclusions: the published winners of the rounds before)
  const rounds: DrawReport['rounds'] = []
  const canRecompute = seed !== null && listProblems.length === 0
  if (draw.rounds.length === 0) problems.push({ key: 'lotteryDraw.problem.noRounds' })
  else if (!canRecompute) problems.push({ key: 'lotteryDraw.problem.cannotRecompute' })
  const exclude = new Set<string>()
  draw.rounds.forEach((round, index) => {
    let recomputed: DrawRound['winners'] | null = null
    if (round.round !== index) problems.push({ key: 'lotteryDraw.problem.roundNumber', params: { index } })
    else if (!tiersWellFormed(round.tiers)) problems.push({ key: 'lotteryDraw.problem.tiers', params: { round: index } })
    else if (canRecompute) {
      recomputed = drawCanonical(roundRandomness(seed as string, computedDigest, index), index, canonical, round.tiers, exclude).winners
      if (!sameWinners(recomputed, round.winners)) problems.push({ key: 'lotteryDraw.problem.winners', params: { round: index } })
    }
    rounds.push({ round: index, ok: recomputed !== null && sameWinners(recomputed, round.winners), recomputed })
    for (const tier of round.winners) {
      if (tier && Array.isArray(tier.entryIds)) for (const id of tier.entryIds) exclude.add(id)
    }
  })
  const winners = rounds.length > 0 && rounds.every((r) => r.ok)

  return {
    ok: commitment && digest && winners && problems.length === 0,
    commitment,
    digest,
    winners,
    problems: problems.map(text),
    computed: { commitment: computedCommitment, digest: computedDigest },
    rounds,
    problemKeys: problems,
  }
}

/**
 * A problem's text, from the draw's own texts: `t(problem.key)` (a key the app's build cannot write out) would
 * bring every text of the app into the lottery pages' bundle (babel.config.js, inlineTexts).
 */
function text(problem: DrawProblem): string {
  return fillText(LOTTERY_DRAW_STRINGS[problem.key].zh, problem.params)
}

// ————— the stream and the selection —————

/** The 48-bit integers of one round's randomness: block j = SHA-256(R ‖ uint32be(j)), five slices per block. */
export class DrawStream {
  private readonly seedBytes: number[]
  private block: number[] = []
  private offset = 30
  private counter = 0

  constructor(randomnessHex: string) {
    this.seedBytes = hexBytes(randomnessHex, 'lotteryDraw.error.randomness')
  }

  /** The next 48-bit big-endian integer (exact: below 2^53). */
  next48(): number {
    if (this.offset >= 30) {
      this.block = sha256.array(this.seedBytes.concat(uint32be(this.counter)))
      this.counter += 1
      this.offset = 0
    }
    const b = this.block
    const o = this.offset
    this.offset += 6
    const high = (b[o] << 16) | (b[o + 1] << 8) | b[o + 2]
    const low = (b[o + 3] << 16) | (b[o + 4] << 8) | b[o + 5]
    return high * TWO_24 + low
  }

  /** A uniform integer in [0, n), 1 ≤ n ≤ 2^48, by rejection sampling (no modulo bias). */
  uniform(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_48) throw new DomainError('INVALID_INPUT', t('lotteryDraw.error.tooManyTickets'))
    const limit = TWO_48 - (TWO_48 % n)
    for (;;) {
      const x = this.next48()
      if (x < limit) return x % n
    }
  }
}

/** Prefix sums of tickets over the canonical order (a Fenwick tree): find the owner of number u, remove an entrant. */
class TicketLine {
  private readonly tree: number[]
  private readonly weights: number[]
  private readonly top: number
  total = 0

  constructor(weights: number[]) {
    const n = weights.length
    this.weights = weights.slice()
    this.tree = new Array<number>(n + 1).fill(0)
    for (let i = 1; i <= n; i += 1) {
      this.tree[i] += this.weights[i - 1]
      this.total += this.weights[i - 1]
      const parent = i + (i & -i)
      if (parent <= n) this.tree[parent] += this.tree[i]
    }
    let top = 1
    while (top * 2 <= n) top *= 2
    this.top = n === 0 ? 0 : top
  }

  /** The index whose numbers contain u (0 ≤ u < total): the smallest i with weights[0..i] summing past u. */
  owner(u: number): number {
    let position = 0
    let rest = u
    for (let step = this.top; step > 0; step = step >> 1) {
      const next = position + step
      if (next < this.tree.length && this.tree[next] <= rest) {
        position = next
        rest -= this.tree[next]
      }
    }
    return position
  }

  remove(index: number): void {
    const weight = this.weights[index]
    this.weights[index] = 0
    this.total -= weight
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] -= weight
  }
}

function drawCanonical(randomness: string, round: number, canonical: DrawEntrant[], tiers: DrawTier[], exclude: Set<string>): DrawRound {
  const stream = new DrawStream(randomness)
  const line = new TicketLine(canonical.map((e) => (exclude.has(e.entryId) ? 0 : e.tickets)))
  const winners = tiers.map((tier) => {
    const entryIds: string[] = []
    for (let prize = 0; prize < tier.quantity && line.total > 0; prize += 1) {
      const index = line.owner(stream.uniform(line.total))
      entryIds.push(canonical[index].entryId)
      line.remove(index)
    }
    return { tierId: tier.tierId, entryIds }
  })
  return { round, tiers: tiers.map((tier) => ({ tierId: tier.tierId, name: tier.name, quantity: tier.quantity })), winners }
}

// ————— helpers —————

function textOfCanonical(canonical: DrawEntrant[]): string {
  const lines = [ENTRANTS_FORMAT_LINE]
  for (const e of canonical) lines.push(JSON.stringify([wellFormed(e.entryId), wellFormed(e.maskedName), e.tickets, wellFormed(e.nonce)]))
  return lines.join('\n') + '\n'
}

function byEntryId(a: DrawEntrant, b: DrawEntrant): number {
  return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0
}

/** Lone surrogates → U+FFFD (what every UTF-8 encoder agrees on); without lookbehind, which old engines lack. */
function wellFormed(value: unknown): unknown {
  if (typeof value !== 'string') return value
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (unit) => (unit.length === 2 ? unit : '\ufffd'))
}

function hexBytes(hex: string, problem: 'lotteryDraw.problem.seedMalformed' | 'lotteryDraw.problem.digestMalformed' | 'lotteryDraw.error.randomness'): number[] {
  if (typeof hex !== 'string' || !HASH_HEX_PATTERN.test(hex)) throw new DomainError('INVALID_INPUT', text({ key: problem }))
  const bytes: number[] = []
  for (let i = 0; i < 64; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16))
  return bytes
}

function uint32be(value: number): number[] {
  return [Math.floor(value / TWO_24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

function isRound(round: unknown): round is number {
  return typeof round === 'number' && Number.isInteger(round) && round >= 0 && round <= MAX_ROUND
}

function tiersWellFormed(tiers: unknown): tiers is DrawTier[] {
  if (!Array.isArray(tiers)) return false
  const ids = new Set<string>()
  for (const tier of tiers as DrawTier[]) {
    if (!tier || typeof tier.tierId !== 'string' || typeof tier.name !== 'string') return false
    if (!Number.isSafeInteger(tier.quantity) || tier.quantity < 0) return false
    if (ids.has(tier.tierId)) return false
    ids.add(tier.tierId)
  }
  return true
}

function sameWinners(a: DrawRound['winners'], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false
  return a.every((tier, i) => {
    const other = b[i] as { tierId?: unknown; entryIds?: unknown }
    if (!other || other.tierId !== tier.tierId || !Array.isArray(other.entryIds)) return false
    return other.entryIds.length === tier.entryIds.length && tier.entryIds.every((id, j) => (other.entryIds as unknown[])[j] === id)
  })
}
