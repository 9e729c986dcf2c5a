/**
 * Likes (点赞) on check-ins: one document per liked check-in, `checkinLikes/<groupId>:<checkinViewId>`, holding
 * the count and who liked it (each liker once, by their opaque per-group member key). The document's id is
 * deterministic, so concurrent taps meet on it: the like runs in a transaction that reads it and writes it
 * back, and a member already there changes nothing (liking twice is liking once; unliking twice is unliking once).
 *
 * What it keeps of each liker is what views show: the first `LIKER_NAMES_SHOWN` likers with the nickname members
 * already see in the feed (`likers`), every later one by key only (`moreKeys`, about 29 bytes instead of about
 * 100). Every like rewrites the document, so its size is the like's cost: with 100 likers a like took 110 µs on
 * SQLite with a name for each, against 27 µs on a near-empty document. A shown liker who unlikes leaves a free
 * place the next new liker takes; the count is always exact.
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
  /** When they liked: documents written before it was left out (the document's `updatedAt` has the last like). */
  at?: string
}

export interface CheckinLikesDoc {
  _id: string
  groupId: string
  /** The liked check-in's document id (server side only: it names the author). */
  checkinId: string
  day: string
  count: number
  /**
   * Likers with their names, oldest first: at most `LIKER_NAMES_SHOWN` (documents written before `moreKeys`
   * may hold more). Each member at most once, here or in `moreKeys`.
   */
  likers: LikerEntry[]
  /** The keys of the other likers, oldest first (absent on documents written before it). */
  moreKeys?: string[]
  updatedAt: string
}

export function likesId(groupId: string, checkinViewId: string): string {
  return `${groupId}:${checkinViewId}`
}

/** Whether the member with this key likes it. */
export function likedBy(doc: Pick<CheckinLikesDoc, 'likers' | 'moreKeys'>, key: string): boolean {
  return doc.likers.some((entry) => entry.key === key) || (doc.moreKeys ?? []).includes(key)
}

/**
 * The likes document after the member likes (`liked`) or unlikes; null when that changes nothing. A new liker
 * is kept with their name while fewer than `LIKER_NAMES_SHOWN` are, else by key.
 */
export function withLike(doc: CheckinLikesDoc, liker: Required<LikerEntry>, liked: boolean): CheckinLikesDoc | null {
  if (likedBy(doc, liker.key) === liked) return null
  let likers = doc.likers
  let moreKeys = doc.moreKeys ?? []
  if (!liked) {
    likers = likers.filter((entry) => entry.key !== liker.key)
    moreKeys = moreKeys.filter((key) => key !== liker.key)
  } else if (likers.length < LIKER_NAMES_SHOWN) {
    likers = [...likers, { key: liker.key, name: liker.name }]
  } else {
    moreKeys = [...moreKeys, liker.key]
  }
  return { ...doc, likers, moreKeys, count: likers.length + moreKeys.length, updatedAt: liker.at }
}

/** How many liker names a view carries (the count is exact; the page shows the first names and 「等 n 人」). */
export const LIKER_NAMES_SHOWN = 20
