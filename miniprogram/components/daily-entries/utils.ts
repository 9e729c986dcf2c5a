/**
 * Which daily-loop pages the group page links to, by the viewer's role: members (any role) get check-in,
 * rules and announcements; owners and admins also the publishing page and the group settings. Visitors get none.
 *
 * @example
 *   dailyEntries('g1', 'member').map((e) => e.key)  // ['checkin', 'rules', 'announcements']
 */
import { canManageGroup, type Role } from '../../../domain/group'
import { pageUrl } from '../../../contracts/routes'

export interface DailyEntry {
  key: 'checkin' | 'rules' | 'announcements' | 'tasks' | 'groupSettings'
  label: 'groupEntry.checkin' | 'groupEntry.rules' | 'groupEntry.announcements' | 'groupEntry.tasks' | 'groupSettings.entry'
  url: string
}

export function dailyEntries(groupId: string, viewerRole: Role | null): DailyEntry[] {
  if (viewerRole === null) return []
  const entries: DailyEntry[] = [
    { key: 'checkin', label: 'groupEntry.checkin', url: pageUrl('checkin', { id: groupId }) },
    { key: 'rules', label: 'groupEntry.rules', url: pageUrl('rules', { id: groupId }) },
    { key: 'announcements', label: 'groupEntry.announcements', url: pageUrl('announcements', { id: groupId }) },
  ]
  if (canManageGroup(viewerRole)) entries.push({ key: 'tasks', label: 'groupEntry.tasks', url: pageUrl('tasks', { id: groupId }) })
  if (canManageGroup(viewerRole)) entries.push({ key: 'groupSettings', label: 'groupSettings.entry', url: pageUrl('groupSettings', { id: groupId }) })
  return entries
}
