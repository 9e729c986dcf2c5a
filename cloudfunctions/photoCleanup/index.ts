/**
 * CloudBase entry of the `photoCleanup` function (timer triggers in config.json; deletes photo uploads and
 * expired export files with `cloud.deleteFile`).
 */
import cloud from 'wx-server-sdk'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createPhotoCleanupFunction } from './handlers'

export const main = cloudbaseMain(createPhotoCleanupFunction(createCloudbaseWechatServices(cloud), createCloudbaseExportStorage(cloud)))
