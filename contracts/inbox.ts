/**
 * Contracts of the `inbox` cloud function: the caller's in-app messages (decisions on applications,
 * removals, …), newest first, and marking them read.
 *
 * @example
 *   const page = await callAction(listInbox, {})   // { items, next, unread }
 *   await callAction(markInboxRead, { messageId: page.items[0].id })
 */
import * as v from 'valibot'
import { t } from '../i18n/strings'
import type { BoardBadges } from './board'
import { defineAction } from './define'
import { cursorSchema, type Page } from './fields'

export interface InboxItem {
  id: string
  groupId: string | null
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  read: boolean
}

/** One group with something new on its board: one group-wide notice, not a message per member. */
export interface BoardNotice extends BoardBadges {
  groupId: string
  groupName: string
}

export interface InboxPage extends Page<InboxItem> {
  unread: number
  /** First page only: the caller's groups with unread announcements or rules to confirm. */
  board?: BoardNotice[]
}

export const listInbox = defineAction<InboxPage>()(
  'inbox',
  'list',
  v.object({ cursor: cursorSchema }),
)

/** One message by id, or every unread one when `messageId` is left out. */
export const markInboxRead = defineAction<{ marked: number }>()(
  'inbox',
  'markRead',
  v.object({ messageId: v.optional(v.pipe(v.string(t('validate.invalid')), v.regex(/^inbox_[A-Za-z0-9_]{1,64}$/, t('validate.invalid')))) }),
)
