/** CloudBase entry of the `reminders` function: timer trigger and the subscribeMessage.send permission in config.json. */
import cloud from 'wx-server-sdk'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createRemindersFunction } from './handlers'

const services = createCloudbaseWechatServices(cloud)

export const main = cloudbaseMain(createRemindersFunction((message) => services.sendSubscribeMessage(message)))
