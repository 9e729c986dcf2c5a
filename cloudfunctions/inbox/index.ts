/** CloudBase entry of the `inbox` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { inboxFunction } from './handlers'

export const main = cloudbaseMain(inboxFunction)
