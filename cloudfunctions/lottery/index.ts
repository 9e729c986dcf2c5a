/** CloudBase entry of the `lottery` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { createLotteryFunction } from './handlers'

export const main = cloudbaseMain(createLotteryFunction())
