/**
 * Which admission entries the group page shows for a role, and where each leads. Pure (utils.test.ts).
 *
 * @example
 *   admissionEntries('g1', null).map((e) => e.key)     // ['apply', 'inbox']
 *   admissionEntries('g1', 'admin').map((e) => e.key)  // ['review', 'members', 'invite', 'settings', 'joinGuide', 'inbox']
 */
import type { Role } from '../../../domain/group'
import { pageUrl } from '../../../contracts/routes'

export interface AdmissionEntry {
  key: 'apply' | 'review' | 'members' | 'invite' | 'inbox' | 'settings' | 'joinGuide'
  label: 'groupEntry.apply' | 'groupEntry.review' | 'groupEntry.members' | 'groupEntry.invite' | 'groupEntry.inbox' | 'groupEntry.settings' | 'groupEntry.joinGuide'
  url: string
}

export function admissionEntries(groupId: string, role: Role | null): AdmissionEntry[] {
  const apply: AdmissionEntry = { key: 'apply', label: 'groupEntry.apply', url: pageUrl('apply', { id: groupId }) }
  const review: AdmissionEntry = { key: 'review', label: 'groupEntry.review', url: pageUrl('review', { id: groupId }) }
  const members: AdmissionEntry = { key: 'members', label: 'groupEntry.members', url: pageUrl('members', { id: groupId }) }
  const invite: AdmissionEntry = { key: 'invite', label: 'groupEntry.invite', url: pageUrl('invite', { id: groupId }) }
  const inbox: AdmissionEntry = { key: 'inbox', label: 'groupEntry.inbox', url: pageUrl('inbox') }
  const settings: AdmissionEntry = { key: 'settings', label: 'groupEntry.settings', url: pageUrl('admissionSettings', { id: groupId }) }
  if (role === null) return [apply, inbox]
  const joinGuide: AdmissionEntry = { key: 'joinGuide', label: 'groupEntry.joinGuide', url: pageUrl('joinGuide', { id: groupId }) }
  if (role === 'member') return [members, invite, inbox]
  return [review, members, invite, settings, joinGuide, inbox]
}
