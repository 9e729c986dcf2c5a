/** CloudBase entry of the `checkin` function, with cloud storage for the photo links. */
import cloud from 'wx-server-sdk'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createCheckinFunction } from './handlers'

export const main = cloudbaseMain(createCheckinFunction(createCloudbaseWechatServices(cloud)))
