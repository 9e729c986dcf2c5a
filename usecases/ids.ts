/**
 * Ids for documents that have no natural key (audit entries, inbox messages). Documents that must be
 * unique per person/day/group use deterministic ids from the domain instead (e.g. `memberId`).
 *
 * @example
 *   newId('audit') // 'audit_1732329600000_5f0c…'
 */
import { createHash, randomUUID } from 'node:crypto'

export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}_${now.getTime()}_${randomUUID().replace(/-/g, '').slice(0, 12)}`
}

/**
 * The id of what a client's request creates: the same request (the client keeps its `requestId` across
 * retries) always names the same document, so the store's `create` refuses a second one. Scoped by who
 * asked and where, so nobody can aim at another person's document with a guessed request id.
 *
 * @example
 *   requestScopedId('ann', 'g1', 'o_admin', 'r_abc123xyz')   // 'ann_r4f0c…' (24 hex)
 */
export function requestScopedId(prefix: string, groupId: string, openid: string, requestId: string): string {
  return `${prefix}_r${createHash('sha256').update(`${prefix}:${groupId}:${openid}:${requestId}`).digest('hex').slice(0, 24)}`
}
