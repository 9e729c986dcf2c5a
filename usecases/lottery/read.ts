/**
 * What members and admins read: a group's lotteries, one lottery, the published draw (after the draw only),
 * and for admins the entrants, the winners with their claims, and CSV exports.
 *
 * Privacy: the seed leaves only after the draw (from the lottery document, where the draw copied it);
 * entrants' full names, member keys and the winners' contact details go to the group's admins only.
 *
 * @example
 *   await getLottery(ctx, services, { lotteryId })                 // LotteryView
 *   await getLotteryDraw(ctx, { lotteryId, cursor: 0 })            // seed, digest, rounds, entrants 0..499
 */
import {
  DRAW_ENTRANT_PAGE,
  LOTTERY_ENTRANT_PAGE,
  LOTTERY_LIST_PAGE,
  type LotteryCsv,
  type LotteryDrawPage,
  type LotteryEntrantList,
  type LotteryList,
  type LotteryListFilter,
  type LotteryView,
  type LotterySummary,
  type LotteryWinnerList,
  type WinnerAdminView,
} from '../../contracts/lottery'
import { toCsv } from '../../domain/csv'
import { dayRuleOf, formatLocal, todayKey } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { canManageGroup } from '../../domain/group'
import { phaseOf, winStatusAt, type LotteryDoc, type LotteryStatus, type LotteryWinDoc } from '../../domain/lottery'
import { t } from '../../i18n/strings'
import { EVERY_ROLE, MANAGERS, requireRole } from '../access'
import type { UseCaseContext } from '../context'
import type { ExportStorage } from '../ports/exports'
import { saveExportFile } from '../exports'
import { pageOf } from '../paging'
import { photoPathPrefix } from '../photos'
import { buildLotteryView, loadLottery, readAllEntries, readGroup, readWins, toDrawEntrant, type LotteryServices } from './shared'

const STATUSES: Record<LotteryListFilter, LotteryStatus[]> = {
  open: ['open', 'drawing'],
  drawn: ['drawn', 'settled'],
  cancelled: ['cancelled'],
}

export async function listLotteries(ctx: UseCaseContext, input: { groupId: string; filter: LotteryListFilter; cursor?: number }): Promise<LotteryList> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const cursor = input.cursor ?? 0
  const rows = await ctx.store.find('lotteries', {
    where: { groupId: group._id, status: { in: STATUSES[input.filter] } },
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    skip: cursor,
    limit: LOTTERY_LIST_PAGE + 1,
  })
  const now = ctx.now()
  const { items, next } = pageOf(rows, cursor, LOTTERY_LIST_PAGE)
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: dayRuleOf(group).timezone,
    isAdmin: canManageGroup(member.role),
    photoPathPrefix: canManageGroup(member.role) ? photoPathPrefix(group._id, todayKey(now, dayRuleOf(group)), openid) : null,
    items: items.map((lottery) => summaryOf(lottery, now)),
    next,
  }
}

function summaryOf(lottery: LotteryDoc, now: Date): LotterySummary {
  const drawn = lottery.status === 'drawn' || lottery.status === 'settled'
  return {
    id: lottery._id,
    title: lottery.title,
    phase: phaseOf(lottery, now),
    firstPrize: lottery.prizes[0]?.name ?? '',
    totalPrizes: lottery.prizes.reduce((sum, tier) => sum + tier.quantity, 0),
    opensAt: lottery.opensAt,
    closesAt: lottery.closesAt,
    drawRule: lottery.drawRule,
    entrantCount: drawn ? lottery.frozenCount ?? 0 : null,
    drawnAt: lottery.drawnAt,
    createdAt: lottery.createdAt,
  }
}

export async function getLottery(ctx: UseCaseContext, services: Pick<LotteryServices, 'storage'>, input: { lotteryId: string }): Promise<LotteryView> {
  const loaded = await loadLottery(ctx, input.lotteryId, EVERY_ROLE)
  return buildLotteryView(ctx, loaded, services)
}

/** The published draw, a page of entrants in canonical order (by entry id). Only once drawn. */
export async function getLotteryDraw(ctx: UseCaseContext, input: { lotteryId: string; cursor?: number }): Promise<LotteryDrawPage> {
  const { lottery } = await loadLottery(ctx, input.lotteryId, EVERY_ROLE)
  if ((lottery.status !== 'drawn' && lottery.status !== 'settled') || !lottery.seed || !lottery.digest) {
    throw new DomainError('CONFLICT', t('lottery.error.notDrawn'))
  }
  const cursor = input.cursor ?? 0
  const total = lottery.frozenCount ?? 0
  const rows =
    cursor >= total
      ? []
      : await ctx.store.find('lotteryEntries', {
          where: { lotteryId: lottery._id },
          orderBy: [{ field: 'entryId', direction: 'asc' }],
          skip: cursor,
          limit: DRAW_ENTRANT_PAGE,
          bulk: true,
        })
  const next = cursor + rows.length < total && rows.length > 0 ? cursor + rows.length : null
  return {
    version: 1,
    lotteryId: lottery._id,
    commitment: lottery.commitment,
    seed: lottery.seed,
    digest: lottery.digest,
    rounds: lottery.rounds,
    entrantCount: total,
    items: rows.map(toDrawEntrant),
    next,
  }
}

