/**
 * The collections the product stores, their document types, and the indexes each query needs.
 * The SQLite adapter creates these indexes; for CloudBase the README lists them to create in the console
 * (the server SDK cannot create indexes), and the `setup` function creates the collections.
 *
 * Add a collection here when a feature needs one; both adapters pick it up.
 */
import type { AuditLogDoc } from '../domain/audit'
import type { GroupDoc, MemberDoc } from '../domain/group'
import type { InboxMessageDoc } from '../domain/inbox'

export interface Collections {
  groups: GroupDoc
  members: MemberDoc
  auditLogs: AuditLogDoc
  inboxMessages: InboxMessageDoc
}

export interface IndexSpec {
  /** Fields in index order, each with its direction. */
  fields: Array<{ field: string; direction: 'asc' | 'desc' }>
  unique?: boolean
}

export const COLLECTION_INDEXES: { [C in keyof Collections]: IndexSpec[] } = {
  groups: [{ fields: [{ field: 'status', direction: 'asc' }] }],
  members: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'joinedAt', direction: 'desc' }] },
    { fields: [{ field: 'openid', direction: 'asc' }] },
  ],
  auditLogs: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'at', direction: 'desc' }] }],
  inboxMessages: [{ fields: [{ field: 'openid', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }] }],
}

export const COLLECTION_NAMES = Object.keys(COLLECTION_INDEXES) as Array<keyof Collections>
