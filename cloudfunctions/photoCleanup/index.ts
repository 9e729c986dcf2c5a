/** CloudBase entry of the `photoCleanup` function (timer trigger in config.json; deletes files with `cloud.deleteFile`). */
import cloud from 'wx-server-sdk'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createPhotoCleanupFunction } from './handlers'

export const main = cloudbaseMain(createPhotoCleanupFunction(createCloudbaseWechatServices(cloud)))
