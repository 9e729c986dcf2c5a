/**
 * Editing a check-in: its author changes today's note or adds a photo to today's check-in (the group's day;
 * another day's, or anyone else's, cannot be addressed at all: the id is the caller's own for today).
 *
 * One transaction: the membership (role, the archived state, and `checkin.latest`, which is today's check-in
 * when the member checked in today, so it is not read again), the photo record when one is added (the
 * caller's own unused upload, `usecases/photos.ts`), then the check-in updated field by field, the membership's
 * copy kept in step and, for an added photo, an audit entry: a picture that appears in the feed after members
 * saw the check-in is what a moderator asks about. A note edit is 3 operations, adding a photo 6. Likes live
 * elsewhere (`domain/likes.ts`), so an edit never contends with them.
 *
 * @example
 *   await editTodaysCheckin(ctx, { groupId: 'g1', note: '读完第 3、4 章' }, storage)   // the view, with editedAt
 */
import type { CheckinView } from '../contracts/checkin'
import { checkinId, type CheckinDoc } from '../domain/checkin'
import { todayKey } from '../domain/days'
import { DomainError } from '../domain/errors'
import { memberId } from '../domain/group'
import { t } from '../i18n/strings'
import type { Patch } from '../store/port'
import { EVERY_ROLE } from './access'
import { recordAudit } from './audit'
import { toCheckinView } from './checkin'
import { requireOpenid, type UseCaseContext } from './context'
import { groupDayRule } from './group-cache'
import { claimPhoto, photoLinksFor, readOwnUnusedPhoto, type PhotoStorage } from './photos'

export async function editTodaysCheckin(
  ctx: UseCaseContext,
  input: { groupId: string; note?: string; photoFileId?: string },
  storage: PhotoStorage,
): Promise<CheckinView> {
  const openid = requireOpenid(ctx)
  const rule = await groupDayRule(ctx.store, input.groupId)
  const now = ctx.now()
  const today = todayKey(now, rule)
  const id = checkinId(input.groupId, openid, today)
  const doc = await ctx.store.transaction(async (tx) => {
    const member = await tx.get('members', memberId(input.groupId, openid))
    if (!member || !EVERY_ROLE.includes(member.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    if (member.groupCopy?.archived) throw new DomainError('CONFLICT', t('participation.error.archived'))
    const latest = member.checkin?.latest
    const current: CheckinDoc | null = latest && latest._id === id ? latest : member.checkin && member.checkin.lastDay !== today ? null : await tx.get('checkins', id)
    if (!current) throw new DomainError('NOT_FOUND', t('checkin.error.notCheckedInToday'))

    const patch: Patch<CheckinDoc> = {}
    const note = input.note?.trim()
    if (note !== undefined && note !== current.note) patch.note = note
    if (input.photoFileId !== undefined && input.photoFileId !== current.photoFileId) {
      if (current.photoFileId) throw new DomainError('CONFLICT', t('checkin.error.hasPhoto'), { photoFileId: t('checkin.error.hasPhoto') })
      const photo = await readOwnUnusedPhoto(tx, { groupId: input.groupId, openid, photoId: input.photoFileId })
      await claimPhoto(tx, photo, id)
      patch.photoFileId = input.photoFileId
    }
    if (Object.keys(patch).length === 0) return current
    patch.editedAt = now.toISOString()
    const edited: CheckinDoc = { ...current, ...patch }
    await tx.update('checkins', id, patch)
    if (member.checkin && latest && latest._id === id) await tx.update('members', member._id, { checkin: { ...member.checkin, latest: edited } })
    if (patch.photoFileId) {
      await recordAudit(tx, { groupId: input.groupId, actorOpenid: openid, action: 'checkin.photoAdded', targetOpenid: openid, detail: { day: today }, at: now })
    }
    return edited
  })
  const links = await photoLinksFor(storage, [doc.photoFileId], now)
  return toCheckinView(doc, openid, links)
}
