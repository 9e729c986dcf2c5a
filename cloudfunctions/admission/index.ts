/** CloudBase entry of the `admission` function, with the openapi-backed WeChat services (see config.json). */
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createAdmissionFunction } from './handlers'

export const main = cloudbaseMain(createAdmissionFunction(createCloudbaseWechatServices(cloud), SUBSCRIBE_TEMPLATES))
