/**
 * The draw, exactly once, in three steps CloudBase can do (its transactions address documents by id and cannot
 * query):
 * 1. close — one transaction: the lottery `open → drawing`, every entry gate shard shut, the frozen count
 *    (the shards' sum) written. Run again, it finds `drawing` (or later) and does nothing.
 * 2. read — outside any transaction: the secret seed, and the frozen entries in pages of 1000 ordered by
 *    `_id` (nothing can change them any more), until the frozen count is in hand.
 * 3. result — one transaction: only if the lottery is still `drawing`, write the revealed seed, the digest,
 *    round 0 and the winners' masked names, one win record and one inbox message per winner. Run again (a
 *    timer racing an admin's tap, 200 taps at once) it finds `drawn` and writes nothing; whoever computed it
 *    computed the same result, because the result is a pure function of the seed and the frozen list.
 * Only the run whose result transaction committed sends the winners' subscribe messages.
 * A run that dies between the steps leaves `drawing` with `dueAt` a minute ahead: the timer finishes it.
 *
 * Redraw (round k ≥ 1, an admin): prizes unclaimed by their deadline go to entrants who have not won, with
 * the same seed and list (`drawRound` with `round: k` and the earlier winners excluded) — a documented
 * continuation anyone can verify, not a new secret.
 *
 * Cost on CloudBase of a draw over N entrants with W winners: 1 read (lottery) + the close (1 + K reads,
 * K + 1 writes; K = ENTRY_SHARDS) + 1 read (seed) + ⌈N/1000⌉ reads + the result (1 read, 1 + 2W writes):
 * ⌈N/1000⌉ + 2W + 2K + 6.
 *
 * @example
 *   await drawLottery(ctx, services, { lotteryId })   // the admin's 「立即开奖」
 *   await runDraw(ctx, services, lotteryId)            // the timer
 */
import type { LotteryView } from '../../contracts/lottery'
import { formatLocal, dayRuleOf } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import {
  ENTRY_SHARDS,
  STALLED_DRAW_MS,
  addDays,
  lotteryShardId,
  lotteryWinId,
  phaseOf,
  unclaimedTiers,
  type LotteryDoc,
  type LotteryEntryDoc,
  type LotteryWinDoc,
} from '../../domain/lottery'
import { canonicalEntrants, drawRound, entrantsDigest, winnersOf, type DrawRound, type DrawTier } from '../../domain/lottery-draw'
import { t } from '../../i18n/strings'
import type { Transaction } from '../../store/port'
import { MANAGERS } from '../access'
import { recordAudit } from '../audit'
import type { UseCaseContext } from '../context'
import { groupDayRule } from '../group-cache'
import {
  buildLotteryView,
  fanOutInbox,
  loadLottery,
  lotteryInboxMessage,
  lotteryWechatPage,
  readAllEntries,
  readGroup,
  readWins,
  toDrawEntrant,
  type LotteryServices,
} from './shared'

/** Step 1: shut the entry gate and freeze the count. Answers the lottery as it now is (`drawing` or later). */
export async function closeEntries(ctx: UseCaseContext, lotteryId: string): Promise<LotteryDoc> {
  const now = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const lottery = await tx.get('lotteries', lotteryId)
    if (!lottery) throw new DomainError('NOT_FOUND', t('lottery.error.notFound'))
    if (lottery.status !== 'open') return lottery
    let frozenCount = 0
    for (let shard = 0; shard < ENTRY_SHARDS; shard++) {
      const gate = await tx.get('lotteryShards', lotteryShardId(lotteryId, shard))
      frozenCount += gate?.count ?? 0
    }
    await shutGates(tx, lotteryId)
    const patch = { status: 'drawing' as const, drawStartedAt: now.toISOString(), frozenCount, dueAt: new Date(now.getTime() + STALLED_DRAW_MS).toISOString() }
    await tx.update('lotteries', lotteryId, patch)
    return { ...lottery, ...patch }
  })
}

