/** CloudBase entry of the `admissionPurge` function (timer trigger in config.json). */
import { cloudbaseMain } from '../../platform/cloudbase'
import { admissionPurgeFunction } from './handlers'

export const main = cloudbaseMain(admissionPurgeFunction)
