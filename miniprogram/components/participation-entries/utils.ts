/**
 * Which participation pages the group page links to, by the viewer's role: members (any role) get the
 * leaderboard and their progress; owners and admins also the dashboard. Visitors get none.
 *
 * @example
 *   participationEntries('g1', 'member').map((e) => e.key)  // ['leaderboard', 'progress']
 */
import { canManageGroup, type Role } from '../../../domain/group'
import { pageUrl } from '../../../contracts/routes'

export interface ParticipationEntry {
  key: 'leaderboard' | 'progress' | 'dashboard'
  label: 'pEntry.leaderboard' | 'pEntry.progress' | 'pEntry.dashboard'
  url: string
}

export function participationEntries(groupId: string, viewerRole: Role | null): ParticipationEntry[] {
  if (viewerRole === null) return []
  const entries: ParticipationEntry[] = [
    { key: 'leaderboard', label: 'pEntry.leaderboard', url: pageUrl('leaderboard', { id: groupId }) },
    { key: 'progress', label: 'pEntry.progress', url: pageUrl('progress', { id: groupId }) },
  ]
  if (canManageGroup(viewerRole)) entries.push({ key: 'dashboard', label: 'pEntry.dashboard', url: pageUrl('dashboard', { id: groupId }) })
  return entries
}
