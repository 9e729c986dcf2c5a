/**
 * Member use cases: the roster, promote / demote admins and transfer ownership (owner only), remove
 * members (admins; only the owner removes admins; nobody removes the owner), leave (not the owner).
 * Each change re-reads the actor's and the target's memberships by id inside its transaction, keeps
 * `groups.memberCount` exact, and writes the audit log (and an inbox message to whoever it affects).
 *
 * Members are named by their opaque per-group key (`member-keys.ts`), never by OPENID: the roster carries
 * keys and `isViewer`, and each action first finds the key's member (one query), then works by id.
 *
 * @example
 *   await changeMemberRole(ctx, { groupId, memberKey: 'm_…', role: 'admin' })   // owner only
 *   await removeMember(ctx, { groupId, memberKey: 'm_…', reason: '多次刷屏' })
 */
import { ROSTER_PAGE_SIZE, type RosterMember, type RosterPage } from '../contracts/members'
import { dayRuleOf } from '../domain/days'
import { DomainError } from '../domain/errors'
import { formatNickname, memberId, type GroupDoc, type MemberDoc, type Role } from '../domain/group'
import { canChangeRole, canLeave, canRemoveMember, canTransferOwnership } from '../domain/roles'
import { t } from '../i18n/strings'
import type { Transaction } from '../store/port'
import { recordAudit } from './audit'
import { requireOpenid, type UseCaseContext } from './context'
import { deliverToInbox } from './inbox/deliver'
import { EVERY_ROLE, requireGroup, requireRole } from './access'
import { pageUrl } from '../contracts/routes'
import type { PageInput } from '../contracts/fields'
import { nextCursor } from './paging'
import { memberKey, openidOfMemberKey } from './member-keys'

function toRosterMember(member: MemberDoc, viewer: string): RosterMember {
  return {
    key: memberKey(member.groupId, member.openid),
    isViewer: member.openid === viewer,
    role: member.role,
    nickname: formatNickname(member.intro),
    joinedAt: member.joinedAt,
  }
}

export async function listMembers(ctx: UseCaseContext, input: { groupId: string } & PageInput): Promise<RosterPage> {
  const { group, member: viewer, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const cursor = input.cursor ?? 0
  const [members, total] = await Promise.all([
    ctx.store.find('members', {
      where: { groupId: input.groupId },
      orderBy: [{ field: 'joinedAt', direction: 'asc' }],
      skip: cursor,
      limit: ROSTER_PAGE_SIZE,
    }),
    ctx.store.count('members', { groupId: input.groupId }),
  ])
  const rank: Record<Role, number> = { owner: 0, admin: 1, member: 2 }
  return {
    items: members.map((member) => toRosterMember(member, openid)).sort((a, b) => rank[a.role] - rank[b.role]),
    next: nextCursor(cursor, members.length, total),
    total,
    timezone: dayRuleOf(group).timezone,
    viewerRole: viewer.role,
  }
}

/** Both memberships, read by id inside the transaction; FORBIDDEN / NOT_FOUND as they are now. */
async function actorAndTarget(tx: Transaction, groupId: string, actorOpenid: string, targetOpenid: string) {
  const actor = await tx.get('members', memberId(groupId, actorOpenid))
  if (!actor) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
  const target = await tx.get('members', memberId(groupId, targetOpenid))
  if (!target) throw new DomainError('NOT_FOUND', t('members.error.notMember'))
  return { actor, target }
}

export async function changeMemberRole(
  ctx: UseCaseContext,
  input: { groupId: string; memberKey: string; role: 'admin' | 'member' },
): Promise<RosterMember> {
  const openid = requireOpenid(ctx)
  await requireRole(ctx, input.groupId, ['owner'])
  const targetOpenid = await openidOfMemberKey(ctx.store, input.groupId, input.memberKey)
  const now = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const { actor, target } = await actorAndTarget(tx, input.groupId, openid, targetOpenid)
    if (actor.role !== 'owner') throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    if (!canChangeRole(actor.role, target.role, input.role)) throw new DomainError('CONFLICT', t('members.error.roleUnchanged'))
    await tx.update('members', target._id, { role: input.role })
    await recordAudit(tx, {
      groupId: input.groupId,
      actorOpenid: openid,
      action: input.role === 'admin' ? 'member.promote' : 'member.demote',
      targetOpenid: target.openid,
      detail: { from: target.role, to: input.role },
      at: now,
    })
    return toRosterMember({ ...target, role: input.role }, openid)
  })
}

export async function transferOwnership(ctx: UseCaseContext, input: { groupId: string; memberKey: string }): Promise<{ ownerKey: string }> {
  const openid = requireOpenid(ctx)
  await requireRole(ctx, input.groupId, ['owner'])
  const targetOpenid = await openidOfMemberKey(ctx.store, input.groupId, input.memberKey)
  const now = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const { actor, target } = await actorAndTarget(tx, input.groupId, openid, targetOpenid)
    if (actor.role !== 'owner') throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    if (!canTransferOwnership(actor.role, target.role)) throw new DomainError('CONFLICT', t('members.error.roleUnchanged'))
    await tx.update('members', target._id, { role: 'owner' })
    await tx.update('members', actor._id, { role: 'admin' })
    await tx.update('groups', input.groupId, { ownerOpenid: target.openid })
    await recordAudit(tx, { groupId: input.groupId, actorOpenid: openid, action: 'member.transferOwnership', targetOpenid: target.openid, at: now })
    const group = await tx.get('groups', input.groupId)
    await deliverToInbox(tx, {
      openid: target.openid,
      groupId: input.groupId,
      kind: 'member.owner',
      title: t('members.inbox.ownerTitle', { group: group?.name ?? '' }),
      body: t('members.inbox.ownerBody'),
      link: pageUrl('members', { id: input.groupId }),
      at: now,
    })
    return { ownerKey: memberKey(input.groupId, target.openid) }
  })
}

