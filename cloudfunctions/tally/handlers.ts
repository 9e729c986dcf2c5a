/**
 * The `tally` function: the nightly close of each group's ended days. CloudBase runs it on the timer trigger in
 * config.json (every hour at minute 5, so each group's day is closed within the hour after it ends, whatever
 * its timezone and day-start hour); the local runtime's scheduler reads the same trigger. Timer-only.
 *
 * @example
 *   await tallyFunction({ Type: 'Timer', TriggerName: 'tallyHourly' }, { store, caller: timerCaller('tallyHourly'), now })
 */
import { runTally } from '../../contracts/participation'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerOnly } from '../../platform/timer'
import * as tally from '../../usecases/tally'

export function createTallyFunction(): FunctionHandler {
  return timerOnly(
    'tally',
    handle(runTally, (_input, ctx) => tally.runTally(ctx)),
  )
}

export const tallyFunction = createTallyFunction()
