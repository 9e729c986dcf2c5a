/**
 * The `lottery` function's actions, platform-free: members' and admins' actions, and the timer's `runDue`
 * (the trigger in config.json, every minute; the local runtime's scheduler reads the same trigger). Only the
 * timer may run `runDue` (FORBIDDEN for everyone else, the console included); a timer event runs it whatever
 * else it carries, and the timer may run nothing else (its calls of user actions are UNAUTHENTICATED).
 *
 * @example
 *   const lottery = createLotteryFunction({ random: CRYPTO_RANDOM, wechat, templates: SUBSCRIBE_TEMPLATES, exports: localExportStorage })
 *   await lottery({ action: 'enter', input: { lotteryId, nonce } }, { store, caller: userCaller('o_alice'), now })
 *   await lottery({ Type: 'Timer', TriggerName: 'lotteryDue' }, { store, caller: timerCaller('lotteryDue'), now })
 */
import {
  cancelLottery,
  claimLotteryPrize,
  createLottery,
  drawLottery,
  enterLottery,
  exportLotteryCsv,
  getLottery,
  getLotteryDraw,
  listLotteries,
  listLotteryEntrants,
  listLotteryWinners,
  redrawLottery,
  runLotteryTimer,
  settleLottery,
} from '../../contracts/lottery'
import type { SubscribeTemplates } from '../../contracts/subscribe-templates'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import { isTimerEvent, requireCaller } from '../../platform/timer'
import * as lottery from '../../usecases/lottery'
import { createNotifier } from '../../usecases/notifications'
import type { ExportStorage } from '../../usecases/ports/exports'
import type { RandomSource } from '../../usecases/ports/random'
import type { WechatServices } from '../../usecases/ports/wechat'

export interface LotteryFunctionDependencies {
  /** The CSPRNG (`platform/random.ts`; tests a deterministic one). */
  random: RandomSource
  /** Subscribe messages and prize-picture links. */
  wechat: Pick<WechatServices, 'sendSubscribeMessage' | 'photoLinks'>
  templates: SubscribeTemplates
  /** Where CSV exports are saved behind a short-lived link (cloud storage in WeChat, memory locally). */
  exports: ExportStorage
}

export function createLotteryFunction({ random, wechat, templates, exports }: LotteryFunctionDependencies): FunctionHandler {
  const services: lottery.LotteryServices = {
    random,
    notifier: createNotifier((message) => wechat.sendSubscribeMessage(message), templates),
    storage: { photoLinks: (ids, at) => wechat.photoLinks(ids, at) },
  }
  const actions = createFunctionHandler('lottery', [
    handle(createLottery, (input, ctx) => lottery.createLottery(ctx, services, input)),
    handle(listLotteries, (input, ctx) => lottery.listLotteries(ctx, input)),
    handle(getLottery, (input, ctx) => lottery.getLottery(ctx, services, input)),
    handle(enterLottery, (input, ctx) => lottery.enterLottery(ctx, services, input)),
    handle(cancelLottery, (input, ctx) => lottery.cancelLottery(ctx, services, input)),
    handle(drawLottery, (input, ctx) => lottery.drawLottery(ctx, services, input)),
    handle(getLotteryDraw, (input, ctx) => lottery.getLotteryDraw(ctx, input)),
    handle(claimLotteryPrize, (input, ctx) => lottery.claimLotteryPrize(ctx, input)),
    handle(listLotteryEntrants, (input, ctx) => lottery.listLotteryEntrants(ctx, input)),
    handle(listLotteryWinners, (input, ctx) => lottery.listLotteryWinners(ctx, input)),
    handle(redrawLottery, (input, ctx) => lottery.redrawLottery(ctx, services, input)),
    handle(settleLottery, (input, ctx) => lottery.settleLottery(ctx, services, input)),
    handle(exportLotteryCsv, (input, ctx) => lottery.exportLotteryCsv(ctx, exports, input)),
    handle(runLotteryTimer, (_input, ctx) => {
      requireCaller(ctx, 'timer')
      return lottery.runLotteryTimer(ctx, services)
    }),
  ])
  return (event, ctx) => actions(isTimerEvent(event) ? { action: runLotteryTimer.action, input: {} } : event, ctx)
}
