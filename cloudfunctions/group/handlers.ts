/** The `group` function's actions, platform-free (the local runtime and tests call this directly). */
import { getGroupProfile, listMyGroups } from '../../contracts/group'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as groups from '../../usecases/group'

export const groupFunction = createFunctionHandler('group', [
  handle(getGroupProfile, (input, ctx) => groups.getGroupProfile(ctx, input)),
  handle(listMyGroups, (_input, ctx) => groups.listMyGroups(ctx)),
])
