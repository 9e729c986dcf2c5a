/**
 * Announcements (群公告): admins post them, pin and unpin them; members read pinned ones first, then
 * the rest newest first.
 *
 * @example
 *   sortAnnouncements(list) // pinned (most recently pinned first), then newest first
 */
export interface AnnouncementDoc {
  _id: string
  groupId: string
  title: string
  body: string
  pinned: boolean
  /** When it was last pinned; null when not pinned. */
  pinnedAt: string | null
  authorOpenid: string
  authorName: string
  createdAt: string
  /** When an admin last edited it; missing/null when never. */
  editedAt?: string | null
}

export function sortAnnouncements<T extends Pick<AnnouncementDoc, 'pinned' | 'pinnedAt' | 'createdAt'>>(list: T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
    if (a.pinned && b.pinned) return (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '')
    return b.createdAt.localeCompare(a.createdAt)
  })
}
