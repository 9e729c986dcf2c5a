/**
 * Upload one check-in photo and get the id the `checkin` function accepts:
 * - weapp: `Taro.cloud.uploadFile` to cloud storage → the `cloud://…` fileID;
 * - h5: `POST /api/_upload` to the local runtime (image bytes as the body, the image type as Content-Type,
 *   the dev persona in `X-WX-OPENID`) → `local:<hex>.<ext>`, served back under `/uploads/`.
 *
 * @example
 *   const id = await uploadCheckinPhoto(tempFilePath, { groupId, day })
 */
import Taro from '@tarojs/taro'
import { t } from '../../i18n/strings'
import { cloudPhotoPath } from '../pages/checkin/utils'
import { ApiError } from './client'
import { currentPersonaOpenid } from './dev-session'

export async function uploadCheckinPhoto(filePath: string, where: { groupId: string; day: string }): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1] ?? 'jpg'
    const nonce = `${Date.now()}${Math.random().toString(16).slice(2, 10)}`
    const result = await Taro.cloud.uploadFile({ cloudPath: cloudPhotoPath(where.groupId, where.day, nonce, extension), filePath })
    return result.fileID
  }
  const blob = await (await fetch(filePath)).blob()
  const headers: Record<string, string> = { 'Content-Type': blob.type || 'application/octet-stream' }
  const openid = await currentPersonaOpenid()
  if (openid) headers['X-WX-OPENID'] = openid
  const response = await fetch('/api/_upload', { method: 'POST', body: blob, headers })
  const body = (await response.json().catch(() => null)) as { ok?: boolean; data?: { id?: string }; error?: { message?: string } } | null
  if (body?.ok && body.data?.id) return body.data.id
  throw new ApiError('INVALID_INPUT', body?.error?.message ?? t('checkin.photoFailed'))
}
