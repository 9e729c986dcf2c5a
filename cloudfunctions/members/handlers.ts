/** The `members` function's actions, platform-free: roster, role changes, remove, leave. */
import { changeMemberRole, leaveGroup, listMembers, removeMember, transferOwnership } from '../../contracts/members'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as roles from '../../usecases/roles'

export const membersFunction = createFunctionHandler('members', [
  handle(listMembers, (input, ctx) => roles.listMembers(ctx, input)),
  handle(changeMemberRole, (input, ctx) => roles.changeMemberRole(ctx, input)),
  handle(transferOwnership, (input, ctx) => roles.transferOwnership(ctx, input)),
  handle(removeMember, (input, ctx) => roles.removeMember(ctx, input)),
  handle(leaveGroup, (input, ctx) => roles.leaveGroup(ctx, input)),
])
