/**
 * The WeChat subscribe-message template of the daily check-in reminder (订阅消息), configured per
 * deployment: copy the id from 微信公众平台 → 订阅消息 → 我的模板 (e.g. the public template 「打卡提醒」).
 * Empty = not configured: the check-in page asks for no subscription and the `reminders` job writes the
 * in-app inbox entry only.
 *
 * The template is expected to have the keywords thing1 (活动名称) and thing2 (温馨提示); adjust
 * `reminderMessageData` if yours differ. WeChat caps `thing` values at 20 characters.
 *
 * @example
 *   reminderMessageData({ name: '早起读书会·郑州3群' })  // { thing1: { value: '早起读书会·郑州3群' }, thing2: { value: '今天还没打卡，读完来打卡吧' } }
 */
import { t } from '../i18n/strings'

export const CHECKIN_REMINDER_TEMPLATE_ID = ''

export function reminderMessageData(group: { name: string }): Record<string, { value: string }> {
  return {
    thing1: { value: group.name.slice(0, 20) },
    thing2: { value: t('reminders.messageHint').slice(0, 20) },
  }
}
