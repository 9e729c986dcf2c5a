/**
 * Announcement (群公告) use cases: members read them (pinned first, then newest first, paginated);
 * admins post, pin and unpin, each written to the audit log in the same transaction.
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
import { newId } from './ids'
import { pageOf } from './paging'
import { EVERY_ROLE, MANAGERS, requireRole } from './access'

export const ANNOUNCEMENT_PAGE_SIZE = 20
const MAX_PINNED = 20

export async function listAnnouncements(ctx: UseCaseContext, input: { groupId: string } & PageInput): Promise<AnnouncementList> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
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
  return {
    pinned: pinned.map(toView),
    timezone: dayRuleOf(group).timezone,
    items: items.map(toView),
    next,
    canManage: canManageGroup(member.role),
  }
}

export async function postAnnouncement(
  ctx: UseCaseContext,
  input: { groupId: string; title: string; body: string; pinned: boolean },
): Promise<AnnouncementView> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const at = ctx.now()
  const doc: AnnouncementDoc = {
    _id: newId('ann', at),
    groupId: group._id,
    title: input.title.trim(),
    body: input.body.trim(),
    pinned: input.pinned,
    pinnedAt: input.pinned ? at.toISOString() : null,
    authorOpenid: openid,
    authorName: formatNickname(member.intro),
    createdAt: at.toISOString(),
  }
  await ctx.store.transaction(async (tx) => {
    await tx.create('announcements', doc)
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'announcement.post', detail: { id: doc._id, pinned: doc.pinned }, at })
  })
  return toView(doc)
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
  return { id: doc._id, title: doc.title, body: doc.body, pinned: doc.pinned, authorName: doc.authorName, createdAt: doc.createdAt }
}
