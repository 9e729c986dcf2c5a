/**
 * Prizes: a winner claims within the deadline by giving the contact details the prize needs (admins see
 * them); an admin settles the lottery once the prizes are handed out, which purges every contact detail.
 *
 * The race between a claim and the settle: the claim transaction reads the lottery (must still be `drawn`)
 * and writes its win; the settle marks the lottery settled, then writes every win (contact := null). A claim
 * that committed first is purged by that write; one still running conflicts on its win, re-runs, finds the
 * lottery settled and is refused. Nothing survives a settle.
 *
 * Cost on CloudBase: a claim 3 reads (lottery, membership, own entry) + 1 transaction (lottery, win; 1
 * write) = 6; a settle over W wins ≈ W + 6.
 *
 * @example
 *   await claimLotteryPrize(ctx, { lotteryId, name: '李娜', phone: '13800138000', address: '郑州市…', note: '' })
 *   await settleLottery(ctx, services, { lotteryId })
 */
import type { LotteryView, MyWin } from '../../contracts/lottery'
import { DomainError } from '../../domain/errors'
import { lotteryEntryDocId, lotteryWinId, winStatusAt, type LotteryDoc } from '../../domain/lottery'
import { t } from '../../i18n/strings'
import type { Store } from '../../store/port'
import { EVERY_ROLE, MANAGERS } from '../access'
import { recordAudit } from '../audit'
import type { UseCaseContext } from '../context'
import { buildLotteryView, loadLottery, myWinView, readWins, type LotteryServices } from './shared'

export interface ClaimInput {
  lotteryId: string
  name: string
  phone: string
  address: string
  note: string
}

export async function claimLotteryPrize(ctx: UseCaseContext, input: ClaimInput): Promise<MyWin> {
  const { lottery, openid } = await loadLottery(ctx, input.lotteryId, EVERY_ROLE)
  const now = ctx.now()
  if (lottery.status === 'settled') throw new DomainError('CONFLICT', t('lottery.error.settled'))
  if (lottery.status !== 'drawn') throw new DomainError('CONFLICT', t('lottery.error.notDrawn'))
  const entry = await ctx.store.get('lotteryEntries', lotteryEntryDocId(lottery._id, openid))
  if (!entry) throw new DomainError('CONFLICT', t('lottery.error.noWin'))
  const address = input.address.trim()
  if (lottery.needsAddress && !address) throw new DomainError('INVALID_INPUT', t('lottery.error.addressNeeded'), { address: t('lottery.error.addressNeeded') })
  return ctx.store.transaction(async (tx) => {
    const current = await tx.get('lotteries', lottery._id)
    if (!current || current.status !== 'drawn') throw new DomainError('CONFLICT', t('lottery.error.settled'))
    const win = await tx.get('lotteryWins', lotteryWinId(lottery._id, entry.entryId))
    if (!win || win.openid !== openid) throw new DomainError('CONFLICT', t('lottery.error.noWin'))
    if (winStatusAt(win, now) === 'unclaimed') throw new DomainError('CONFLICT', t('lottery.error.claimExpired'))
    const patch = {
      status: 'claimed' as const,
      claimedAt: now.toISOString(),
      contact: { name: input.name.trim(), phone: input.phone.trim(), address, note: input.note.trim() },
    }
    await tx.update('lotteryWins', win._id, patch)
    return myWinView(current, { ...win, ...patch }, now)
  })
}

/** Mark settled (no more claims or redraws), then purge every contact detail. Run again, it purges again. */
export async function settleLotteryDoc(store: Store, lottery: LotteryDoc, now: Date, actor: string | null): Promise<LotteryDoc> {
  const settled = await store.transaction(async (tx) => {
    const current = await tx.get('lotteries', lottery._id)
    if (!current) throw new DomainError('NOT_FOUND', t('lottery.error.notFound'))
    if (current.status === 'settled') return current
    if (current.status !== 'drawn') throw new DomainError('CONFLICT', t('lottery.error.notDrawn'))
    const patch = { status: 'settled' as const, settledAt: now.toISOString(), dueAt: null }
    await tx.update('lotteries', current._id, patch)
    if (actor) await recordAudit(tx, { groupId: current.groupId, actorOpenid: actor, action: 'lottery.settle', detail: { id: current._id }, at: now })
    return { ...current, ...patch }
  })
  for (const win of await readWins(store, lottery._id)) {
    // Every win, not only those with a contact now: a claim still in flight conflicts on this write and is refused.
    await store.update('lotteryWins', win._id, { contact: null })
  }
  return settled
}

export async function settleLottery(ctx: UseCaseContext, services: Pick<LotteryServices, 'storage'>, input: { lotteryId: string }): Promise<LotteryView> {
  const loaded = await loadLottery(ctx, input.lotteryId, MANAGERS)
  const lottery = await settleLotteryDoc(ctx.store, loaded.lottery, ctx.now(), loaded.openid)
  return buildLotteryView(ctx, { ...loaded, lottery }, services)
}
