import { confirmJoined, getApplyPage, getJoinGuide, getPendingCounts } from '../../contracts/admission'
import { registerPhoto } from '../../contracts/checkin'
import type { AnyAction } from '../../contracts/define'
import { getGroupProfile, listMyGroups } from '../../contracts/group'
import * as MAIN_ACTIONS from './main-actions'

const names = (contract: AnyAction) => ({ fn: contract.fn, action: contract.action })

describe('the main package’s action names', () => {
  it.each<[string, AnyAction]>([
    ['LIST_MY_GROUPS', listMyGroups],
    ['GET_GROUP_PROFILE', getGroupProfile],
    ['GET_APPLY_PAGE', getApplyPage],
    ['GET_JOIN_GUIDE', getJoinGuide],
    ['CONFIRM_JOINED', confirmJoined],
    ['GET_PENDING_COUNTS', getPendingCounts],
    ['REGISTER_PHOTO', registerPhoto],
  ])('%s names the same function and action as its contract', (name, contract) => {
    expect(names((MAIN_ACTIONS as Record<string, AnyAction>)[name])).toEqual(names(contract))
  })

  it('covers every export (a new one gets a row above)', () => {
    expect(Object.keys(MAIN_ACTIONS).sort()).toEqual(['CONFIRM_JOINED', 'GET_APPLY_PAGE', 'GET_GROUP_PROFILE', 'GET_JOIN_GUIDE', 'GET_PENDING_COUNTS', 'LIST_MY_GROUPS', 'REGISTER_PHOTO'])
  })
})