async function shutGates(tx: Transaction, lotteryId: string): Promise<void> {
  for (let shard = 0; shard < ENTRY_SHARDS; shard++) await tx.update('lotteryShards', lotteryShardId(lotteryId, shard), { open: false })
}

function tiersOf(lottery: LotteryDoc): DrawTier[] {
  return lottery.prizes.map((tier) => ({ tierId: tier.tierId, name: tier.name, quantity: tier.quantity }))
}

interface NewWin {
  entry: LotteryEntryDoc
  tierId: string
  tierName: string
}

function winsOf(round: DrawRound, entries: Map<string, LotteryEntryDoc>): NewWin[] {
  return round.winners.flatMap((list) => {
    const tierName = round.tiers.find((tier) => tier.tierId === list.tierId)?.name ?? ''
    return list.entryIds.map((entryId) => ({ entry: entries.get(entryId)!, tierId: list.tierId, tierName }))
  })
}

/** Inside the result transaction: the win records and the winners' inbox messages. */
async function writeWins(tx: Transaction, lottery: LotteryDoc, round: number, wins: NewWin[], claimDeadline: string, now: Date, timezone: string): Promise<void> {
  for (const { entry, tierId, tierName } of wins) {
    const win: LotteryWinDoc = {
      _id: lotteryWinId(lottery._id, entry.entryId),
      lotteryId: lottery._id,
      groupId: lottery.groupId,
      openid: entry.openid,
      memberKey: entry.memberKey,
      entryId: entry.entryId,
      name: entry.name,
      maskedName: entry.maskedName,
      tierId,
      tierName,
      round,
      status: 'pending',
      claimDeadline,
      claimedAt: null,
      contact: null,
      redrawnInRound: null,
    }
    // `set`, not `create`: a losing racer re-run after the winner committed must not meet a duplicate id
    // before it sees the lottery drawn; its write of the lottery document is what makes it lose.
    await tx.set('lotteryWins', win)
    await tx.set(
      'inboxMessages',
      lotteryInboxMessage({
        kind: `lottery.won.${round}`,
        lotteryId: lottery._id,
        groupId: lottery.groupId,
        openid: entry.openid,
        title: t('lottery.inbox.wonTitle', { tier: tierName }),
        body: t('lottery.inbox.wonBody', { title: lottery.title, prize: tierName, deadline: formatLocal(claimDeadline, timezone, 'YYYY-MM-DD HH:mm') }),
        at: now,
      }),
    )
  }
}

/** After the commit, by the run that committed: the `lotteryWon` subscribe message where configured. */
async function notifyWinners(services: LotteryServices, lottery: LotteryDoc, wins: NewWin[], claimDeadline: string, timezone: string): Promise<void> {
  for (const { entry, tierName } of wins) {
    await services.notifier.notify('lotteryWon', {
      touser: entry.openid,
      page: lotteryWechatPage(lottery._id),
      facts: { title: lottery.title, prize: tierName, deadline: formatLocal(claimDeadline, timezone, 'YYYY-MM-DD HH:mm') },
    })
  }
}

