/** CloudBase entry of the `members` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { membersFunction } from './handlers'

export const main = cloudbaseMain(membersFunction)
