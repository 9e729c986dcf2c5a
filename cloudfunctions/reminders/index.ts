/** CloudBase entry of the `reminders` function: timer trigger and the subscribeMessage.send permission in config.json. */
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createRemindersFunction } from './handlers'

export const main = cloudbaseMain(createRemindersFunction(createCloudbaseWechatServices(cloud), SUBSCRIBE_TEMPLATES))
