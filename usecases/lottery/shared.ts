/**
 * What the lottery use cases share: loading a lottery with the caller's membership (who may see or do what),
 * the views, reading the frozen entrant list in pages by id, and idempotent inbox fan-out.
 *
 * @example
 *   const { lottery, member } = await loadLottery(ctx, lotteryId, MANAGERS)
 *   const entries = await readAllEntries(ctx.store, lotteryId, lottery.frozenCount)   // ⌈N/1000⌉ reads
 */
import { createHash } from 'node:crypto'
import {
  LOTTERY_PAGE_PATH,
  type ClaimStatus,
  type LotteryView,
  type MyLotteryEntry,
  type MyWin,
  type TierWinners,
} from '../../contracts/lottery'
import { dayKeyAt, dayRuleOf, formatLocal, type DayRule } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { canManageGroup, memberId, type GroupDoc, type MemberDoc, type Role } from '../../domain/group'
import type { InboxMessageDoc } from '../../domain/inbox'
import {
  acceptsEntries,
  countsCheckins,
  eligibility,
  lotteryEntryDocId,
  phaseOf,
  ticketsFor,
  unclaimedTiers,
  winStatusAt,
  type LotteryDoc,
  type LotteryEntryDoc,
  type LotteryWinDoc,
} from '../../domain/lottery'
import type { DrawEntrant } from '../../domain/lottery-draw'
import { t } from '../../i18n/strings'
import { MAX_BULK_FIND_LIMIT, type Filter, type Store } from '../../store/port'
import { requireOpenid, type UseCaseContext } from '../context'
import { rememberDayRule } from '../group-cache'
import type { Notifier } from '../ports/wechat'
import type { RandomSource } from '../ports/random'
import type { PhotoStorage } from '../photos'
import { photoLinksFor } from '../photos'

/** What the lottery use cases need of the platform. */
export interface LotteryServices {
  /** The CSPRNG: seeds and published entry ids. */
  random: RandomSource
  /** Winner messages (subscribe template `lotteryWon`), where configured. */
  notifier: Pick<Notifier, 'notify'>
  /** Links to prize pictures (registered photos). */
  storage: Pick<PhotoStorage, 'photoLinks'>
}

export interface LoadedLottery {
  lottery: LotteryDoc
  member: MemberDoc
  openid: string
}

/**
 * The lottery and the caller's membership of its group, with one of `roles`: NOT_FOUND for no such lottery,
 * FORBIDDEN for anyone not in the group with such a role (a stranger is UNAUTHENTICATED first).
 */
