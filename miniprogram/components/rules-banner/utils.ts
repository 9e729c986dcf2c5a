/**
 * Whether the group home shows the 群规已更新，请确认 banner, and where it leads: only to a member whose
 * confirmed rules version is behind the group's.
 *
 * @example
 *   rulesBanner('g1', { unreadAnnouncements: 0, rulesToConfirm: 3 })  // { version: 3, url: '/packages/member/pages/rules/index?id=g1' }
 *   rulesBanner('g1', null)                                           // null (a visitor)
 */
import type { BoardBadges } from '../../../contracts/board'
import { pageUrl } from '../../../contracts/routes'

export function rulesBanner(groupId: string, board: BoardBadges | null | undefined): { version: number; url: string } | null {
  if (!board || board.rulesToConfirm === null) return null
  return { version: board.rulesToConfirm, url: pageUrl('rules', { id: groupId }) }
}
