/**
 * The one path a user notification takes outside the app: a subscribe message named by its template key,
 * resolved to this deployment's template id and keywords through the injected template table, sent with
 * the platform's `sendSubscribeMessage`. Unconfigured or ungranted templates are skipped; a refusal is
 * logged and never fails the action (the inbox entry written in the action's transaction stands).
 *
 * @example
 *   const services = withNotifier(createLocalWechatServices({ appBaseUrl }), SUBSCRIBE_TEMPLATES)
 *   await services.notify('applicationDecided', { touser, page, facts, granted: app.subscribedTemplateIds })
 *   services.subscribeTemplateIds('applicationDecided')   // [] while the id is empty
 */
import { configuredTemplateIds, type SubscribeTemplate, type SubscribeTemplates } from '../contracts/subscribe-templates'
import type { Notifier, WechatPort, WechatServices } from './ports/wechat'

export function createNotifier(send: WechatServices['sendSubscribeMessage'], templates: SubscribeTemplates): Notifier {
  return {
    async notify(template, { touser, page, facts, granted }) {
      const row: SubscribeTemplate<typeof facts> = templates[template]
      if (!row.id || (granted && !granted.includes(row.id))) return false
      try {
        await send({ touser, templateId: row.id, page, data: row.keywords(facts) })
        return true
      } catch (error) {
        // e.g. 43101: the user has no subscription grant left.
        console.warn(`[notify] subscribe message ${template} not sent`, error)
        return false
      }
    },
    subscribeTemplateIds: (...keys) => configuredTemplateIds(templates, keys),
  }
}

/** The platform's WeChat calls as the use cases see them: messages only through the notifier. */
export function withNotifier(wechat: WechatServices, templates: SubscribeTemplates): WechatPort {
  const notifier = createNotifier((message) => wechat.sendSubscribeMessage(message), templates)
  return {
    phoneNumberFromCode: (code) => wechat.phoneNumberFromCode(code),
    createInviteCode: (input) => wechat.createInviteCode(input),
    notify: notifier.notify,
    subscribeTemplateIds: notifier.subscribeTemplateIds,
  }
}