/** Steps 2 and 3 for a lottery in `drawing`. Answers the lottery as it is afterwards. */
async function finishDraw(ctx: UseCaseContext, services: LotteryServices, lottery: LotteryDoc, actor: string | null): Promise<LotteryDoc> {
  const now = ctx.now()
  const secret = await ctx.store.get('lotterySecrets', lottery._id)
  if (!secret) throw new Error(`lottery ${lottery._id} has no secret`)
  const entries = await readAllEntries(ctx.store, lottery._id, lottery.frozenCount)
  if (lottery.frozenCount !== null && entries.length !== lottery.frozenCount) {
    // Every entry the gate counted has committed, so this cannot happen; publish nothing rather than a wrong list.
    throw new Error(`lottery ${lottery._id}: read ${entries.length} entries, the gate counted ${lottery.frozenCount}`)
  }
  const entrants = canonicalEntrants(entries.map(toDrawEntrant))
  const digest = entrantsDigest(entrants)
  const round0 = drawRound({ seed: secret.seed, digest, round: 0, entrants, tiers: tiersOf(lottery) })
  const byEntryId = new Map(entries.map((entry) => [entry.entryId, entry]))
  const wins = winsOf(round0, byEntryId)
  const claimDeadline = addDays(now, lottery.claimDays)
  const timezone = (await groupDayRule(ctx.store, lottery.groupId)).timezone
  const patch = {
    status: 'drawn' as const,
    seed: secret.seed,
    digest,
    rounds: [round0],
    winnerNames: Object.fromEntries(wins.map(({ entry }) => [entry.entryId, entry.maskedName])),
    drawnAt: now.toISOString(),
    frozenCount: entries.length,
    claimDeadline,
    dueAt: claimDeadline,
  }
  const committed = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('lotteries', lottery._id)
    if (!current || current.status !== 'drawing') return null
    await tx.update('lotteries', lottery._id, patch)
    await writeWins(tx, lottery, 0, wins, claimDeadline, now, timezone)
    if (actor) await recordAudit(tx, { groupId: lottery.groupId, actorOpenid: actor, action: 'lottery.draw', detail: { id: lottery._id, entrants: entries.length }, at: now })
    return { ...current, ...patch }
  })
  if (!committed) return (await ctx.store.get('lotteries', lottery._id)) ?? lottery
  await notifyWinners(services, lottery, wins, claimDeadline, timezone)
  return committed
}

/**
 * Draw `lotteryId` if it is due or in `drawing`; any number of concurrent or repeated calls give one
 * result. `force`: an admin's tap (draws an open lottery whose window has opened, whatever its rule).
 */
export async function runDraw(ctx: UseCaseContext, services: LotteryServices, lotteryId: string, options: { force: boolean; actor: string | null }): Promise<LotteryDoc> {
  let lottery = await ctx.store.get('lotteries', lotteryId)
  if (!lottery) throw new DomainError('NOT_FOUND', t('lottery.error.notFound'))
  if (lottery.status === 'cancelled') throw new DomainError('CONFLICT', t('lottery.error.cancelled'))
  if (lottery.status === 'drawn' || lottery.status === 'settled') return lottery
  if (lottery.status === 'open') {
    if (options.force && phaseOf(lottery, ctx.now()) === 'upcoming') throw new DomainError('CONFLICT', t('lottery.error.notYetOpenDraw'))
    lottery = await closeEntries(ctx, lotteryId)
  }
  if (lottery.status !== 'drawing') return lottery
  return finishDraw(ctx, services, lottery, options.actor)
}

/** The admin's tap: draw now. */
export async function drawLottery(ctx: UseCaseContext, services: LotteryServices, input: { lotteryId: string }): Promise<LotteryView> {
  const loaded = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const lottery = await runDraw(ctx, services, input.lotteryId, { force: true, actor: loaded.openid })
  return buildLotteryView(ctx, { ...loaded, lottery }, services)
}

