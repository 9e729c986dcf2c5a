/**
 * WeChat build transport (picked by Taro for `./transport`): cloud functions through
 * `wx.cloud.callFunction`, photos to cloud storage. WeChat tells the function who the caller is.
 */
import Taro from '@tarojs/taro'
import { cloudPhotoPath } from './photo-path'
import type { Transport } from './transport-types'

export const transport: Transport = {
  async send(fn, event) {
    const response = await Taro.cloud.callFunction({ name: fn, data: { action: event.action, input: event.input } })
    return response.result
  },

  async uploadCheckinPhoto(filePath, where) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1] ?? 'jpg'
    const nonce = `${Date.now()}${Math.random().toString(16).slice(2, 10)}`
    const result = await Taro.cloud.uploadFile({ cloudPath: cloudPhotoPath(where.groupId, where.day, nonce, extension), filePath })
    return result.fileID
  },
}
