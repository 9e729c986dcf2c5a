/** The `group` function's actions, platform-free (the local runtime and tests call this directly). */
import { getGroupProfile, listMyGroups } from '../../contracts/group'
import { getGroupSettings, saveGroupSettings } from '../../contracts/group-settings'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as groups from '../../usecases/group'
import * as groupSettings from '../../usecases/group-settings'

export const groupFunction = createFunctionHandler('group', [
  handle(getGroupProfile, (input, ctx) => groups.getGroupProfile(ctx, input)),
  handle(listMyGroups, (_input, ctx) => groups.listMyGroups(ctx)),
  handle(getGroupSettings, (input, ctx) => groupSettings.getGroupSettings(ctx, input)),
  handle(saveGroupSettings, (input, ctx) => groupSettings.saveGroupSettings(ctx, input)),
])
