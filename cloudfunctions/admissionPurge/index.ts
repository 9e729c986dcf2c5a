/** CloudBase entry of the `admissionPurge` function: timer triggers and the subscribeMessage.send permission in config.json. */
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createAdmissionPurgeFunction } from './handlers'

export const main = cloudbaseMain(createAdmissionPurgeFunction(createCloudbaseWechatServices(cloud), SUBSCRIBE_TEMPLATES))
