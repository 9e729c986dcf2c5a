/**
 * WechatServices for the local runtime and tests: the invite "code" is a real QR PNG (the `qrcode`
 * package) of the H5 apply link `<appBaseUrl>/packages/join/pages/apply/index?scene=<scene>`; there is no phone-number
 * button, so a code is refused (the local form takes a typed number instead); subscribe messages are kept
 * in `sent` so tests can see them. Photo links are signed `/photos/…` paths (`photo-links.ts`; a `cloud://`
 * id, which only tests register here, is linked as is); deleting a file unlinks the uploaded file (only
 * a path that ends in an upload's name).
 *
 * @example
 *   const services = createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' })
 *   (await services.createInviteCode({ scene: 'i_0123456789', page: ROUTES.apply })).link
 *   // 'http://127.0.0.1:8787/packages/join/pages/apply/index?scene=i_0123456789'
 */
import fs from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import { ROUTES } from '../contracts/routes'
import type { InviteCodeImage, SubscribeMessage, WechatServices } from '../usecases/ports/wechat'
import { signedPhotoLink } from './photo-links'

const LOCAL_PHOTO = /^local:([a-f0-9]{32}\.(?:png|jpg|gif|webp))$/

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
    async photoLinks(photoIds, at) {
      const links: Record<string, string> = {}
      for (const id of photoIds) {
        const local = LOCAL_PHOTO.exec(id)
        if (local) links[id] = signedPhotoLink(local[1], at)
        else if (id.startsWith('cloud://')) links[id] = id
      }
      return links
    },
    async deleteFiles(locations) {
      for (const location of locations) {
        if (!/^[a-f0-9]{32}\.(png|jpg|gif|webp)$/.test(path.basename(location))) continue
        await fs.promises.rm(location, { force: true })
      }
    },
  }
}
