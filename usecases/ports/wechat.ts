/**
 * The WeChat-only services the use cases need, behind small ports so the use cases stay platform-free.
 *
 * - `WechatServices` is what the platform provides: exchanging the phone-number button's code, making an
 *   invite code image, sending a subscribe message by template id, and the check-in photos' storage
 *   (short-lived links for members, deleting unused uploads). Two implementations live in
 *   `platform/`: CloudBase (`wechat-services-cloudbase.ts`, over wx-server-sdk's `cloud.openapi` and cloud
 *   storage) and local (`wechat-services-local.ts`, a real QR PNG of the H5 link; messages only recorded).
 * - `Notifier` is the one way a use case reaches a user outside the app: a subscribe message named by its
 *   template key (`contracts/subscribe-templates.ts`), never by id. `usecases/notifications.ts` builds it
 *   from the platform's `sendSubscribeMessage` and the template table the function factory was given.
 * - `WechatPort` is what a use case that talks to WeChat receives: the platform's calls, with messages
 *   only through the notifier.
 *
 * @example
 *   const image = await services.createInviteCode({ scene: 'i_0123456789', page: 'packages/join/pages/apply/index' })
 *   image.imageUrl // a temp URL (WeChat) or a data URL (local)
 *   await services.notify('checkinReminder', { touser, page: 'packages/member/pages/checkin/index?id=g1', facts: { group: '早起读书会' } })
 */
import type { SubscribeFacts, SubscribeMessageData, SubscribeTemplateKey } from '../../contracts/subscribe-templates'

export interface InviteCodeImage {
  imageUrl: string
  fileId: string | null
  link: string | null
}

/** One subscribe message as WeChat's `subscribeMessage.send` takes it. */
export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The mini program page the message opens, e.g. `packages/join/pages/apply/index?id=g1` (`wechatPagePath` in contracts/routes.ts). */
  page: string
  /** Template keywords, e.g. `{ thing1: { value: '早起读书会' } }`. */
  data: SubscribeMessageData
}

/** What the platform (CloudBase or the local runtime) does for the use cases. */
export interface WechatServices {
  /** The mobile number behind a getPhoneNumber button code; throws a DomainError when it cannot be had. */
  phoneNumberFromCode(code: string): Promise<string>
  /** An image of a code that opens `page` with `scene` (≤ 32 characters). */
  createInviteCode(input: { scene: string; page: string }): Promise<InviteCodeImage>
  /** Send one message; throws when WeChat refuses it (e.g. no subscription grant left). */
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
  /**
   * Short-lived links that show these check-in photos (by photo id: `cloud://…` or `local:<name>`), for a
   * view the caller may see: CloudBase temp URLs (one `getTempFileURL` call for the lot), or the local
   * runtime's signed `/photos/<name>?exp=&sig=`. An id it cannot link is left out.
   */
  photoLinks(photoIds: string[], at: Date): Promise<Record<string, string>>
  /** Delete stored photo files by their location (cloud fileIDs, local paths); a missing one is no error. */
  deleteFiles(locations: string[]): Promise<void>
}

export interface Notification<K extends SubscribeTemplateKey> {
  /** The recipient's OPENID. */
  touser: string
  /** The mini program page the message opens, as `wechatPagePath` writes it. */
  page: string
  facts: SubscribeFacts<K>
  /** The template ids the user agreed to receive, where the use case recorded them; others are not sent. */
  granted?: string[]
}

export interface Notifier {
  /**
   * Send template `template` after the work it reports has committed. Resolves `true` when sent, `false`
   * when the template has no id, the user did not grant it, or WeChat refused (logged): a notification
   * never fails the action, and the in-app inbox entry stands on its own.
   */
  notify<K extends SubscribeTemplateKey>(template: K, notification: Notification<K>): Promise<boolean>
  /** The ids of the configured templates among `keys`: what a page asks the user to subscribe to. */
  subscribeTemplateIds(...keys: SubscribeTemplateKey[]): string[]
}

export type WechatPort = Omit<WechatServices, 'sendSubscribeMessage' | 'photoLinks' | 'deleteFiles'> & Notifier
