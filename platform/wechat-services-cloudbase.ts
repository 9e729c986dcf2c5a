/**
 * WechatServices on CloudBase, over wx-server-sdk (the function's config.json grants the openapi calls):
 * - phone: `cloud.openapi.phonenumber.getPhoneNumber({ code })` → `phoneInfo.purePhoneNumber`;
 * - invite: `cloud.openapi.wxacode.getUnlimited({ scene, page })`, uploaded with `cloud.uploadFile` to
 *   `invite-codes/<scene>.png`, shown through `cloud.getTempFileURL`;
 * - `cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState: 'formal' })`;
 * - check-in photos: `cloud.getTempFileURL({ fileList })` once per view (at most 50 ids a call), and
 *   `cloud.deleteFile({ fileList })` for the orphan cleanup (50 a call).
 *
 * @example
 *   const services = createCloudbaseWechatServices(cloud)   // cloud = require('wx-server-sdk'), initialised
 */
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import type { InviteCodeImage, WechatServices } from '../usecases/ports/wechat'

/** The part of wx-server-sdk this uses (the SDK types `openapi` as a loose record). */
export interface CloudbaseSdk {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  openapi: Record<string, any>
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }> | void
  deleteFile(param: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number }> }> | void
}

/** CloudBase takes at most 50 files per getTempFileURL / deleteFile call. */
export const FILES_PER_STORAGE_CALL = 50

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function createCloudbaseWechatServices(cloud: CloudbaseSdk): WechatServices {
  return {
    async phoneNumberFromCode(code) {
      let result: { phoneInfo?: { purePhoneNumber?: string; phoneNumber?: string } }
      try {
        result = await cloud.openapi.phonenumber.getPhoneNumber({ code })
      } catch (error) {
        console.error('[admission] getPhoneNumber failed', error)
        throw new DomainError('INVALID_INPUT', t('admission.error.phoneCode'), { phone: t('admission.error.phoneCode') })
      }
      const phone = result?.phoneInfo?.purePhoneNumber ?? result?.phoneInfo?.phoneNumber
      if (!phone) throw new DomainError('INVALID_INPUT', t('admission.error.phoneCode'), { phone: t('admission.error.phoneCode') })
      return phone
    },

    async createInviteCode({ scene, page }): Promise<InviteCodeImage> {
      const code: { buffer: Buffer } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false })
      const uploaded = await cloud.uploadFile({ cloudPath: `invite-codes/${scene}.png`, fileContent: code.buffer })
      const urls = await cloud.getTempFileURL({ fileList: [uploaded.fileID] })
      const imageUrl = urls?.fileList[0]?.tempFileURL ?? uploaded.fileID
      return { imageUrl, fileId: uploaded.fileID, link: null }
    },

    async sendSubscribeMessage(message) {
      await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' })
    },

    async photoLinks(photoIds) {
      const links: Record<string, string> = {}
      for (const fileList of chunks(photoIds.filter((id) => id.startsWith('cloud://')), FILES_PER_STORAGE_CALL)) {
        const result = await cloud.getTempFileURL({ fileList })
        for (const file of result?.fileList ?? []) if (file.tempFileURL) links[file.fileID] = file.tempFileURL
      }
      return links
    },

    async deleteFiles(locations) {
      for (const fileList of chunks(locations.filter((id) => id.startsWith('cloud://')), FILES_PER_STORAGE_CALL)) {
        await cloud.deleteFile({ fileList })
      }
    },
  }
}
