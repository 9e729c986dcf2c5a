/**
 * The lottery timer (every minute): whatever is due — one query on `dueAt ≤ now`, so an idle minute costs
 * one read. Per lottery, by status:
 * - open (time rule at its draw time, count rule at the window's end): draw it;
 * - drawing (a draw that stopped between its steps, `dueAt` = a minute after it started): finish it;
 * - drawn, at the latest claim deadline: mark the pending wins past their deadline unclaimed, then wait for
 *   the auto-settle time (AUTO_SETTLE_DAYS later), when it settles itself and the contacts are purged.
 * One failing lottery does not stop the others (logged; its `dueAt` stays, so the next minute retries).
 *
 * @example
 *   await runLotteryTimer(ctx, services)   // { drawn: 1, unclaimedMarked: 0, settled: 0 }
 */
import type { LotteryTimerRun } from '../../contracts/lottery'
import { AUTO_SETTLE_DAYS, addDays, winStatusAt, type LotteryDoc } from '../../domain/lottery'
import type { UseCaseContext } from '../context'
import { settleLotteryDoc } from './claims'
import { runDraw } from './draw'
import { readWins, type LotteryServices } from './shared'

const DUE_PAGE = 20

export async function runLotteryTimer(ctx: UseCaseContext, services: LotteryServices): Promise<LotteryTimerRun> {
  const now = ctx.now()
  const run: LotteryTimerRun = { drawn: 0, unclaimedMarked: 0, settled: 0 }
  const due = await ctx.store.find('lotteries', { where: { dueAt: { lte: now.toISOString() } }, orderBy: [{ field: 'dueAt', direction: 'asc' }], limit: DUE_PAGE })
  for (const lottery of due) {
    try {
      await handleDue(ctx, services, lottery, now, run)
    } catch (error) {
      console.error(`[lottery] timer could not handle ${lottery._id}`, error)
    }
  }
  return run
}

async function handleDue(ctx: UseCaseContext, services: LotteryServices, lottery: LotteryDoc, now: Date, run: LotteryTimerRun): Promise<void> {
  if (lottery.status === 'open' || lottery.status === 'drawing') {
    const after = await runDraw(ctx, services, lottery._id, { force: false, actor: null })
    if (after.status === 'drawn') run.drawn++
    return
  }
  if (lottery.status !== 'drawn') {
    await ctx.store.update('lotteries', lottery._id, { dueAt: null })
    return
  }
  const settleAt = addDays(lottery.claimDeadline ?? now, AUTO_SETTLE_DAYS)
  if (now.toISOString() >= settleAt) {
    await settleLotteryDoc(ctx.store, lottery, now, null)
    run.settled++
    return
  }
  for (const win of await readWins(ctx.store, lottery._id)) {
    if (win.status === 'pending' && winStatusAt(win, now) === 'unclaimed') {
      await ctx.store.update('lotteryWins', win._id, { status: 'unclaimed' })
      run.unclaimedMarked++
    }
  }
  await ctx.store.update('lotteries', lottery._id, { dueAt: settleAt })
}
