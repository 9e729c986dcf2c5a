/**
 * Opaque per-group member keys: what pages use to name a member (the roster, the member actions) instead of
 * the platform identity. A key is `m_` + 24 hex of sha256(groupId, OPENID): stable, different in every
 * group, and it does not give the OPENID back. Each membership stores its key (`MemberDoc.memberKey`), so an
 * action finds the member with one query on (groupId, memberKey), then works by id as before.
 *
 * Also `opaqueViewId`: a view id for documents whose `_id` contains an OPENID (check-ins), so lists shown to
 * other members do not carry it.
 *
 * @example
 *   memberKey('g1', 'o_alice')                                  // 'm_3f1c…' (24 hex)
 *   await openidOfMemberKey(store, 'g1', 'm_3f1c…')             // 'o_alice', or NOT_FOUND
 */
import { createHash } from 'node:crypto'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'

export function memberKey(groupId: string, openid: string): string {
  return `m_${createHash('sha256').update(`member:${groupId}:${openid}`).digest('hex').slice(0, 24)}`
}

/** The OPENID of the group's member with this key; NOT_FOUND when nobody in the group has it. */
export async function openidOfMemberKey(store: Store, groupId: string, key: string): Promise<string> {
  const [member] = await store.find('members', { where: { groupId, memberKey: key }, limit: 1 })
  if (!member) throw new DomainError('NOT_FOUND', t('members.error.notMember'))
  return member.openid
}

/**
 * Give every membership without a `memberKey` its key (data written before keys existed): pages of
 * memberships whose key is missing, one update each, until none is left.
 */
export async function backfillMemberKeys(store: Store): Promise<{ updated: number }> {
  let updated = 0
  for (;;) {
    // Older documents lack the field, which the type says every membership has; equality with null matches
    // a missing field (store/port.ts), hence the cast.
    const missing = null as unknown as string
    const page = await store.find('members', { where: { memberKey: missing }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 })
    if (page.length === 0) return { updated }
    for (const member of page) {
      await store.update('members', member._id, { memberKey: memberKey(member.groupId, member.openid) })
      updated++
    }
  }
}

/** A stable id for a view of a document whose `_id` names a person: 24 hex of its hash. */
export function opaqueViewId(docId: string): string {
  return createHash('sha256').update(`view:${docId}`).digest('hex').slice(0, 24)
}
