/**
 * WeChat build transport (picked by Taro for `./transport`): cloud functions through
 * `wx.cloud.callFunction`, photos to cloud storage (under the caller's own path prefix) and then registered
 * with the `checkin` function. WeChat tells the function who the caller is.
 */
import Taro from '@tarojs/taro'
import type { ErrorCode } from '../../domain/errors'
import { t } from '../../i18n/strings'
import { ApiError } from './api-error'
import { REGISTER_PHOTO } from './main-actions'
import { cloudPhotoPath } from './photo-path'
import type { Transport } from './transport-types'

const send: Transport['send'] = async (fn, event) => {
  const response = await Taro.cloud.callFunction({ name: fn, data: { action: event.action, input: event.input } })
  return response.result
}

export const transport: Transport = {
  send,

  async uploadCheckinPhoto(filePath, where) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1] ?? 'jpg'
    const nonce = `${Date.now()}${Math.random().toString(16).slice(2, 10)}`
    const uploaded = await Taro.cloud.uploadFile({ cloudPath: cloudPhotoPath(where.pathPrefix, nonce, extension), filePath })
    // Recorded as the caller's (membership, own path, daily quota); only then may a check-in use it.
    const result = (await send(REGISTER_PHOTO.fn, { action: REGISTER_PHOTO.action, input: { groupId: where.groupId, fileId: uploaded.fileID } })) as
      | { ok?: boolean; data?: { photoId?: string }; error?: { code?: ErrorCode; message?: string } }
      | undefined
    if (result?.ok && result.data?.photoId) return result.data.photoId
    throw new ApiError(result?.error?.code ?? 'INTERNAL', result?.error?.message ?? t('checkin.photoFailed'))
  },
}
