/**
 * Which admission entries the group page shows for a role, and where each leads. Pure (utils.test.ts).
 *
 * @example
 *   admissionEntries('g1', null).map((e) => e.key)     // ['apply', 'inbox']
 *   admissionEntries('g1', 'admin').map((e) => e.key)  // ['review', 'members', 'invite', 'settings', 'inbox']
 */
import type { Role } from '../../../domain/group'
import type { StringKey } from '../../../i18n/strings'

export interface AdmissionEntry {
  key: 'apply' | 'review' | 'members' | 'invite' | 'inbox' | 'settings'
  label: StringKey
  url: string
}

export function admissionEntries(groupId: string, role: Role | null): AdmissionEntry[] {
  const id = encodeURIComponent(groupId)
  const apply: AdmissionEntry = { key: 'apply', label: 'groupEntry.apply', url: `/pages/apply/index?id=${id}` }
  const review: AdmissionEntry = { key: 'review', label: 'groupEntry.review', url: `/pages/review/index?id=${id}` }
  const members: AdmissionEntry = { key: 'members', label: 'groupEntry.members', url: `/pages/members/index?id=${id}` }
  const invite: AdmissionEntry = { key: 'invite', label: 'groupEntry.invite', url: `/pages/invite/index?id=${id}` }
  const inbox: AdmissionEntry = { key: 'inbox', label: 'groupEntry.inbox', url: '/pages/inbox/index' }
  const settings: AdmissionEntry = { key: 'settings', label: 'groupEntry.settings', url: `/pages/admission-settings/index?id=${id}` }
  if (role === null) return [apply, inbox]
  if (role === 'member') return [members, invite, inbox]
  return [review, members, invite, settings, inbox]
}
