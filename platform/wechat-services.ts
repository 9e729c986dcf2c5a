/**
 * The WeChat-only services the admission use cases need, behind one small port so the use cases stay
 * platform-free: exchanging the phone-number button's code, making an invite code image, and sending a
 * subscribe message. Two implementations: CloudBase (`wechat-services-cloudbase.ts`, over wx-server-sdk's
 * `cloud.openapi` and cloud storage) and local (`wechat-services-local.ts`, a real QR PNG of the H5 link;
 * subscribe messages are only recorded).
 *
 * @example
 *   const image = await services.createInviteCode({ scene: 'i_0123456789', page: 'pages/apply/index' })
 *   image.imageUrl // a temp URL (WeChat) or a data URL (local)
 */
export interface InviteCodeImage {
  imageUrl: string
  fileId: string | null
  link: string | null
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The mini program page the message opens, e.g. `pages/apply/index?id=g1`. */
  page: string
  /** Template keywords, e.g. `{ thing1: { value: '早起读书会' } }`. */
  data: Record<string, { value: string }>
}

export interface WechatServices {
  /** The mobile number behind a getPhoneNumber button code; throws a DomainError when it cannot be had. */
  phoneNumberFromCode(code: string): Promise<string>
  /** An image of a code that opens `page` with `scene` (≤ 32 characters). */
  createInviteCode(input: { scene: string; page: string }): Promise<InviteCodeImage>
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
}
