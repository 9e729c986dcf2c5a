/** The `members` function's actions, platform-free: roster, role changes, remove, leave. */
import { changeMemberRole, leaveGroup, listMembers, removeMember, transferOwnership } from '../../contracts/members'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as members from '../../usecases/members'

export const membersFunction = createFunctionHandler('members', [
  handle(listMembers, (input, ctx) => members.listMembers(ctx, input)),
  handle(changeMemberRole, (input, ctx) => members.changeMemberRole(ctx, input)),
  handle(transferOwnership, (input, ctx) => members.transferOwnership(ctx, input)),
  handle(removeMember, (input, ctx) => members.removeMember(ctx, input)),
  handle(leaveGroup, (input, ctx) => members.leaveGroup(ctx, input)),
])
