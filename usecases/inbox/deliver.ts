/**
 * Deliver an inbox message, inside the transaction of the change it tells about. Reading the inbox (the
 * `inbox` function) is usecases/inbox/read.ts.
 *
 * @example
 *   await deliverToInbox(tx, { openid, groupId, kind: 'application.approved', title, body, link, at: ctx.now() })
 */
import type { InboxMessageDoc } from '../../domain/inbox'
import type { Transaction } from '../../store/port'
import { newId } from '../ids'

export interface InboxDelivery {
  openid: string
  groupId: string | null
  kind: string
  title: string
  body: string
  link?: string | null
  at: Date
}

export async function deliverToInbox(tx: Transaction, delivery: InboxDelivery): Promise<InboxMessageDoc> {
  const message: InboxMessageDoc = {
    _id: newId('inbox', delivery.at),
    openid: delivery.openid,
    groupId: delivery.groupId,
    kind: delivery.kind,
    title: delivery.title,
    body: delivery.body,
    link: delivery.link ?? null,
    createdAt: delivery.at.toISOString(),
    readAt: null,
  }
  await tx.create('inboxMessages', message)
  return message
}
