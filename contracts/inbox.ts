/**
 * Contracts of the `inbox` cloud function: the caller's in-app messages (decisions on applications,
 * removals, …), newest first, and marking them read.
 *
 * @example
 *   const page = await callAction(listInbox, { offset: 0 })   // { items, unread, hasMore }
 *   await callAction(markInboxRead, { messageId: page.items[0].id })
 */
import * as v from 'valibot'
import { t } from '../i18n/strings'
import { defineAction } from './define'

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

export interface InboxPage {
  items: InboxItem[]
  unread: number
  offset: number
  hasMore: boolean
}

export const listInbox = defineAction<InboxPage>()(
  'inbox',
  'list',
  v.object({ offset: v.optional(v.pipe(v.number(t('validate.invalid')), v.integer(), v.minValue(0), v.maxValue(10000)), 0) }),
)

/** One message by id, or every unread one when `messageId` is left out. */
export const markInboxRead = defineAction<{ marked: number }>()(
  'inbox',
  'markRead',
  v.object({ messageId: v.optional(v.pipe(v.string(t('validate.invalid')), v.regex(/^inbox_[A-Za-z0-9_]{1,64}$/, t('validate.invalid')))) }),
)
