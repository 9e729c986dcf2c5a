/** CloudBase entry of the `group` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { groupFunction } from './handlers'

export const main = cloudbaseMain(groupFunction)
