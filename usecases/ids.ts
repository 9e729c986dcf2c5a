/**
 * Ids for documents that have no natural key (audit entries, inbox messages). Documents that must be
 * unique per person/day/group use deterministic ids from the domain instead (e.g. `memberId`).
 *
 * @example
 *   newId('audit') // 'audit_1732329600000_5f0c…'
 */
import { randomUUID } from 'node:crypto'

export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}_${now.getTime()}_${randomUUID().replace(/-/g, '').slice(0, 12)}`
}
