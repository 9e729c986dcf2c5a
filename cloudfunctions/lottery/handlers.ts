/**
 * The `lottery` function's actions, platform-free (being filled in: the contract is `contracts/lottery.ts`).
 */
import { createFunctionHandler, type FunctionHandler } from '../../platform/dispatch'

export function createLotteryFunction(): FunctionHandler {
  return createFunctionHandler('lottery', [])
}
