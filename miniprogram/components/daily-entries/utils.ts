/**
 * Which daily-loop pages the group page links to, by the viewer's role: members (any role) get check-in,
 * rules and announcements (with their unread badges); owners and admins also the three admin pages (daily
 * tasks, announcements, rules). Visitors get none.
 *
 * @example
 *   dailyEntries('g1', 'member').map((e) => e.key)  // ['checkin', 'rules', 'announcements']
 */
import { canManageGroup, type Role } from '../../../domain/group'
import { pageUrl } from '../../../contracts/routes'
import type { BoardBadges } from '../../../contracts/board'
import { badgeText } from '../board-notices/utils'

export interface DailyEntry {
  key: 'checkin' | 'rules' | 'announcements' | 'tasks' | 'manageAnnouncements' | 'manageRules'
  label: 'groupEntry.checkin' | 'groupEntry.rules' | 'groupEntry.announcements' | 'groupEntry.tasks' | 'groupEntry.manageAnnouncements' | 'groupEntry.manageRules'
  url: string
}

/** What an entry's badge says: the unread count on 公告, a dot on 群规 while a version waits to be confirmed. */
export function entryBadge(key: DailyEntry['key'], board: BoardBadges | null | undefined): { count: string } | { dot: true } | null {
  if (!board) return null
  if (key === 'announcements' && board.unreadAnnouncements > 0) return { count: badgeText(board.unreadAnnouncements) }
  if (key === 'rules' && board.rulesToConfirm !== null) return { dot: true }
  return null
}

export function dailyEntries(groupId: string, viewerRole: Role | null): DailyEntry[] {
  if (viewerRole === null) return []
  const entries: DailyEntry[] = [
    { key: 'checkin', label: 'groupEntry.checkin', url: pageUrl('checkin', { id: groupId }) },
    { key: 'rules', label: 'groupEntry.rules', url: pageUrl('rules', { id: groupId }) },
    { key: 'announcements', label: 'groupEntry.announcements', url: pageUrl('announcements', { id: groupId }) },
  ]
  if (canManageGroup(viewerRole)) {
    entries.push(
      { key: 'tasks', label: 'groupEntry.tasks', url: pageUrl('tasks', { id: groupId }) },
      { key: 'manageAnnouncements', label: 'groupEntry.manageAnnouncements', url: pageUrl('manageAnnouncements', { id: groupId }) },
      { key: 'manageRules', label: 'groupEntry.manageRules', url: pageUrl('manageRules', { id: groupId }) },
    )
  }
  return entries
}
