/**
 * The actions the main package calls (the home page, the group home and the components they show, the
 * WeChat transport), each named by its function and action and typed by its contract — which is imported
 * for its types only. A contract module holds the schemas its subpackage pages use (the apply form
 * validates with `applicationFormSchema`); webpack keeps a module's used exports wherever the module is
 * built, so one value import of `contracts/admission.ts` from the main package would bring valibot and every
 * schema a subpackage uses into every visitor's download. The client sends only `fn` and `action` (the
 * server validates the input); `main-actions.test.ts` holds each equal to its contract.
 *
 * @example
 *   const { state } = usePageData(GET_GROUP_PROFILE, { groupId })   // typed as getGroupProfile
 */
import type { confirmJoined, getApplyPage, getJoinGuide, getPendingCounts } from '../../contracts/admission'
import type { registerPhoto } from '../../contracts/checkin'
import type { AnyAction } from '../../contracts/define'
import type { getGroupProfile, listMyGroups } from '../../contracts/group'

/** The contract `A` as the client uses it: its function and action names (the app build drops schemas anyway). */
function named<A extends AnyAction>(fn: A['fn'], action: string): A {
  return { fn, action } as unknown as A
}

export const LIST_MY_GROUPS = named<typeof listMyGroups>('group', 'listMine')
export const GET_GROUP_PROFILE = named<typeof getGroupProfile>('group', 'getProfile')
export const GET_APPLY_PAGE = named<typeof getApplyPage>('admission', 'getApplyPage')
export const GET_JOIN_GUIDE = named<typeof getJoinGuide>('admission', 'getJoinGuide')
export const CONFIRM_JOINED = named<typeof confirmJoined>('admission', 'confirmJoined')
export const GET_PENDING_COUNTS = named<typeof getPendingCounts>('admission', 'pendingCounts')
export const REGISTER_PHOTO = named<typeof registerPhoto>('checkin', 'registerPhoto')
