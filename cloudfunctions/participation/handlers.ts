/**
 * The `participation` function's actions, platform-free: leaderboards, a member's progress, the admins'
 * dashboard and inactive list, nudges and batch removals, CSV exports, the settings, archive / restore and
 * "my groups". Nudges reach WeChat through the notifier; exports go to the export storage port.
 *
 * @example
 *   const participation = createParticipationFunction(localWechatServices, SUBSCRIBE_TEMPLATES, localExportStorage)
 *   await participation({ action: 'leaderboard', input: { groupId, period: 'week' } }, { store, caller, now })
 */
import {
  archiveGroup,
  exportCheckins,
  exportMembers,
  getDashboard,
  getLeaderboard,
  getMyProgress,
  getParticipationSettings,
  listInactiveMembers,
  listMyGroupSummaries,
  nudgeMembers,
  removeMembers,
  restoreGroup,
  saveParticipationSettings,
} from '../../contracts/participation'
import type { SubscribeTemplates } from '../../contracts/subscribe-templates'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import { createNotifier } from '../../usecases/notifications'
import * as participation from '../../usecases/participation'
import type { ExportStorage } from '../../usecases/ports/exports'
import type { WechatServices } from '../../usecases/ports/wechat'

export function createParticipationFunction(wechat: Pick<WechatServices, 'sendSubscribeMessage'>, templates: SubscribeTemplates, exports: ExportStorage): FunctionHandler {
  const notifier = createNotifier((message) => wechat.sendSubscribeMessage(message), templates)
  return createFunctionHandler('participation', [
    handle(getLeaderboard, (input, ctx) => participation.getLeaderboard(ctx, input)),
    handle(getMyProgress, (input, ctx) => participation.getMyProgress(ctx, input)),
    handle(getDashboard, (input, ctx) => participation.getDashboard(ctx, input)),
    handle(listInactiveMembers, (input, ctx) => participation.listInactiveMembers(ctx, input)),
    handle(nudgeMembers, (input, ctx) => participation.nudgeMembers(ctx, notifier, input)),
    handle(removeMembers, (input, ctx) => participation.removeMembers(ctx, input)),
    handle(exportMembers, (input, ctx) => participation.exportMembers(ctx, exports, input)),
    handle(exportCheckins, (input, ctx) => participation.exportCheckins(ctx, exports, input)),
    handle(getParticipationSettings, (input, ctx) => participation.getParticipationSettings(ctx, input)),
    handle(saveParticipationSettings, (input, ctx) => participation.saveParticipationSettings(ctx, input)),
    handle(archiveGroup, (input, ctx) => participation.archiveGroup(ctx, input)),
    handle(restoreGroup, (input, ctx) => participation.restoreGroup(ctx, input)),
    handle(listMyGroupSummaries, (_input, ctx) => participation.listMyGroupSummaries(ctx)),
  ])
}
