/**
 * WechatServices for the local runtime and tests: the invite "code" is a real QR PNG (the `qrcode`
 * package) of the H5 apply link `<appBaseUrl>/pages/apply/index?scene=<scene>`; there is no phone-number
 * button, so a code is refused (the local form takes a typed number instead); subscribe messages are kept
 * in `sent` so tests can see them.
 *
 * @example
 *   const services = createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' })
 *   (await services.createInviteCode({ scene: 'i_0123456789', page: ROUTES.apply })).link
 *   // 'http://127.0.0.1:8787/pages/apply/index?scene=i_0123456789'
 */
import QRCode from 'qrcode'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import { ROUTES } from '../contracts/routes'
import type { InviteCodeImage, SubscribeMessage, WechatServices } from '../usecases/ports/wechat'

export interface LocalWechatServices extends WechatServices {
  readonly sent: SubscribeMessage[]
}

export function createLocalWechatServices(options: { appBaseUrl: string }): LocalWechatServices {
  const sent: SubscribeMessage[] = []
  return {
    sent,
    async phoneNumberFromCode() {
      throw new DomainError('INVALID_INPUT', t('admission.error.phoneCodeLocal'), { phone: t('admission.error.phoneCodeLocal') })
    },
    async createInviteCode({ scene, page }): Promise<InviteCodeImage> {
      const link = `${options.appBaseUrl.replace(/\/$/, '')}/${page}?scene=${encodeURIComponent(scene)}`
      const imageUrl = await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 280 })
      return { imageUrl, fileId: null, link }
    },
    async sendSubscribeMessage(message) {
      sent.push(message)
    },
  }
}
