/** The `participation` function's actions, platform-free: boards, progress, dashboard, roster by activity, exports, settings, lifecycle. */
import { createFunctionHandler, type FunctionHandler } from '../../platform/dispatch'

export function createParticipationFunction(): FunctionHandler {
  return createFunctionHandler('participation', [])
}
