/**
 * Lotteries (抽奖) as stored, and the rules that need no I/O: eligibility, tickets, the status machine,
 * name masking, where each document lives. The draw itself (commit–reveal, weighted selection) is
 * `domain/lottery-draw.ts`.
 *
 * Documents:
 * - `lotteries/<id>`: what everyone may see (title, prizes, window, rule, commitment; after the draw the
 *   revealed seed, the digest, the rounds and the winners' masked names). Status machine below.
 * - `lotterySecrets/<id>`: the 32-byte seed until the draw. No client rule reads it, no action returns it
 *   before the draw (the draw copies it onto the lottery).
 * - `lotteryShards/<id>:<k>`, k < ENTRY_SHARDS: the entry gate. An entry transaction reads and writes its
 *   shard (open? count + 1); closing writes every shard (open = false) in one transaction. CloudBase aborts
 *   one of two transactions that write the same document, so an entry racing the close either committed
 *   before it (and is read by the draw) or is re-run, finds its shard shut and is refused — never lost in
 *   between. K shards instead of one counter: entrants at once conflict only within their shard.
 * - `lotteryEntries/<lotteryId>:<openid>`: one per member (the store refuses a second `_id`). The published
 *   `entryId` is random (`e_` + 16 hex), never the OPENID.
 * - `lotteryWins/<lotteryId>:<entryId>`: one per winner (an entrant wins at most once per lottery), the
 *   claim and the contact details (purged when settled).
 *
 * Status machine (stored `status`):
 *   open ──close (draw starts: time/count rule, timer, admin tap)──▶ drawing ──result──▶ drawn ──settle──▶ settled
 *   open ──cancel (admin, reason)──▶ cancelled
 * and views add `upcoming` (open, before `opensAt`) and `closed` (open, past `closesAt`, not drawn yet).
 *
 * @example
 *   ticketsFor(7, { maxTickets: 5 })            // 5
 *   eligibility({ minCheckins: 5, … }, …)       // { eligible: false, code: 'checkins', missing: 2 }
 *   maskName('张三')                             // '张*'
 */
import type { DrawRound } from './lottery-draw'

/** Entry gate shards per lottery (see above): a close writes all of them, an entry one. */
export const ENTRY_SHARDS = 8
/** Once drawn, a lottery settles itself (contact details purged) this many days after its last claim deadline. */
export const AUTO_SETTLE_DAYS = 30
/** The latest a scheduled draw may be after entries close. */
export const MAX_DRAW_DELAY_DAYS = 30
/** A draw that started (`drawing`) and did not finish within this is finished by the timer. */
export const STALLED_DRAW_MS = 60_000

export type LotteryStatus = 'open' | 'drawing' | 'drawn' | 'settled' | 'cancelled'

export type LotteryDrawRule = { kind: 'time'; drawAt: string } | { kind: 'count'; count: number } | { kind: 'manual' }

export interface LotteryEligibility {
  minCheckins: number
  period: { from: string; to: string } | null
  joinedBefore: string | null
}

export interface LotteryPrizeTier {
  tierId: string
  name: string
  quantity: number
  /** The prize picture's photo id (a registered upload of the creator), or null. */
  imageId: string | null
}

export interface LotteryDoc {
  /** `lot_` + 24 hex of (group, creator, client request id): a retried create finds it. */
  _id: string
  groupId: string
  title: string
  description: string
  prizes: LotteryPrizeTier[]
  opensAt: string
  closesAt: string
  drawRule: LotteryDrawRule
  eligibility: LotteryEligibility
  weighting: { maxTickets: number } | null
  needsAddress: boolean
  claimDays: number
  status: LotteryStatus
  /** SHA-256 of the seed (hex), public from creation. */
  commitment: string
  /**
   * When the timer must look at it next (ISO), or null: the draw time (time rule), the window's end (count
   * rule), the stall deadline while drawing, the claim deadline and then the auto-settle time once drawn.
   */
  dueAt: string | null
  createdAt: string
  createdBy: string
  createdByName: string
  /** The pinned announcement and the inbox fan-out are done (a retried create finishes them otherwise). */
  announcedAt: string | null
  announcementId: string
  cancelReason: string | null
  cancelledAt: string | null
  drawStartedAt: string | null
  /** The frozen number of entries (sum of the shards at the close). */
  frozenCount: number | null
  drawnAt: string | null
  seed: string | null
  digest: string | null
  rounds: DrawRound[]
  /** Masked names of the winners, by entry id (so a view needs no entry reads). */
  winnerNames: Record<string, string>
  /** Claim deadline of the latest round. */
  claimDeadline: string | null
  settledAt: string | null
}

export interface LotterySecretDoc {
  _id: string
  lotteryId: string
  seed: string
  createdAt: string
}

export interface LotteryShardDoc {
  _id: string
  lotteryId: string
  open: boolean
  count: number
}

export interface LotteryEntryDoc {
  /** `lotteryEntryDocId(lotteryId, openid)`. */
  _id: string
  lotteryId: string
  groupId: string
  openid: string
  memberKey: string
  /** Published, opaque: `e_` + 16 hex. */
  entryId: string
  /** The full group nickname (admins only) and its mask (published). */
  name: string
  maskedName: string
  tickets: number
  /** The device nonce (16 bytes hex). */
  nonce: string
  shard: number
  enteredAt: string
}

export type WinStatus = 'pending' | 'claimed' | 'unclaimed'

export interface ClaimContactDoc {
  name: string
  phone: string
  address: string
  note: string
}

