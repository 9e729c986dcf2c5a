/** CloudBase entry of the `checkin` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { checkinFunction } from './handlers'

export const main = cloudbaseMain(checkinFunction)