/** Redraw the prizes unclaimed by their deadline, from the entrants who have not won: round k of the same draw. */
export async function redrawLottery(ctx: UseCaseContext, services: LotteryServices, input: { lotteryId: string }): Promise<LotteryView> {
  const loaded = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const { lottery, openid } = loaded
  const now = ctx.now()
  if (lottery.status === 'settled') throw new DomainError('CONFLICT', t('lottery.error.settled'))
  if (lottery.status !== 'drawn') throw new DomainError('CONFLICT', t('lottery.error.notDrawn'))
  const wins = await readWins(ctx.store, lottery._id)
  const tiers = unclaimedTiers(lottery.prizes, wins, now)
  if (tiers.length === 0) throw new DomainError('CONFLICT', t('lottery.error.nothingToRedraw'))
  const round = lottery.rounds.length
  const entries = await readAllEntries(ctx.store, lottery._id, lottery.frozenCount)
  const entrants = canonicalEntrants(entries.map(toDrawEntrant))
  const next = drawRound({ seed: lottery.seed!, digest: lottery.digest!, round, entrants, tiers, exclude: winnersOf(lottery.rounds) })
  if (next.winners.every((list) => list.entryIds.length === 0)) throw new DomainError('CONFLICT', t('lottery.error.noEntrantsLeft'))
  const replaced = wins.filter((win) => win.redrawnInRound === null && tiers.some((tier) => tier.tierId === win.tierId) && now.toISOString() >= win.claimDeadline && win.status !== 'claimed')
  const newWins = winsOf(next, new Map(entries.map((entry) => [entry.entryId, entry])))
  const claimDeadline = addDays(now, lottery.claimDays)
  const group = await readGroup(ctx, lottery.groupId)
  const timezone = dayRuleOf(group).timezone
  const committed = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('lotteries', lottery._id)
    if (!current || current.status !== 'drawn' || current.rounds.length !== round) return null
    const patch = {
      rounds: [...current.rounds, next],
      winnerNames: { ...current.winnerNames, ...Object.fromEntries(newWins.map(({ entry }) => [entry.entryId, entry.maskedName])) },
      claimDeadline,
      dueAt: claimDeadline,
    }
    await tx.update('lotteries', lottery._id, patch)
    for (const win of replaced) await tx.update('lotteryWins', win._id, { status: 'unclaimed', redrawnInRound: round })
    await writeWins(tx, lottery, round, newWins, claimDeadline, now, timezone)
    await recordAudit(tx, { groupId: lottery.groupId, actorOpenid: openid, action: 'lottery.redraw', detail: { id: lottery._id, round }, at: now })
    return { ...current, ...patch }
  })
  if (committed) await notifyWinners(services, lottery, newWins, claimDeadline, timezone)
  const after = committed ?? (await ctx.store.get('lotteries', lottery._id)) ?? lottery
  return buildLotteryView(ctx, { ...loaded, lottery: after }, services, { group })
}

/** Cancel before the draw, with a reason: the gate shut, the announcement unpinned, every entrant told. */
export async function cancelLottery(ctx: UseCaseContext, services: LotteryServices, input: { lotteryId: string; reason: string }): Promise<LotteryView> {
  const loaded = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const { openid } = loaded
  const now = ctx.now()
  const { lottery, changed } = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('lotteries', input.lotteryId)
    if (!current) throw new DomainError('NOT_FOUND', t('lottery.error.notFound'))
    if (current.status === 'cancelled') return { lottery: current, changed: false }
    if (current.status !== 'open') throw new DomainError('CONFLICT', t('lottery.error.alreadyDrawn'))
    await shutGates(tx, current._id)
    const patch = { status: 'cancelled' as const, cancelReason: input.reason, cancelledAt: now.toISOString(), dueAt: null }
    await tx.update('lotteries', current._id, patch)
    await recordAudit(tx, { groupId: current.groupId, actorOpenid: openid, action: 'lottery.cancel', detail: { id: current._id, reason: input.reason }, at: now })
    return { lottery: { ...current, ...patch }, changed: true }
  })
  if (changed) {
    await ctx.store.update('announcements', lottery.announcementId, { pinned: false, pinnedAt: null }).catch(() => undefined)
    const entries = await readAllEntries(ctx.store, lottery._id, null)
    const title = t('lottery.inbox.cancelledTitle', { title: lottery.title })
    const body = t('lottery.inbox.cancelledBody', { reason: input.reason })
    await fanOutInbox(
      ctx.store,
      entries.map((entry) => lotteryInboxMessage({ kind: 'lottery.cancelled', lotteryId: lottery._id, groupId: lottery.groupId, openid: entry.openid, title, body, at: now })),
    )
  }
  return buildLotteryView(ctx, { ...loaded, lottery }, services)
}
