/** CloudBase entry of the `participation` function: the subscribeMessage.send permission in config.json (nudges); exports to cloud storage. */
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { cloudbaseMain } from '../../platform/cloudbase'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createParticipationFunction } from './handlers'

export const main = cloudbaseMain(createParticipationFunction(createCloudbaseWechatServices(cloud), SUBSCRIBE_TEMPLATES, createCloudbaseExportStorage(cloud)))