export async function loadLottery(ctx: UseCaseContext, lotteryId: string, roles: readonly Role[]): Promise<LoadedLottery> {
  const openid = requireOpenid(ctx)
  const lottery = await ctx.store.get('lotteries', lotteryId)
  if (!lottery) throw new DomainError('NOT_FOUND', t('lottery.error.notFound'))
  const member = await ctx.store.get('members', memberId(lottery.groupId, openid))
  if (!member || !roles.includes(member.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
  return { lottery, member, openid }
}

export async function readGroup(ctx: UseCaseContext, groupId: string): Promise<GroupDoc> {
  const group = await ctx.store.get('groups', groupId)
  if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
  rememberDayRule(ctx.store, group)
  return group
}

/**
 * Every entry of a lottery, ordered by `_id`, in bulk pages (1000 a read), paging on from the last id read
 * until `expected` entries are in hand or a page comes back empty (never trusting a short page for the end:
 * see `FindOptions.bulk`). `expected` null: until a page is short.
 */
export async function readAllEntries(store: Store, lotteryId: string, expected: number | null): Promise<LotteryEntryDoc[]> {
  const entries: LotteryEntryDoc[] = []
  let last: string | null = null
  for (;;) {
    const where: Filter<LotteryEntryDoc> =
      last === null ? { lotteryId } : { lotteryId, _id: { gt: last } }
    const page: LotteryEntryDoc[] = await store.find('lotteryEntries', { where, orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_BULK_FIND_LIMIT, bulk: true })
    entries.push(...page)
    if (page.length === 0) break
    if (expected !== null ? entries.length >= expected : page.length < MAX_BULK_FIND_LIMIT) break
    last = page[page.length - 1]._id
  }
  return entries
}

/** A lottery's wins, every round (at most MAX_TOTAL_PRIZES per round: one bulk read for any real lottery). */
export async function readWins(store: Store, lotteryId: string): Promise<LotteryWinDoc[]> {
  const wins: LotteryWinDoc[] = []
  let last: string | null = null
  for (;;) {
    const page: LotteryWinDoc[] = await store.find('lotteryWins', {
      where: last === null ? { lotteryId } : { lotteryId, _id: { gt: last } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_BULK_FIND_LIMIT,
      bulk: true,
    })
    wins.push(...page)
    if (page.length < MAX_BULK_FIND_LIMIT) break
    last = page[page.length - 1]._id
  }
  return wins
}

export function toDrawEntrant(entry: LotteryEntryDoc): DrawEntrant {
  return { entryId: entry.entryId, maskedName: entry.maskedName, tickets: entry.tickets, nonce: entry.nonce }
}

/** Check-ins of `openid` in the lottery's period (one count), or null when the rule counts none. */
export async function checkinsInPeriod(store: Store, lottery: LotteryDoc, openid: string): Promise<number | null> {
  if (!countsCheckins(lottery) || !lottery.eligibility.period) return null
  const { from, to } = lottery.eligibility.period
  return store.count('checkins', { groupId: lottery.groupId, openid, day: { gte: from, lte: to } })
}

/** Why the member may not enter (null: may), with the code and the missing check-ins. */
export function entryRefusal(
  lottery: LotteryDoc,
  member: MemberDoc | null,
  checkins: number | null,
  rule: DayRule,
  now: Date,
): { code: NonNullable<MyLotteryEntry['ineligibleCode']>; reason: string; missing: number } | null {
  const phase = phaseOf(lottery, now)
  if (phase === 'upcoming') return { code: 'notOpen', reason: t('lottery.ineligible.notOpen', { time: formatLocal(lottery.opensAt, rule.timezone) }), missing: 0 }
  if (!acceptsEntries(lottery, now)) return { code: 'closed', reason: phase === 'cancelled' ? t('lottery.error.cancelled') : t('lottery.ineligible.closed'), missing: 0 }
  if (!member) return { code: 'notMember', reason: t('lottery.error.notMember'), missing: 0 }
  const verdict = eligibility(lottery.eligibility, { joinedDay: dayKeyAt(new Date(member.joinedAt), rule.timezone, 0), checkins: checkins ?? 0 })
  if (verdict.eligible) return null
  if (verdict.code === 'joinedAfter') return { code: 'joinedAfter', reason: t('lottery.error.joinedAfter', { day: lottery.eligibility.joinedBefore ?? '' }), missing: 0 }
  const period = lottery.eligibility.period
  return {
    code: 'checkins',
    reason: t('lottery.error.missingCheckins', { count: verdict.missing, from: period?.from ?? '', to: period?.to ?? '', min: lottery.eligibility.minCheckins }),
    missing: verdict.missing,
  }
}

export function myEntryView(
  lottery: LotteryDoc,
  entry: LotteryEntryDoc | null,
  member: MemberDoc | null,
  checkins: number | null,
  rule: DayRule,
  now: Date,
): MyLotteryEntry {
  if (entry) {
    return { entered: true, entryId: entry.entryId, enteredAt: entry.enteredAt, tickets: entry.tickets, checkins, canEnter: false, ineligibleReason: null, ineligibleCode: null, missingCheckins: 0 }
  }
  const refusal = entryRefusal(lottery, member, checkins, rule, now)
  return {
    entered: false,
    entryId: null,
    enteredAt: null,
    tickets: ticketsFor(checkins ?? 0, lottery.weighting),
    checkins,
    canEnter: refusal === null,
    ineligibleReason: refusal?.reason ?? null,
    ineligibleCode: refusal?.code ?? null,
    missingCheckins: refusal?.missing ?? 0,
  }
}

export function myWinView(lottery: LotteryDoc, win: LotteryWinDoc, now: Date): MyWin {
  const tier = lottery.prizes.find((prize) => prize.tierId === win.tierId)
  return {
    tierId: win.tierId,
    tierName: tier?.name ?? win.tierName,
    round: win.round,
    status: winStatusAt(win, now),
    claimDeadline: win.claimDeadline,
    claimedAt: win.claimedAt,
    needsAddress: lottery.needsAddress,
  }
}

function tierWinners(lottery: LotteryDoc, wins: LotteryWinDoc[], openid: string, now: Date): TierWinners[] {
  const byEntry = new Map(wins.map((win) => [win.entryId, win]))
  return lottery.prizes.map((tier) => ({
    tierId: tier.tierId,
    name: tier.name,
    quantity: tier.quantity,
    winners: lottery.rounds.flatMap((round) =>
      round.winners
        .filter((list) => list.tierId === tier.tierId)
        .flatMap((list) =>
          list.entryIds.map((entryId) => {
            const win = byEntry.get(entryId)
            const claimStatus: ClaimStatus = win ? winStatusAt(win, now) : 'pending'
            return { entryId, maskedName: lottery.winnerNames[entryId] ?? '*', round: round.round, claimStatus, isMe: win?.openid === openid }
          }),
        ),
    ),
  }))
}

/** The countdown target: the window opening, entries closing or the draw; null when nothing is ahead. */
function countdownOf(lottery: LotteryDoc, now: Date): LotteryView['countdown'] {
  const phase = phaseOf(lottery, now)
  if (phase === 'upcoming') return { kind: 'opens', at: lottery.opensAt }
  if (phase === 'open') return { kind: 'closes', at: lottery.closesAt }
  if (phase === 'closed' && lottery.drawRule.kind === 'time') return { kind: 'draw', at: lottery.drawRule.drawAt }
  return null
}

export interface ViewInputs {
  group: GroupDoc
  member: MemberDoc
  openid: string
  entry: LotteryEntryDoc | null
  checkins: number | null
  entrantCount: number
  wins: LotteryWinDoc[]
  now: Date
  imageLinks: Record<string, string>
}

export function lotteryView(lottery: LotteryDoc, inputs: ViewInputs): LotteryView {
  const { group, member, openid, entry, checkins, entrantCount, wins, now } = inputs
  const rule = dayRuleOf(group)
  const isAdmin = canManageGroup(member.role)
  const phase = phaseOf(lottery, now)
  const myWinDoc = entry ? wins.find((win) => win.entryId === entry.entryId) ?? null : null
  const drawn = lottery.status === 'drawn' || lottery.status === 'settled'
  const totalPrizes = lottery.prizes.reduce((sum, tier) => sum + tier.quantity, 0)
  const unclaimed = drawn && lottery.status === 'drawn' ? unclaimedTiers(lottery.prizes, wins, now).reduce((sum, tier) => sum + tier.quantity, 0) : 0
  return {
    id: lottery._id,
    groupId: lottery.groupId,
    groupName: group.name,
    timezone: rule.timezone,
    title: lottery.title,
    description: lottery.description,
    phase,
    window: { opensAt: lottery.opensAt, closesAt: lottery.closesAt },
    drawRule: lottery.drawRule,
    eligibility: lottery.eligibility,
    weighting: lottery.weighting,
    prizes: lottery.prizes.map((tier) => ({ tierId: tier.tierId, name: tier.name, quantity: tier.quantity, imageUrl: tier.imageId ? inputs.imageLinks[tier.imageId] ?? null : null })),
    needsAddress: lottery.needsAddress,
    claimDays: lottery.claimDays,
    commitment: lottery.commitment,
    seed: drawn ? lottery.seed : null,
    digest: drawn ? lottery.digest : null,
    entrantCount,
    countdown: countdownOf(lottery, now),
    myEntry: myEntryView(lottery, entry, member, checkins, rule, now),
    winners: drawn ? tierWinners(lottery, wins, openid, now) : [],
    fewerEntrantsThanPrizes: drawn && (lottery.frozenCount ?? 0) < totalPrizes,
    myWin: myWinDoc ? myWinView(lottery, myWinDoc, now) : null,
    claimDeadline: drawn ? lottery.claimDeadline : null,
    redraws: Math.max(0, lottery.rounds.length - 1),
    unclaimedCount: isAdmin ? unclaimed : 0,
    cancelReason: lottery.cancelReason,
    cancelledAt: lottery.cancelledAt,
    drawnAt: lottery.drawnAt,
    settledAt: lottery.settledAt,
    createdAt: lottery.createdAt,
    createdByName: lottery.createdByName,
    viewerRole: member.role,
    isAdmin,
    canCancel: isAdmin && lottery.status === 'open',
    canDraw: isAdmin && lottery.status === 'open' && phase !== 'upcoming',
    canRedraw: isAdmin && lottery.status === 'drawn' && unclaimed > 0 && (lottery.frozenCount ?? 0) > lottery.rounds.reduce((sum, round) => sum + round.winners.reduce((n, list) => n + list.entryIds.length, 0), 0),
  }
}

/** Read what a view needs (the caller's entry, check-ins while it matters, the live count, the wins) and build it. */
export async function buildLotteryView(ctx: UseCaseContext, loaded: LoadedLottery, services: Pick<LotteryServices, 'storage'>, known: { group?: GroupDoc; entry?: LotteryEntryDoc | null } = {}): Promise<LotteryView> {
  const { lottery, member, openid } = loaded
  const now = ctx.now()
  const group = known.group ?? (await readGroup(ctx, lottery.groupId))
  const entry = known.entry !== undefined ? known.entry : await ctx.store.get('lotteryEntries', lotteryEntryDocId(lottery._id, openid))
  const checkins = !entry && acceptsEntries(lottery, now) ? await checkinsInPeriod(ctx.store, lottery, openid) : null
  const drawn = lottery.status === 'drawn' || lottery.status === 'settled'
  const entrantCount = drawn ? lottery.frozenCount ?? 0 : await ctx.store.count('lotteryEntries', { lotteryId: lottery._id })
  const wins = drawn ? await readWins(ctx.store, lottery._id) : []
  const imageLinks = await photoLinksFor(services.storage as PhotoStorage, lottery.prizes.map((tier) => tier.imageId), now)
  return lotteryView(lottery, { group, member, openid, entry, checkins, entrantCount, wins, now, imageLinks })
}

/** The inbox link of a lottery. */
export function lotteryLink(lotteryId: string): string {
  return `/${LOTTERY_PAGE_PATH}?id=${lotteryId}`
}

/** The subscribe message's page of a lottery. */
export function lotteryWechatPage(lotteryId: string): string {
  return `${LOTTERY_PAGE_PATH}?id=${lotteryId}`
}

/** A deterministic inbox id per (kind, lottery, person): a fan-out run twice writes each message once. */
export function lotteryInboxId(kind: string, lotteryId: string, openid: string): string {
  return `inbox_lot_${createHash('sha256').update(`${kind}:${lotteryId}:${openid}`).digest('hex').slice(0, 40)}`
}

export function lotteryInboxMessage(input: { kind: string; lotteryId: string; groupId: string; openid: string; title: string; body: string; at: Date }): InboxMessageDoc {
  return {
    _id: lotteryInboxId(input.kind, input.lotteryId, input.openid),
    openid: input.openid,
    groupId: input.groupId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: lotteryLink(input.lotteryId),
    createdAt: input.at.toISOString(),
    readAt: null,
  }
}

/** How many inbox writes run at once in a fan-out (each is one operation; the total is one per recipient). */
const FAN_OUT_CONCURRENCY = 20

/** Write one inbox message per recipient, by deterministic id (`set`: a re-run rewrites the same documents, never duplicates). */
export async function fanOutInbox(store: Store, messages: InboxMessageDoc[]): Promise<void> {
  for (let i = 0; i < messages.length; i += FAN_OUT_CONCURRENCY) {
    await Promise.all(messages.slice(i, i + FAN_OUT_CONCURRENCY).map((message) => store.set('inboxMessages', message)))
  }
}