export async function listLotteryEntrants(ctx: UseCaseContext, input: { lotteryId: string; cursor?: number }): Promise<LotteryEntrantList> {
  const { lottery } = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const group = await readGroup(ctx, lottery.groupId)
  const cursor = input.cursor ?? 0
  const rows = await ctx.store.find('lotteryEntries', {
    where: { lotteryId: lottery._id },
    orderBy: [{ field: 'enteredAt', direction: 'asc' }],
    skip: cursor,
    limit: LOTTERY_ENTRANT_PAGE + 1,
  })
  const { items, next } = pageOf(rows, cursor, LOTTERY_ENTRANT_PAGE)
  const drawn = lottery.status === 'drawn' || lottery.status === 'settled'
  return {
    items: items.map((entry) => ({ entryId: entry.entryId, name: entry.name, memberKey: entry.memberKey, tickets: entry.tickets, enteredAt: entry.enteredAt })),
    next,
    total: drawn ? lottery.frozenCount ?? 0 : await ctx.store.count('lotteryEntries', { lotteryId: lottery._id }),
    timezone: dayRuleOf(group).timezone,
  }
}

function winnerRows(lottery: LotteryDoc, wins: LotteryWinDoc[], now: Date): WinnerAdminView[] {
  const tierOrder = new Map(lottery.prizes.map((tier, index) => [tier.tierId, index]))
  return wins
    .slice()
    .sort((a, b) => a.round - b.round || (tierOrder.get(a.tierId) ?? 0) - (tierOrder.get(b.tierId) ?? 0) || a.entryId.localeCompare(b.entryId))
    .map((win) => ({
      entryId: win.entryId,
      name: win.name,
      memberKey: win.memberKey,
      tierId: win.tierId,
      tierName: lottery.prizes.find((tier) => tier.tierId === win.tierId)?.name ?? win.tierName,
      round: win.round,
      status: winStatusAt(win, now),
      claimDeadline: win.claimDeadline,
      claimedAt: win.claimedAt,
      contact: lottery.status === 'settled' ? null : win.contact,
    }))
}

export async function listLotteryWinners(ctx: UseCaseContext, input: { lotteryId: string }): Promise<LotteryWinnerList> {
  const { lottery } = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const group = await readGroup(ctx, lottery.groupId)
  const wins = await readWins(ctx.store, lottery._id)
  return { items: winnerRows(lottery, wins, ctx.now()), timezone: dayRuleOf(group).timezone, settled: lottery.status === 'settled' }
}

export async function exportLotteryCsv(ctx: UseCaseContext, storage: ExportStorage, input: { lotteryId: string; kind: 'entrants' | 'winners' }): Promise<LotteryCsv> {
  const { lottery } = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const save = async (fileName: string, content: string, rows: number): Promise<LotteryCsv> => ({
    fileName,
    ...(await saveExportFile(ctx, storage, { groupId: lottery.groupId, fileName, content, at: ctx.now() })),
    rows,
  })
  const group = await readGroup(ctx, lottery.groupId)
  const timezone = dayRuleOf(group).timezone
  const time = (at: string | null) => (at ? formatLocal(at, timezone, 'YYYY-MM-DD HH:mm:ss') : '')
  if (input.kind === 'entrants') {
    const entries = await readAllEntries(ctx.store, lottery._id, lottery.frozenCount)
    entries.sort((a, b) => a.enteredAt.localeCompare(b.enteredAt) || a._id.localeCompare(b._id))
    const rows = entries.map((entry) => [entry.entryId, entry.name, entry.memberKey, entry.tickets, time(entry.enteredAt)])
    return save(`lottery-${lottery._id}-entrants.csv`, toCsv(t('lottery.csv.entrants').split(','), rows), rows.length)
  }
  const wins = winnerRows(lottery, await readWins(ctx.store, lottery._id), ctx.now())
  const rows = wins.map((win) => [
    win.round,
    win.tierName,
    win.entryId,
    win.name,
    win.memberKey,
    t(`lottery.claimStatus.${win.status}`),
    time(win.claimDeadline),
    time(win.claimedAt),
    win.contact?.name ?? '',
    win.contact?.phone ?? '',
    win.contact?.address ?? '',
    win.contact?.note ?? '',
  ])
  return save(`lottery-${lottery._id}-winners.csv`, toCsv(t('lottery.csv.winners').split(','), rows), rows.length)
}
