/** CloudBase entry of the `setup` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { setupFunction } from './handlers'

export const main = cloudbaseMain(setupFunction)