export interface LotteryWinDoc {
  /** `lotteryWinId(lotteryId, entryId)`. */
  _id: string
  lotteryId: string
  groupId: string
  openid: string
  memberKey: string
  entryId: string
  name: string
  maskedName: string
  tierId: string
  tierName: string
  round: number
  status: WinStatus
  claimDeadline: string
  claimedAt: string | null
  /** Admins only; null until claimed and after settling. */
  contact: ClaimContactDoc | null
  /** Unclaimed and given to someone else in this round (a redraw), or null. */
  redrawnInRound: number | null
}

export function lotteryEntryDocId(lotteryId: string, openid: string): string {
  return `${lotteryId}:${openid}`
}

export function lotteryShardId(lotteryId: string, shard: number): string {
  return `${lotteryId}:${shard}`
}

export function lotteryWinId(lotteryId: string, entryId: string): string {
  return `${lotteryId}:${entryId}`
}

/** Which shard an entrant's entry goes through: a stable spread of the OPENID over the shards. */
export function shardOf(openid: string, shards = ENTRY_SHARDS): number {
  let hash = 0
  for (let i = 0; i < openid.length; i++) hash = (hash * 31 + openid.charCodeAt(i)) % 1_000_003
  return hash % shards
}

/** Tickets for `checkins` in the period: 1 without weighting, else 1..maxTickets. */
export function ticketsFor(checkins: number, weighting: LotteryDoc['weighting']): number {
  if (!weighting) return 1
  return Math.max(1, Math.min(weighting.maxTickets, checkins))
}

/** Whether the check-ins in the period must be counted for this lottery. */
export function countsCheckins(lottery: Pick<LotteryDoc, 'eligibility' | 'weighting'>): boolean {
  return lottery.eligibility.period !== null && (lottery.eligibility.minCheckins > 0 || lottery.weighting !== null)
}

export type EligibilityVerdict =
  | { eligible: true }
  | { eligible: false; code: 'checkins'; missing: number }
  | { eligible: false; code: 'joinedAfter' }

/**
 * Whether a member meets the rule: joined before the day (group-local, exclusive) and enough check-ins in
 * the period. `joinedDay` is the group-local day the member joined.
 */
export function eligibility(rule: LotteryEligibility, member: { joinedDay: string; checkins: number }): EligibilityVerdict {
  if (rule.joinedBefore !== null && !(member.joinedDay < rule.joinedBefore)) return { eligible: false, code: 'joinedAfter' }
  if (rule.minCheckins > 0 && member.checkins < rule.minCheckins) return { eligible: false, code: 'checkins', missing: rule.minCheckins - member.checkins }
  return { eligible: true }
}

export type LotteryPhaseName = 'upcoming' | 'open' | 'closed' | 'drawing' | 'drawn' | 'settled' | 'cancelled'

/** Where a lottery is at `now`, as a view says it. */
export function phaseOf(lottery: Pick<LotteryDoc, 'status' | 'opensAt' | 'closesAt'>, now: Date): LotteryPhaseName {
  if (lottery.status !== 'open') return lottery.status
  const at = now.toISOString()
  if (at < lottery.opensAt) return 'upcoming'
  if (at >= lottery.closesAt) return 'closed'
  return 'open'
}

/** Whether an entry may be taken at `now` (the shard gate decides the race with the close). */
export function acceptsEntries(lottery: Pick<LotteryDoc, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return phaseOf(lottery, now) === 'open'
}

/** When the timer should draw an open lottery: at the draw time (time rule) or at the window's end (count rule); never for manual. */
export function scheduledDrawAt(lottery: Pick<LotteryDoc, 'drawRule' | 'closesAt'>): string | null {
  if (lottery.drawRule.kind === 'time') return lottery.drawRule.drawAt
  if (lottery.drawRule.kind === 'count') return lottery.closesAt
  return null
}

/** The claim status at `now`: a pending win past its deadline is unclaimed (the timer also marks it). */
export function winStatusAt(win: Pick<LotteryWinDoc, 'status' | 'claimDeadline'>, now: Date): WinStatus {
  if (win.status === 'pending' && now.toISOString() >= win.claimDeadline) return 'unclaimed'
  return win.status
}

/**
 * The published form of a name: its first character, the rest masked (at least one, at most three `*`),
 * so 「张三」 → 「张*」, 「欧阳娜娜」 → 「欧***」. Characters outside the BMP count as one.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim())
  if (characters.length === 0) return '*'
  return characters[0] + '*'.repeat(Math.min(3, Math.max(1, characters.length - 1)))
}

/** The tiers of prizes unclaimed and not yet redrawn, in tier order, as a redraw round takes them. */
export function unclaimedTiers(
  prizes: Array<Pick<LotteryPrizeTier, 'tierId' | 'name'>>,
  wins: Array<Pick<LotteryWinDoc, 'tierId' | 'status' | 'claimDeadline' | 'redrawnInRound'>>,
  now: Date,
): Array<{ tierId: string; name: string; quantity: number }> {
  return prizes
    .map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      quantity: wins.filter((win) => win.tierId === tier.tierId && win.redrawnInRound === null && winStatusAt(win, now) === 'unclaimed').length,
    }))
    .filter((tier) => tier.quantity > 0)
}

/** ISO instant `days` days after `at`. */
export function addDays(at: Date | string, days: number): string {
  return new Date(new Date(at).getTime() + days * 24 * 60 * 60 * 1000).toISOString()
}
