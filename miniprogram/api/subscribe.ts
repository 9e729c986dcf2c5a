/**
 * Asks, at a tap, for WeChat's consent to send some subscribe messages (订阅消息) later. Each consent lets
 * the server send one message of that template (`usecases/notifications.ts`); declining costs nothing, the
 * in-app inbox entry arrives either way. Only templates whose id this deployment configured
 * (`contracts/subscribe-templates.ts`) are asked for, and only in WeChat: H5 has no subscribe messages.
 * Must run inside a tap handler (WeChat refuses the dialog otherwise), before any `await`, so call it first.
 *
 * @example
 *   const accepted = await askForSubscriptions(['lotteryWon'])   // [] in H5 or when no id is configured
 */
import Taro from '@tarojs/taro'
import { SUBSCRIBE_TEMPLATES, configuredTemplateIds, type SubscribeTemplateKey, type SubscribeTemplates } from '../../contracts/subscribe-templates'

export interface SubscribeOptions {
  /** The template table (default: this deployment's). */
  templates?: SubscribeTemplates
  /** The build's platform (default: `process.env.TARO_ENV`, fixed at build time). */
  platform?: string
}

/** Resolves to the template ids the person accepted; never throws. */
export async function askForSubscriptions(keys: SubscribeTemplateKey[], options: SubscribeOptions = {}): Promise<string[]> {
  const { templates = SUBSCRIBE_TEMPLATES, platform = process.env.TARO_ENV } = options
  // Two notifications may share one WeChat template (a reminder and a nudge are both 「打卡提醒」): ask once.
  const tmplIds = [...new Set(configuredTemplateIds(templates, keys))]
  if (platform !== 'weapp' || tmplIds.length === 0) return []
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>
    return tmplIds.filter((id) => result[id] === 'accept')
  } catch {
    return []
  }
}
