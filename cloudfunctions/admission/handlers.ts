/**
 * The `admission` function's actions, platform-free. The WeChat-only services (phone-number exchange,
 * invite codes, subscribe messages) and the subscribe-message template table are passed in: CloudBase's
 * in index.ts, the local ones in the local runtime and tests.
 *
 * @example
 *   const admission = createAdmissionFunction(createLocalWechatServices({ appBaseUrl }), SUBSCRIBE_TEMPLATES)
 *   await admission({ action: 'submit', input: {...} }, { store, caller: userCaller(openid), now })
 */
import {
  decideApplication,
  decideApplications,
  getAdmissionSettings,
  getApplication,
  getApplyPage,
  getInviteCode,
  listApplications,
  submitApplication,
  updateAdmissionSettings,
  withdrawApplication,
  getJoinGuide,
  confirmJoined,
  getJoinGuideSettings,
  updateJoinGuide,
  listNotJoined,
} from '../../contracts/admission'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import type { SubscribeTemplates } from '../../contracts/subscribe-templates'
import { withNotifier } from '../../usecases/notifications'
import type { WechatServices } from '../../usecases/ports/wechat'
import * as admission from '../../usecases/admission'

export function createAdmissionFunction(wechat: WechatServices, templates: SubscribeTemplates): FunctionHandler {
  const services = withNotifier(wechat, templates)
  return createFunctionHandler('admission', [
    handle(getApplyPage, (input, ctx) => admission.getApplyPage(ctx, services, input, wechat)),
    handle(submitApplication, (input, ctx) => admission.submitApplication(ctx, services, input)),
    handle(withdrawApplication, (input, ctx) => admission.withdrawApplication(ctx, input)),
    handle(listApplications, (input, ctx) => admission.listApplications(ctx, input)),
    handle(getApplication, (input, ctx) => admission.getApplication(ctx, input)),
    handle(decideApplication, (input, ctx) => admission.decideApplication(ctx, services, input)),
    handle(decideApplications, (input, ctx) => admission.decideApplications(ctx, services, input)),
    handle(getAdmissionSettings, (input, ctx) => admission.getAdmissionSettings(ctx, input)),
    handle(updateAdmissionSettings, (input, ctx) => admission.updateAdmissionSettings(ctx, input)),
    handle(getInviteCode, (input, ctx) => admission.getInviteCode(ctx, services, input)),
    handle(getJoinGuide, (input, ctx) => admission.getJoinGuide(ctx, wechat, input)),
    handle(confirmJoined, (input, ctx) => admission.confirmJoined(ctx, wechat, input)),
    handle(getJoinGuideSettings, (input, ctx) => admission.getJoinGuideSettings(ctx, wechat, input)),
    handle(updateJoinGuide, (input, ctx) => admission.updateJoinGuide(ctx, wechat, input)),
    handle(listNotJoined, (input, ctx) => admission.listNotJoined(ctx, input)),
  ])
}
