/**
 * What is new on a group's board for one member: unread announcements and a rules version to confirm.
 *
 * A publish is one group-wide write, never one write per member: the group document keeps the latest
 * announcements' ids and times (`GroupDoc.recentAnnouncements`, at most RECENT_ANNOUNCEMENTS), and each
 * member keeps when they last opened the announcements (`MemberDoc.boardSeenAt`) and the rules version they
 * confirmed (`MemberDoc.rulesAck`). Every page that reads the group and the membership anyway (the group
 * home, my groups, the inbox) works the badges out from those two documents at no extra cost.
 *
 * Who read which announcement (for the admins' count) is one marker per member and announcement,
 * `announcementReads/<announcementId>:<openid>`, written by the reader and counted when an admin looks;
 * nothing group-wide is written per read.
 *
 * @example
 *   unreadAnnouncements(group.recentAnnouncements, member)   // 2
 *   rulesToConfirm(group.rules.version, member.rulesAck?.version)  // 3, or null when confirmed
 */

/** How many of the latest announcements the group document remembers (the badge shows "20+" beyond). */
export const RECENT_ANNOUNCEMENTS = 20

/** One announcement in the group document's recent list. */
export interface RecentAnnouncement {
  id: string
  /** When it was posted (ISO). */
  at: string
  /** The author's opaque member key: their own post is never unread for them. */
  by: string
}

/** One member has read one announcement: `<announcementId>:<openid>`, created once. */
export interface AnnouncementReadDoc {
  _id: string
  groupId: string
  announcementId: string
  openid: string
  readAt: string
}

export function announcementReadId(announcementId: string, openid: string): string {
  return `${announcementId}:${openid}`
}

/** The recent list with a new announcement on top (a retried post already in it changes nothing). */
export function withRecent(list: RecentAnnouncement[] | undefined, entry: RecentAnnouncement): RecentAnnouncement[] {
  const rest = (list ?? []).filter((item) => item.id !== entry.id)
  return [entry, ...rest].sort((a, b) => b.at.localeCompare(a.at)).slice(0, RECENT_ANNOUNCEMENTS)
}

export function withoutRecent(list: RecentAnnouncement[] | undefined, id: string): RecentAnnouncement[] {
  return (list ?? []).filter((item) => item.id !== id)
}

/** The reader's side of the board: when they last opened the announcements, their key, when they joined. */
export interface BoardReader {
  memberKey: string
  joinedAt: string
  boardSeenAt?: string | null
}

/** Announcements posted since the member last looked (or joined), not by them; at most RECENT_ANNOUNCEMENTS. */
export function unreadAnnouncements(list: RecentAnnouncement[] | undefined, reader: BoardReader): number {
  const since = reader.boardSeenAt && reader.boardSeenAt > reader.joinedAt ? reader.boardSeenAt : reader.joinedAt
  return (list ?? []).filter((item) => item.at > since && item.by !== reader.memberKey).length
}

/** The rules version the member is asked to confirm, or null when they have confirmed the current one. */
export function rulesToConfirm(currentVersion: number, acknowledgedVersion: number | null | undefined): number | null {
  return (acknowledgedVersion ?? 0) >= currentVersion ? null : currentVersion
}
