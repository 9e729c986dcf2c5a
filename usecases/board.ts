/**
 * What is new on the board for the caller (unread announcements, a rules version to confirm) and marking
 * announcements read. The rules are `domain/board.ts`; here is only what it costs to know them:
 *
 * - the badges come from the group and the membership that the group home, my groups and the inbox read
 *   anyway; only a membership whose own copy of the confirmed rules version is behind (confirmed before
 *   that copy existed) costs one more read, one query for all of the caller's groups;
 * - marking read writes one marker per announcement read and the membership's `boardSeenAt`, in one
 *   transaction: 3 operations plus one per announcement.
 *
 * @example
 *   const [badges] = await boardBadges(ctx.store, [{ group, member }])   // { unreadAnnouncements: 2, rulesToConfirm: 3 }
 *   await markAnnouncementsRead(ctx, { groupId: 'g1', announcementIds: ['ann_…'] })   // { marked: 1 }
 */
import type { BoardBadges } from '../contracts/board'
import { announcementReadId, rulesToConfirm, unreadAnnouncements } from '../domain/board'
import { memberId, type GroupDoc, type MemberDoc } from '../domain/group'
import { rulesAckId } from '../domain/rules'
import type { Store } from '../store/port'
import { EVERY_ROLE, requireRole } from './access'
import type { UseCaseContext } from './context'

/** The badges of each (group, membership) pair, in order: at most one query, none when every copy is current. */
export async function boardBadges(store: Store, entries: Array<{ group: GroupDoc; member: MemberDoc }>): Promise<BoardBadges[]> {
  const behind = entries.filter(({ group, member }) => rulesToConfirm(group.rules.version, member.rulesAck?.version) !== null)
  const acks = new Map<string, number>()
  if (behind.length > 0) {
    const ids = behind.map(({ member }) => rulesAckId(member.groupId, member.openid))
    const stored = await store.find('ruleAcks', { where: { _id: { in: ids } }, limit: ids.length })
    for (const ack of stored) acks.set(ack.groupId, ack.version)
  }
  return entries.map(({ group, member }) => ({
    unreadAnnouncements: unreadAnnouncements(group.recentAnnouncements, member),
    rulesToConfirm: rulesToConfirm(group.rules.version, Math.max(member.rulesAck?.version ?? 0, acks.get(group._id) ?? 0)),
  }))
}

/**
 * The caller has read these announcements: a marker for each that is among the group's recent ones and not
 * their own (others are ignored), and the unread badge starts over from now.
 */
export async function markAnnouncementsRead(ctx: UseCaseContext, input: { groupId: string; announcementIds: string[] }): Promise<{ marked: number }> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const at = ctx.now().toISOString()
  const recent = new Map((group.recentAnnouncements ?? []).map((entry) => [entry.id, entry]))
  const ids = [...new Set(input.announcementIds)].filter((id) => {
    const entry = recent.get(id)
    return entry !== undefined && entry.by !== member.memberKey
  })
  await ctx.store.transaction(async (tx) => {
    for (const id of ids) {
      await tx.set('announcementReads', { _id: announcementReadId(id, openid), groupId: group._id, announcementId: id, openid, readAt: at })
    }
    await tx.update('members', memberId(group._id, openid), { boardSeenAt: at })
  })
  return { marked: ids.length }
}
