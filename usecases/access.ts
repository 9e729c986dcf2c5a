/**
 * Who may do what in a group, checked on the server: every use case that acts on a group asks here.
 *
 * @example
 *   const { group, member } = await requireRole(ctx, groupId, ['owner', 'admin'])  // FORBIDDEN otherwise
 */
import { DomainError } from '../domain/errors'
import { memberId, type GroupDoc, type MemberDoc, type Role } from '../domain/group'
import { t } from '../i18n/strings'
import { requireOpenid, type UseCaseContext } from './context'

export async function requireGroup(ctx: UseCaseContext, groupId: string): Promise<GroupDoc> {
  const group = await ctx.store.get('groups', groupId)
  if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
  return group
}

/** The caller's membership of `groupId` with one of `roles`; FORBIDDEN for anyone else. */
export async function requireRole(
  ctx: UseCaseContext,
  groupId: string,
  roles: readonly Role[],
): Promise<{ group: GroupDoc; member: MemberDoc; openid: string }> {
  const openid = requireOpenid(ctx)
  const group = await requireGroup(ctx, groupId)
  const member = await ctx.store.get('members', memberId(groupId, openid))
  if (!member || !roles.includes(member.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
  return { group, member, openid }
}

export const MANAGERS: readonly Role[] = ['owner', 'admin']
export const EVERY_ROLE: readonly Role[] = ['owner', 'admin', 'member']
