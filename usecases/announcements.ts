/**
 * Announcement (群公告) use cases: members read them (pinned first, then newest first, paginated, each
 * saying whether the caller has read it; admins also see how many have); admins post, pin and unpin, edit and
 * delete, each written to the audit log in the same transaction. A post also puts itself on the group's
 * recent list (`domain/board.ts`), which is what members' unread badges are counted from.
 *
 * @example
 *   await postAnnouncement(ctx, { groupId: 'g1', title: '本周六线下读书会', body: '…', pinned: true })
 *   (await listAnnouncements(ctx, { groupId: 'g1' })).pinned[0].title  // '本周六线下读书会'
 */
import type { AnnouncementList, AnnouncementView } from '../contracts/board'
import type { PageInput } from '../contracts/fields'
import type { AnnouncementDoc } from '../domain/announcements'
import { dayRuleOf } from '../domain/days'
import { DomainError } from '../domain/errors'
import { canManageGroup, formatNickname } from '../domain/group'
import { t } from '../i18n/strings'
import { recordAudit } from './audit'
import type { UseCaseContext } from './context'
import { newId, requestScopedId } from './ids'
import { StoreConflictError } from '../store/port'
import { pageOf } from './paging'
import { EVERY_ROLE, MANAGERS, requireRole } from './access'
import { announcementReadId, withRecent, withoutRecent } from '../domain/board'

export const ANNOUNCEMENT_PAGE_SIZE = 20
const MAX_PINNED = 20

export async function listAnnouncements(ctx: UseCaseContext, input: { groupId: string } & PageInput): Promise<AnnouncementList> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const cursor = input.cursor ?? 0
  const pinned =
    cursor === 0
      ? await ctx.store.find('announcements', {
          where: { groupId: group._id, pinned: true },
          orderBy: [{ field: 'pinnedAt', direction: 'desc' }],
          limit: MAX_PINNED,
        })
      : []
  const page = await ctx.store.find('announcements', {
    where: { groupId: group._id, pinned: false },
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    skip: cursor,
    limit: ANNOUNCEMENT_PAGE_SIZE + 1,
  })
  const { items, next } = pageOf(page, cursor, ANNOUNCEMENT_PAGE_SIZE)
  const manager = canManageGroup(member.role)
  // Read state only for the group's recent announcements (older ones count as read): one query of the
  // caller's markers by id; admins also get each recent one's read count, one count each.
  const recent = new Set((group.recentAnnouncements ?? []).map((entry) => entry.id))
  const shown = [...pinned, ...items]
  const tracked = shown.filter((doc) => recent.has(doc._id))
  const unreadCandidates = tracked.filter((doc) => doc.authorOpenid !== openid)
  const [marks, counts] = await Promise.all([
    unreadCandidates.length > 0
      ? ctx.store.find('announcementReads', {
          where: { _id: { in: unreadCandidates.map((doc) => announcementReadId(doc._id, openid)) } },
          limit: unreadCandidates.length,
        })
      : Promise.resolve([]),
    manager ? Promise.all(tracked.map((doc) => ctx.store.count('announcementReads', { announcementId: doc._id }))) : Promise.resolve([]),
  ])
  const readIds = new Set(marks.map((mark) => mark.announcementId))
  const readCounts = new Map(manager ? tracked.map((doc, i) => [doc._id, counts[i]]) : [])
  const view = (doc: AnnouncementDoc): AnnouncementView => ({
    ...toView(doc),
    read: !unreadCandidates.some((candidate) => candidate._id === doc._id) || readIds.has(doc._id),
    ...(manager ? { readCount: readCounts.get(doc._id) ?? null } : {}),
  })
  return {
    pinned: pinned.map(view),
    timezone: dayRuleOf(group).timezone,
    items: items.map(view),
    next,
    canManage: manager,
    ...(manager ? { memberCount: group.memberCount } : {}),
  }
}

/**
 * Post an announcement. With the client's `requestId` its id is derived from the request, so a retry (a
 * double tap, a resend after a timeout) meets the first one in the store and answers it: one announcement.
 */
