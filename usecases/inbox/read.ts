/**
 * The caller's inbox: list their messages (newest first) and mark one or all read. Writing messages is
 * `deliverToInbox` (usecases/inbox/deliver.ts), inside the transaction of the change they tell about.
 *
 * @example
 *   const page = await listInbox(ctx, {})          // then { cursor: page.next } while page.next !== null
 *   await markInboxRead(ctx, { messageId: page.items[0].id })
 */
import type { InboxItem, InboxPage } from '../../contracts/inbox'
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
  return { items: messages.map(toItem), next: nextCursor(cursor, messages.length, total), unread }
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
