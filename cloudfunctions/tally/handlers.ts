/** The `tally` function: the nightly close of each group's days (timer-only). */
import { createFunctionHandler, type FunctionHandler } from '../../platform/dispatch'

export function createTallyFunction(): FunctionHandler {
  return createFunctionHandler('tally', [])
}
