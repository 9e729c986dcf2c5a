/** CloudBase entry of the `tally` function: the hourly timer trigger in config.json. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { tallyFunction } from './handlers'

export const main = cloudbaseMain(tallyFunction)
