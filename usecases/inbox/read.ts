/**
 * The caller's inbox: list their messages (newest first) and mark one or all read. Writing messages is
 * `deliverToInbox` (usecases/inbox/deliver.ts), inside the transaction of the change they tell about.
 *
 * @example
 *   const page = await listInbox(ctx, {})          // then { cursor: page.next } while page.next !== null
 *   await markInboxRead(ctx, { messageId: page.items[0].id })
 */
import type { BoardNotice, InboxItem, InboxPage } from '../../contracts/inbox'
import { MAX_FIND_LIMIT } from '../../store/port'
import { boardBadges } from '../board'
import { DomainError } from '../../domain/errors'
import type { InboxMessageDoc } from '../../domain/inbox'
import { t } from '../../i18n/strings'
import type { PageInput } from '../../contracts/fields'
import { requireOpenid, type UseCaseContext } from '../context'
import { nextCursor } from '../paging'

export const INBOX_PAGE_SIZE = 20

function toItem(message: InboxMessageDoc): InboxItem {
  const { _id, groupId, kind, title, body, link, createdAt, readAt } = message
  return { id: _id, groupId, kind, title, body, link, createdAt, read: readAt !== null }
}

export async function listInbox(ctx: UseCaseContext, input: PageInput): Promise<InboxPage> {
  const openid = requireOpenid(ctx)
  const cursor = input.cursor ?? 0
  const [messages, total, unread] = await Promise.all([
    ctx.store.find('inboxMessages', {
      where: { openid },
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      skip: cursor,
      limit: INBOX_PAGE_SIZE,
    }),
    ctx.store.count('inboxMessages', { openid }),
    ctx.store.count('inboxMessages', { openid, readAt: null }),
  ])
  const board = cursor === 0 ? await boardNotices(ctx, openid) : undefined
  return { items: messages.map(toItem), next: nextCursor(cursor, messages.length, total), unread, ...(board ? { board } : {}) }
}

/**
 * What is new on the boards of the caller's groups. An announcement or a rules version is one group-wide
 * record, not a message per member (a group of 500 would cost 500 writes per publish): the inbox works it
 * out from the caller's memberships and their groups, 2 queries (3 when a membership's confirmed rules
 * version predates its copy on the membership), whatever the size of the groups.
 */
async function boardNotices(ctx: UseCaseContext, openid: string): Promise<BoardNotice[]> {
  const memberships = await ctx.store.find('members', { where: { openid }, orderBy: [{ field: 'joinedAt', direction: 'desc' }], limit: MAX_FIND_LIMIT })
  if (memberships.length === 0) return []
  const groups = await ctx.store.find('groups', { where: { _id: { in: memberships.map((m) => m.groupId) } }, limit: memberships.length })
  const byId = new Map(groups.map((group) => [group._id, group]))
  const entries = memberships.flatMap((member) => {
    const group = byId.get(member.groupId)
    return group ? [{ group, member }] : []
  })
  const badges = await boardBadges(ctx.store, entries)
  return entries.flatMap(({ group }, i) =>
    badges[i].unreadAnnouncements > 0 || badges[i].rulesToConfirm !== null ? [{ groupId: group._id, groupName: group.name, ...badges[i] }] : [],
  )
}

export async function markInboxRead(ctx: UseCaseContext, input: { messageId?: string }): Promise<{ marked: number }> {
  const openid = requireOpenid(ctx)
  const at = ctx.now().toISOString()
  if (input.messageId) {
    const message = await ctx.store.get('inboxMessages', input.messageId)
    if (!message || message.openid !== openid) throw new DomainError('NOT_FOUND', t('inbox.error.notFound'))
    if (message.readAt) return { marked: 0 }
    await ctx.store.update('inboxMessages', message._id, { readAt: at })
    return { marked: 1 }
  }
  const unread = await ctx.store.find('inboxMessages', { where: { openid, readAt: null }, limit: 100 })
  for (const message of unread) await ctx.store.update('inboxMessages', message._id, { readAt: at })
  return { marked: unread.length }
}
