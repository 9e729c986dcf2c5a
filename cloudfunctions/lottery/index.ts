/** CloudBase entry of the `lottery` function: the timer trigger and the subscribeMessage.send permission in config.json; CSV exports go to cloud storage with a temp link (set the timeout to 20 s in the console: publishing writes one inbox message per member). */
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { CRYPTO_RANDOM } from '../../platform/random'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createLotteryFunction } from './handlers'

export const main = cloudbaseMain(createLotteryFunction({ random: CRYPTO_RANDOM, wechat: createCloudbaseWechatServices(cloud), templates: SUBSCRIBE_TEMPLATES, exports: createCloudbaseExportStorage(cloud) }))
