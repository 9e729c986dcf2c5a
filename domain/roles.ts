/**
 * Who may change whose place in a group — pure rules, checked by the member use cases on the server.
 * Owner: promotes/demotes admins, transfers ownership, removes anyone but themself.
 * Admin: removes plain members. Member: may only leave. The owner must transfer ownership before leaving.
 *
 * @example
 *   canRemoveMember('admin', 'member') // true
 *   canRemoveMember('admin', 'admin')  // false — only the owner removes admins
 *   canLeave('owner')                  // false — transfer first
 */
import type { Role } from './group'

export function canRemoveMember(actor: Role, target: Role): boolean {
  if (target === 'owner') return false
  if (actor === 'owner') return true
  return actor === 'admin' && target === 'member'
}

/** Only the owner promotes members to admin or demotes admins to member. */
export function canChangeRole(actor: Role, target: Role, to: 'admin' | 'member'): boolean {
  if (actor !== 'owner' || target === 'owner') return false
  return target !== to
}

export function canTransferOwnership(actor: Role, target: Role): boolean {
  return actor === 'owner' && target !== 'owner'
}

export function canLeave(role: Role): boolean {
  return role !== 'owner'
}
