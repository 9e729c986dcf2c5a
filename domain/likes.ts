/**
 * Likes (点赞) on check-ins: one document per liked check-in, `checkinLikes/<groupId>:<checkinViewId>`, holding
 * the count and who liked it (each liker once, by their opaque per-group member key, with the nickname
 * members already see in the feed). The document's id is deterministic, so concurrent taps meet on it: the
 * like runs in a transaction that reads it and writes it back, and a member already in `likers` changes
 * nothing (liking twice is liking once; unliking twice is unliking once).
 *
 * Why the count lives here and not on the check-in: the check-in document is its author's (the author edits
 * today's note or adds a photo, and the membership keeps a copy of it as `latest`); a like writing there would
 * make every like contend with the author's edit (on CloudBase a conflicting transaction is re-run and, under
 * a burst of likes, fails), and the copy would go stale. Here likes contend only with likes of the same
 * check-in, never with the author, and never with a group-wide document.
 *
 * @example
 *   likesId('g1', 'a1b2…')                                   // 'g1:a1b2…'
 *   withLike(doc, { key: 'm_1', name: '张三-郑州-理财' }, true)  // the doc with one more liker, or null if unchanged
 */
export interface LikerEntry {
  /** The liker's opaque per-group member key (`usecases/member-keys.ts`), never an OPENID. */
  key: string
  /** The liker's nickname (姓名-地区-职业) when they liked. */
  name: string
  at: string
}

export interface CheckinLikesDoc {
  _id: string
  groupId: string
  /** The liked check-in's document id (server side only: it names the author). */
  checkinId: string
  day: string
  count: number
  /** Oldest first; each member at most once. */
  likers: LikerEntry[]
  updatedAt: string
}

export function likesId(groupId: string, checkinViewId: string): string {
  return `${groupId}:${checkinViewId}`
}

/** The likes document after the member likes (`liked`) or unlikes; null when that changes nothing. */
export function withLike(doc: CheckinLikesDoc, liker: LikerEntry, liked: boolean): CheckinLikesDoc | null {
  const present = doc.likers.some((entry) => entry.key === liker.key)
  if (present === liked) return null
  const likers = liked ? [...doc.likers, liker] : doc.likers.filter((entry) => entry.key !== liker.key)
  return { ...doc, likers, count: likers.length, updatedAt: liker.at }
}

/** How many liker names a view carries (the count is exact; the page shows the first names and 「等 n 人」). */
export const LIKER_NAMES_SHOWN = 20
