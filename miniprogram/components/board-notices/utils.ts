/**
 * How what is new on a group's board reads, wherever it shows (my groups, the inbox, the group home's
 * entries): the badge's text and the short lines of a group's notice.
 *
 * @example
 *   badgeText(3)                                               // '3'
 *   badgeText(20)                                              // '20+' (the group remembers 20)
 *   noticeLines({ unreadAnnouncements: 2, rulesToConfirm: 3 })  // ['2 条新公告', '群规待确认']
 */
import type { BoardBadges } from '../../../contracts/board'
import { RECENT_ANNOUNCEMENTS } from '../../../domain/board'
import { t } from '../../../i18n/strings'

/** The unread count on a badge: '' for none, '20+' when every remembered announcement is unread. */
export function badgeText(count: number): string {
  if (count <= 0) return ''
  return count >= RECENT_ANNOUNCEMENTS ? `${RECENT_ANNOUNCEMENTS}+` : String(count)
}

/** One line per kind of news, announcements first; none when nothing is new. */
export function noticeLines(board: BoardBadges | null | undefined): string[] {
  if (!board) return []
  const lines: string[] = []
  if (board.unreadAnnouncements > 0) lines.push(t('board.unreadAnnouncements', { count: badgeText(board.unreadAnnouncements) }))
  if (board.rulesToConfirm !== null) lines.push(t('board.rulesToConfirm'))
  return lines
}