export async function removeMember(
  ctx: UseCaseContext,
  input: { groupId: string; memberKey: string; reason: string },
): Promise<{ memberCount: number }> {
  const openid = requireOpenid(ctx)
  await requireRole(ctx, input.groupId, ['owner', 'admin'])
  const targetOpenid = await openidOfMemberKey(ctx.store, input.groupId, input.memberKey)
  if (targetOpenid === openid) throw new DomainError('CONFLICT', t('members.error.removeSelf'))
  const now = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const { actor, target } = await actorAndTarget(tx, input.groupId, openid, targetOpenid)
    if (!canRemoveMember(actor.role, target.role)) throw new DomainError('FORBIDDEN', t('members.error.cannotRemove'))
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    await tx.update('groups', group._id, { memberCount: group.memberCount - 1 })
    await removalWrites(tx, { group, actorOpenid: openid, target, reason: input.reason, at: now })
    return { memberCount: group.memberCount - 1 }
  })
}

/** A removal's writes in its transaction (the member count is the caller's): the membership, the audit entry, the removed member's inbox message with the reason. */
async function removalWrites(tx: Transaction, input: { group: GroupDoc; actorOpenid: string; target: MemberDoc; reason: string; at: Date }): Promise<void> {
  const { group, target, at } = input
  const reason = input.reason.trim() || null
  await tx.remove('members', target._id)
  await recordAudit(tx, { groupId: group._id, actorOpenid: input.actorOpenid, action: 'member.remove', targetOpenid: target.openid, detail: { reason }, at })
  await deliverToInbox(tx, {
    openid: target.openid,
    groupId: group._id,
    kind: 'member.removed',
    title: t('members.inbox.removedTitle', { group: group.name }),
    body: reason ? t('members.inbox.removedBody', { reason }) : t('members.inbox.removedNoReason'),
    at,
  })
}

/** Removals per transaction in a batch (each is 1 read and 3 writes). */
export const REMOVAL_CHUNK = 10

/**
 * Remove several members (at most 50) by roster key with one reason, the same removal as `removeMember`: in
 * transactions of up to `REMOVAL_CHUNK`, each re-reading the actor's role, the group and the targets by id,
 * writing the member count once. Keys that are not members, the actor, or members the actor may not remove
 * (the owner; admins unless the actor is the owner) are reported in `skipped`; nothing else is refused.
 */
export async function removeMembers(
  ctx: UseCaseContext,
  input: { groupId: string; memberKeys: string[]; reason: string },
): Promise<{ done: number; skipped: string[]; memberCount: number }> {
  const openid = requireOpenid(ctx)
  const { group: before } = await requireRole(ctx, input.groupId, ['owner', 'admin'])
  const keys = [...new Set(input.memberKeys)]
  const found = await ctx.store.find('members', { where: { groupId: input.groupId, memberKey: { in: keys } }, limit: keys.length })
  const openidByKey = new Map(found.map((member) => [member.memberKey, member.openid]))
  const skipped = keys.filter((key) => !openidByKey.has(key) || openidByKey.get(key) === openid)
  const targets = keys.filter((key) => !skipped.includes(key)).map((key) => ({ key, openid: openidByKey.get(key)! }))
  const now = ctx.now()
  let done = 0
  let memberCount = before.memberCount
  for (let i = 0; i < targets.length; i += REMOVAL_CHUNK) {
    const chunk = targets.slice(i, i + REMOVAL_CHUNK)
    const result = await ctx.store.transaction(async (tx) => {
      const actor = await tx.get('members', memberId(input.groupId, openid))
      if (!actor || (actor.role !== 'owner' && actor.role !== 'admin')) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
      const group = await tx.get('groups', input.groupId)
      if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
      const members = await Promise.all(chunk.map((target) => tx.get('members', memberId(input.groupId, target.openid))))
      const chunkSkipped: string[] = []
      let removed = 0
      for (const [j, target] of members.entries()) {
        if (!target || !canRemoveMember(actor.role, target.role)) {
          chunkSkipped.push(chunk[j].key)
          continue
        }
        await removalWrites(tx, { group, actorOpenid: openid, target, reason: input.reason, at: now })
        removed++
      }
      if (removed > 0) await tx.update('groups', group._id, { memberCount: group.memberCount - removed })
      return { removed, skipped: chunkSkipped, memberCount: group.memberCount - removed }
    })
    done += result.removed
    skipped.push(...result.skipped)
    memberCount = result.memberCount
  }
  return { done, skipped, memberCount }
}

export async function leaveGroup(ctx: UseCaseContext, input: { groupId: string }): Promise<{ memberCount: number }> {
  const openid = requireOpenid(ctx)
  await requireGroup(ctx, input.groupId)
  const now = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const member = await tx.get('members', memberId(input.groupId, openid))
    if (!member) throw new DomainError('NOT_FOUND', t('members.error.notMember'))
    if (!canLeave(member.role)) throw new DomainError('CONFLICT', t('members.error.ownerMustTransfer'))
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    await tx.remove('members', member._id)
    await tx.update('groups', group._id, { memberCount: group.memberCount - 1 })
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'member.leave', targetOpenid: openid, at: now })
    return { memberCount: group.memberCount - 1 }
  })
}
