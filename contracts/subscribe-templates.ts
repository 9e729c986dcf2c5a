/**
 * Every WeChat subscribe-message template (订阅消息) the server sends, one row each: the template id,
 * configured per deployment (copy it from 微信公众平台 → 订阅消息 → 我的模板), and how the template's
 * keywords are filled from the facts of the message. An empty id means "not configured": the page asks for
 * no subscription, nothing is sent, and the user still gets the in-app inbox entry.
 *
 * The server never reads this table as a constant: the function factories receive it (CloudBase entries
 * and the local runtime pass `SUBSCRIBE_TEMPLATES`, tests their own), and use cases reach it only through
 * the notifier (`usecases/notifications.ts`). The mini program reads the ids here to ask for consent
 * with `Taro.requestSubscribeMessage` (`configuredTemplateIds`).
 *
 * A new notification (a lottery win, an inactivity nudge) is one more row: its id and its keywords.
 * WeChat caps `thing` values at 20 characters and `phrase` values at 5.
 *
 * @example
 *   configuredTemplateIds(SUBSCRIBE_TEMPLATES, ['checkinReminder'])       // [] until an id is filled in
 *   SUBSCRIBE_TEMPLATES.checkinReminder.keywords({ group: '早起读书会' })
 *   // { thing1: { value: '早起读书会' }, thing2: { value: '今天还没打卡，读完来打卡吧' } }
 *   withTemplateIds(SUBSCRIBE_TEMPLATES, { applicationDecided: 'tmpl_x' })  // a table for tests
 */
import { t } from '../i18n/strings'

/** Template keywords as `subscribeMessage.send` takes them, e.g. `{ thing1: { value: '早起读书会' } }`. */
export type SubscribeMessageData = Record<string, { value: string }>

export interface SubscribeTemplate<Facts> {
  /** The template id of this deployment; '' = not configured. */
  id: string
  /** The template's keywords for one message. */
  keywords(facts: Facts): SubscribeMessageData
}

function template<Facts>(id: string, keywords: (facts: Facts) => SubscribeMessageData): SubscribeTemplate<Facts> {
  return { id, keywords }
}

const thing = (value: string) => ({ value: value.slice(0, 20) })

export const SUBSCRIBE_TEMPLATES = {
  /** 「入群审核结果通知」: thing1 群名称, phrase2 审核结果, thing3 备注, time4 审核时间. */
  applicationDecided: template('', (facts: { group: string; result: string; note: string; time: string }) => ({
    thing1: thing(facts.group),
    phrase2: { value: facts.result },
    thing3: thing(facts.note),
    time4: { value: facts.time },
  })),
  /** 「打卡提醒」: thing1 活动名称, thing2 温馨提示. */
  checkinReminder: template('', (facts: { group: string }) => ({
    thing1: thing(facts.group),
    thing2: thing(t('reminders.messageHint')),
  })),
  /** 「打卡提醒」 sent when an admin nudges an inactive member: thing1 活动名称, thing2 温馨提示. */
  inactivityNudge: template('', (facts: { group: string }) => ({
    thing1: thing(facts.group),
    thing2: thing(t('participation.nudge.hint')),
  })),
  /** 「中奖结果通知」: thing1 活动名称, thing2 奖品名称, time3 领奖截止时间, thing4 温馨提示. */
  lotteryWon: template('', (facts: { title: string; prize: string; deadline: string }) => ({
    thing1: thing(facts.title),
    thing2: thing(facts.prize),
    time3: { value: facts.deadline },
    thing4: thing(t('lottery.subscribe.result')),
  })),
}

export type SubscribeTemplates = typeof SUBSCRIBE_TEMPLATES
export type SubscribeTemplateKey = keyof SubscribeTemplates
/** What a message of template `K` is made of, e.g. `{ group: string }` for `checkinReminder`. */
export type SubscribeFacts<K extends SubscribeTemplateKey> = Parameters<SubscribeTemplates[K]['keywords']>[0]

/** The ids of the configured templates among `keys`: what a page asks `requestSubscribeMessage` for. */
export function configuredTemplateIds(templates: SubscribeTemplates, keys: SubscribeTemplateKey[]): string[] {
  return keys.map((key) => templates[key].id).filter((id) => id !== '')
}

/** The same table with some ids replaced (keywords unchanged). */
export function withTemplateIds(templates: SubscribeTemplates, ids: Partial<Record<SubscribeTemplateKey, string>>): SubscribeTemplates {
  const rows = Object.entries(templates).map(([key, row]) => [key, { ...row, id: ids[key as SubscribeTemplateKey] ?? row.id }])
  return Object.fromEntries(rows) as SubscribeTemplates
}
