/**
 * Write an audit entry inside the same transaction as the admin action it records, so the log and
 * the change commit together.
 *
 * @example
 *   await store.transaction(async (tx) => {
 *     ...approve...
 *     await recordAudit(tx, { groupId, actorOpenid, action: 'application.approve', targetOpenid, at: ctx.now() })
 *   })
 */
import { auditEntry, type AuditInput } from '../domain/audit'
import type { Transaction } from '../store/port'
import { newId } from './ids'

export async function recordAudit(tx: Transaction, input: AuditInput): Promise<void> {
  await tx.create('auditLogs', auditEntry(newId('audit', input.at), input))
}
