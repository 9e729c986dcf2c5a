/**
 * Likes (点赞) on check-ins: liking and unliking (idempotent, one like per member per check-in), and the like
 * summaries views carry. Where the count lives and why: `domain/likes.ts`.
 *
 * Cost on CloudBase, 3 operations either way: a like of a check-in the page shows as liked already reads the
 * liker's membership and the likes document in a transaction and writes the document back; the first like
 * (the page shows 0) proves the check-in exists with one query on its view id, then reads the membership and
 * creates the document (its deterministic id refused if another first like won, which then runs as a like on
 * it). A repeated like or unlike writes nothing. A page of views reads its likes with one `_id in` query.
 *
 * @example
 *   await likeCheckin(ctx, { groupId: 'g1', checkinId: 'a1b2…', liked: true, knownCount: 2 })  // { count: 3, mine: true, names: [...] }
 */
import type { CheckinView, LikeSummary } from '../contracts/checkin'
import type { CheckinDoc } from '../domain/checkin'
import { DomainError } from '../domain/errors'
import { formatNickname, memberId, type MemberDoc } from '../domain/group'
import { LIKER_NAMES_SHOWN, likedBy, likesId, withLike, type CheckinLikesDoc } from '../domain/likes'
import { t } from '../i18n/strings'
import { StoreConflictError, type Filter, type Store } from '../store/port'
import { EVERY_ROLE, requireRole } from './access'
import { requireOpenid, type UseCaseContext } from './context'

export interface LikeInput {
  groupId: string
  checkinId: string
  liked: boolean
  knownCount?: number
}

/** The check-in's likes doc is missing and the check-in was not looked up yet: look it up, then run again. */
const NEEDS_CHECKIN = Symbol('needs the check-in')

export async function likeCheckin(ctx: UseCaseContext, input: LikeInput): Promise<LikeSummary> {
  const openid = requireOpenid(ctx)
  let target: CheckinDoc | null = null
  // A first like (as far as the page knows) proves the check-in exists before anything is written.
  if (input.liked && !input.knownCount) target = await findCheckin(ctx, input)
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await likeOnce(ctx, input, openid, target)
      if (result !== NEEDS_CHECKIN) return result
      target = await findCheckin(ctx, input)
    } catch (error) {
      // The document was there after all (another first like won, or the page's count was stale): like on it.
      if (error instanceof StoreConflictError && error.id === likesId(input.groupId, input.checkinId) && attempt === 0) {
        target = null
        continue
      }
      throw error
    }
  }
}

async function likeOnce(ctx: UseCaseContext, input: LikeInput, openid: string, target: CheckinDoc | null): Promise<LikeSummary | typeof NEEDS_CHECKIN> {
  const id = likesId(input.groupId, input.checkinId)
  const at = ctx.now().toISOString()
  return ctx.store.transaction(async (tx) => {
    const member = await tx.get('members', memberId(input.groupId, openid))
    if (!member || !EVERY_ROLE.includes(member.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    if (member.groupCopy?.archived) throw new DomainError('CONFLICT', t('participation.error.archived'))
    const key = member.memberKey
    const liker = { key, name: formatNickname(member.intro), at }
    if (target) {
      // The first like, as far as the page knows: create the document with its deterministic id, which the store
      // refuses if it exists (then the caller runs again on the existing one).
      const created = withLike({ _id: id, groupId: input.groupId, checkinId: target._id, day: target.day, count: 0, likers: [], moreKeys: [], updatedAt: at }, liker, true)!
      await tx.create('checkinLikes', created)
      return summaryOf(created, key)
    }
    const existing = await tx.get('checkinLikes', id)
    if (!existing) {
      if (!input.liked) return { count: 0, mine: false, names: [] }
      return NEEDS_CHECKIN
    }
    const next = withLike(existing, liker, input.liked)
    if (next) await tx.set('checkinLikes', next)
    return summaryOf(next ?? existing, key)
  })
}

/** The group's check-in with this view id; NOT_FOUND (after FORBIDDEN for a non-member) when there is none. */
async function findCheckin(ctx: UseCaseContext, input: { groupId: string; checkinId: string }): Promise<CheckinDoc> {
  // `viewId` is optional on the type (check-ins written before likes lack it), which the filter type refuses.
  const where = { groupId: input.groupId, viewId: input.checkinId } as unknown as Filter<CheckinDoc>
  const [doc] = await ctx.store.find('checkins', { where, limit: 1 })
  if (doc) return doc
  // Say "not a member" before anything about the check-in.
  await requireRole(ctx, input.groupId, EVERY_ROLE)
  throw new DomainError('NOT_FOUND', t('checkin.error.checkinNotFound'))
}

export function summaryOf(doc: Pick<CheckinLikesDoc, 'count' | 'likers' | 'moreKeys'> | null, viewerKey: string): LikeSummary {
  if (!doc) return { count: 0, mine: false, names: [] }
  return { count: doc.count, mine: likedBy(doc, viewerKey), names: doc.likers.slice(0, LIKER_NAMES_SHOWN).map((entry) => entry.name) }
}

/**
 * The views the caller has just made, each given its like summary as `viewer` sees it (set on it: a copy of each view
 * with one more field costs more than the rest of the feed's mapping), one query for the lot (none for an empty list).
 */
export async function withLikes(store: Pick<Store, 'find'>, groupId: string, viewer: Pick<MemberDoc, 'memberKey'>, views: CheckinView[]): Promise<CheckinView[]> {
  if (views.length === 0) return views
  const ids = views.map((view) => likesId(groupId, view.id))
  const docs = await store.find('checkinLikes', { where: { _id: { in: ids } }, limit: Math.min(100, ids.length) })
  const byId = new Map(docs.map((doc) => [doc._id, doc]))
  views.forEach((view, index) => {
    view.likes = summaryOf(byId.get(ids[index]) ?? null, viewer.memberKey)
  })
  return views
}