export async function postAnnouncement(
  ctx: UseCaseContext,
  input: { groupId: string; title: string; body: string; pinned: boolean; requestId?: string },
): Promise<AnnouncementView> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const at = ctx.now()
  const doc: AnnouncementDoc = {
    _id: input.requestId ? requestScopedId('ann', group._id, openid, input.requestId) : newId('ann', at),
    groupId: group._id,
    title: input.title.trim(),
    body: input.body.trim(),
    pinned: input.pinned,
    pinnedAt: input.pinned ? at.toISOString() : null,
    authorOpenid: openid,
    authorName: formatNickname(member.intro),
    createdAt: at.toISOString(),
  }
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('announcements', doc)
      // One group-wide write per post, never one per member: members' unread badges read this list.
      const current = await tx.get('groups', group._id)
      if (!current) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
      await tx.update('groups', group._id, { recentAnnouncements: withRecent(current.recentAnnouncements, { id: doc._id, at: doc.createdAt, by: member.memberKey }) })
      await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'announcement.post', detail: { id: doc._id, pinned: doc.pinned }, at })
    })
  } catch (error) {
    if (!(error instanceof StoreConflictError) || error.collection !== 'announcements') throw error
    // The same request again: what it created the first time (deleted since: it stays deleted).
    const first = await ctx.store.get('announcements', doc._id)
    if (!first || first.groupId !== group._id || first.authorOpenid !== openid) throw new DomainError('NOT_FOUND', t('announcements.error.notFound'))
    return toView(first)
  }
  return toView(doc)
}

/** Admins: a new title and text; the audit log keeps who and when. */
export async function editAnnouncement(
  ctx: UseCaseContext,
  input: { groupId: string; announcementId: string; title: string; body: string },
): Promise<AnnouncementView> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const at = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const doc = await tx.get('announcements', input.announcementId)
    if (!doc || doc.groupId !== group._id) throw new DomainError('NOT_FOUND', t('announcements.error.notFound'))
    const patch = { title: input.title.trim(), body: input.body.trim(), editedAt: at.toISOString() }
    await tx.update('announcements', doc._id, patch)
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'announcement.edit', detail: { id: doc._id }, at })
    return toView({ ...doc, ...patch })
  })
}

/** Admins: remove an announcement (a second delete of the same one answers NOT_FOUND). */
export async function deleteAnnouncement(ctx: UseCaseContext, input: { groupId: string; announcementId: string }): Promise<{ deleted: string }> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const at = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const doc = await tx.get('announcements', input.announcementId)
    if (!doc || doc.groupId !== group._id) throw new DomainError('NOT_FOUND', t('announcements.error.notFound'))
    await tx.remove('announcements', doc._id)
    const current = await tx.get('groups', group._id)
    if (current?.recentAnnouncements?.some((entry) => entry.id === doc._id)) {
      await tx.update('groups', group._id, { recentAnnouncements: withoutRecent(current.recentAnnouncements, doc._id) })
    }
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'announcement.delete', detail: { id: doc._id, title: doc.title }, at })
    return { deleted: doc._id }
  })
}

export async function setAnnouncementPinned(
  ctx: UseCaseContext,
  input: { groupId: string; announcementId: string; pinned: boolean },
): Promise<AnnouncementView> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const at = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const doc = await tx.get('announcements', input.announcementId)
    if (!doc || doc.groupId !== group._id) throw new DomainError('NOT_FOUND', t('announcements.error.notFound'))
    const updated: AnnouncementDoc = { ...doc, pinned: input.pinned, pinnedAt: input.pinned ? at.toISOString() : null }
    await tx.update('announcements', doc._id, { pinned: updated.pinned, pinnedAt: updated.pinnedAt })
    await recordAudit(tx, {
      groupId: group._id,
      actorOpenid: openid,
      action: input.pinned ? 'announcement.pin' : 'announcement.unpin',
      detail: { id: doc._id },
      at,
    })
    return toView(updated)
  })
}

function toView(doc: AnnouncementDoc): AnnouncementView {
  return { id: doc._id, title: doc.title, body: doc.body, pinned: doc.pinned, authorName: doc.authorName, createdAt: doc.createdAt, editedAt: doc.editedAt ?? null }
}
