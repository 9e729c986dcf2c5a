/** CloudBase entry of the `board` function. */
import { cloudbaseMain } from '../../platform/cloudbase'
import { boardFunction } from './handlers'

export const main = cloudbaseMain(boardFunction)
