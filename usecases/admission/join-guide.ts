/**
 * Into the WeChat group after approval: the admins set how (the group's QR image, valid 7 days; an admin's
 * personal QR; written instructions — `domain/join-guide.ts`), members see it (never applicants or strangers:
 * every view here checks the membership, and the apply page builds it only for a member), a member says
 * 「我已入群」, admins list who was approved but has not said so after N days, and a timer reminds the admins
 * a day before the group QR expires.
 *
 * Images are owned photos (`usecases/photos.ts`): the admin uploads one like a check-in photo (registered,
 * counted in the daily quota), and saving the guide claims it (`readOwnUnusedPhoto` + `claimPhoto`, marked
 * `joinGuide:<groupId>`), so the orphan cleanup leaves it alone; a replaced one is released to that cleanup.
 * Links are the photo links members' views carry (signed locally, `getTempFileURL` on WeChat).
 *
 * @example
 *   await updateJoinGuide(ctx, storage, { groupId, groupQrPhotoId: 'local:…png', personalQrPhotoId: null, instructions: '' })
 *   const guide = await getJoinGuide(ctx, storage, { groupId })   // FORBIDDEN unless a member
 */
import type { JoinGuideSettingsView, JoinGuideView, NotJoinedView } from '../../contracts/admission'
import { dayKeyAt, dayRuleOf, daysBetween, isValidDayKey, localInstant, localTimeOfDay, todayKey } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { canManageGroup, formatNickname, memberId, type GroupDoc, type MemberDoc } from '../../domain/group'
import { JOIN_QR_VALID_DAYS, joinQrRemindAt, newGroupQr, usableGroupQr, type JoinGuide } from '../../domain/join-guide'
import { photoRecordId } from '../../domain/photos'
import { t } from '../../i18n/strings'
import { pageUrl } from '../../contracts/routes'
import type { Filter, Transaction } from '../../store/port'
import { EVERY_ROLE, MANAGERS, requireRole } from '../access'
import { recordAudit } from '../audit'
import { requireOpenid, type UseCaseContext } from '../context'
import { deliverToInbox } from '../inbox/deliver'
import { memberKey } from '../member-keys'
import { claimPhoto, photoPathPrefix, readOwnUnusedPhoto, type PhotoStorage } from '../photos'

/** What the join guide needs of the platform: links for its images. */
export type JoinGuideStorage = Pick<PhotoStorage, 'photoLinks'>

/** Links for the images among `photoIds`, one storage call, none without images. */
async function linksFor(storage: JoinGuideStorage, photoIds: Array<string | null>, at: Date): Promise<Record<string, string>> {
  const ids = [...new Set(photoIds.filter((id): id is string => id !== null))]
  return ids.length === 0 ? {} : storage.photoLinks(ids, at)
}

/** The mark a claimed join-guide image carries instead of a check-in id. */
const claimMark = (groupId: string) => `joinGuide:${groupId}`

/** The member's view of the guide (links made here: one storage call, none without images). */
export async function joinGuideViewFor(storage: JoinGuideStorage, group: GroupDoc, member: MemberDoc, now: Date): Promise<JoinGuideView> {
  const guide = group.joinGuide
  const qr = usableGroupQr(guide, now)
  const links = await linksFor(storage, [qr?.photoId ?? null, guide?.personalQr?.photoId ?? null], now)
  return {
    groupQrUrl: qr ? (links[qr.photoId] ?? null) : null,
    groupQrExpiresAt: qr?.expiresAt ?? null,
    personalQrUrl: guide?.personalQr ? (links[guide.personalQr.photoId] ?? null) : null,
    instructions: guide?.instructions ?? '',
    nickname: formatNickname(member.intro),
    joinedAt: member.wechatJoinedAt ?? null,
    timezone: dayRuleOf(group).timezone,
  }
}

/** Members only: how to get into the WeChat group. */
export async function getJoinGuide(ctx: UseCaseContext, storage: JoinGuideStorage, input: { groupId: string }): Promise<JoinGuideView> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  return joinGuideViewFor(storage, group, member, ctx.now())
}

/** 「我已入群」: the member's own membership records when; a second tap keeps the first time. */
export async function confirmJoined(ctx: UseCaseContext, storage: JoinGuideStorage, input: { groupId: string }): Promise<JoinGuideView> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  if (member.wechatJoinedAt) return joinGuideViewFor(storage, group, member, ctx.now())
  const patch = { wechatJoinedAt: ctx.now().toISOString(), joinPending: false }
  await ctx.store.update('members', member._id, patch)
  return joinGuideViewFor(storage, group, { ...member, ...patch }, ctx.now())
}

async function settingsView(storage: JoinGuideStorage, group: GroupDoc, openid: string, now: Date): Promise<JoinGuideSettingsView> {
  const guide = group.joinGuide
  const links = await linksFor(storage, [guide?.groupQr?.photoId ?? null, guide?.personalQr?.photoId ?? null], now)
  const rule = dayRuleOf(group)
  return {
    groupQr: guide?.groupQr
      ? { ...guide.groupQr, url: links[guide.groupQr.photoId] ?? null, expired: usableGroupQr(guide, now) === null }
      : null,
    personalQr: guide?.personalQr ? { photoId: guide.personalQr.photoId, url: links[guide.personalQr.photoId] ?? null } : null,
    instructions: guide?.instructions ?? '',
    photoPathPrefix: photoPathPrefix(group._id, todayKey(now, rule), openid),
    timezone: rule.timezone,
    today: dayKeyAt(now, rule.timezone),
  }
}

export async function getJoinGuideSettings(ctx: UseCaseContext, storage: JoinGuideStorage, input: { groupId: string }): Promise<JoinGuideSettingsView> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  return settingsView(storage, group, openid, ctx.now())
}

/**
 * Save the guide in one transaction: the group and the decider's role re-read, each new image claimed (it
 * must be the admin's own unused upload), each replaced one released to the orphan cleanup, the group
 * written with the reminder time of a new group QR, and the audit entry.
 */
export async function updateJoinGuide(
  ctx: UseCaseContext,
  storage: JoinGuideStorage,
  input: { groupId: string; groupQrPhotoId: string | null; personalQrPhotoId: string | null; instructions: string; groupQrGeneratedOn?: string },
): Promise<JoinGuideSettingsView> {
  // Who saves is checked inside the transaction only (the role as it is at the save).
  const openid = requireOpenid(ctx)
  const now = ctx.now()
  const saved = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    const decider = await tx.get('members', memberId(input.groupId, openid))
    if (!canManageGroup(decider?.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    const before = group.joinGuide
    const oldQr = before?.groupQr ?? null
    const oldPersonal = before?.personalQr ?? null
    const qrChanged = (oldQr?.photoId ?? null) !== input.groupQrPhotoId
    const personalChanged = (oldPersonal?.photoId ?? null) !== input.personalQrPhotoId
    // Reads first (a CloudBase transaction reads before it writes), then the writes.
    const newQrRecord = qrChanged && input.groupQrPhotoId ? await readOwnUnusedPhoto(tx, { groupId: group._id, openid, photoId: input.groupQrPhotoId }) : null
    const newPersonalRecord =
      personalChanged && input.personalQrPhotoId && input.personalQrPhotoId !== input.groupQrPhotoId
        ? await readOwnUnusedPhoto(tx, { groupId: group._id, openid, photoId: input.personalQrPhotoId })
        : null
    if (personalChanged && input.personalQrPhotoId && input.personalQrPhotoId === input.groupQrPhotoId) {
      throw new DomainError('INVALID_INPUT', t('joinGuide.error.samePhoto'), { personalQrPhotoId: t('joinGuide.error.samePhoto') })
    }
    const guide: JoinGuide = {
      groupQr: !input.groupQrPhotoId ? null : qrChanged ? newGroupQr(input.groupQrPhotoId, generatedAt(group, input.groupQrGeneratedOn, now)) : oldQr,
      personalQr: input.personalQrPhotoId ? { photoId: input.personalQrPhotoId } : null,
      instructions: input.instructions.trim(),
      updatedAt: now.toISOString(),
    }
    const mark = claimMark(group._id)
    if (newQrRecord) await claimPhoto(tx, newQrRecord, mark)
    if (newPersonalRecord) await claimPhoto(tx, newPersonalRecord, mark)
    if (qrChanged && oldQr) await release(tx, group._id, oldQr.photoId)
    if (personalChanged && oldPersonal) await release(tx, group._id, oldPersonal.photoId)
    const remindAt = guide.groupQr ? (qrChanged ? joinQrRemindAt(guide.groupQr) : (group.joinQrRemindAt ?? null)) : null
    await tx.update('groups', group._id, { joinGuide: guide, joinQrRemindAt: remindAt })
    await recordAudit(tx, {
      groupId: group._id,
      actorOpenid: openid,
      action: 'admission.joinGuide',
      detail: { groupQr: guide.groupQr?.expiresAt ?? null, personalQr: guide.personalQr !== null, instructions: guide.instructions.length },
      at: now,
    })
    return { ...group, joinGuide: guide, joinQrRemindAt: remindAt }
  })
  return settingsView(storage, saved, openid, now)
}

/** A replaced image: no longer claimed, so the orphan cleanup deletes it. */
async function release(tx: Transaction, groupId: string, photoId: string): Promise<void> {
  const id = photoRecordId(groupId, photoId)
  if (!id) return
  const record = await tx.get('photos', id)
  if (record && record.checkinId === claimMark(groupId)) await tx.update('photos', id, { checkinId: null })
}

/** Admins: members approved at least `days` ago who have not said 「我已入群」 (oldest first, up to 100). */
export async function listNotJoined(ctx: UseCaseContext, input: { groupId: string; days: number }): Promise<NotJoinedView> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  const cutoff = new Date(ctx.now().getTime() - input.days * 24 * 3600 * 1000).toISOString()
  const members = await ctx.store.find('members', {
    // Optional fields are not in the Filter type; the index (groupId, joinPending, joinedAt) serves this.
    where: { groupId: group._id, joinPending: true, joinedAt: { lte: cutoff } } as unknown as Filter<MemberDoc>,
    orderBy: [{ field: 'joinedAt', direction: 'asc' }],
    limit: 100,
  })
  return {
    items: members.map((m) => ({ key: m.memberKey ?? memberKey(group._id, m.openid), nickname: formatNickname(m.intro), approvedAt: m.joinedAt })),
    days: input.days,
    timezone: dayRuleOf(group).timezone,
  }
}

/**
 * The timer job: every group whose QR expires within a day and whose admins have not heard yet gets one
 * inbox message per owner/admin, in a transaction that re-reads the group and clears its reminder time (so a
 * re-run never sends twice).
 */
export async function remindJoinQrExpiry(ctx: UseCaseContext): Promise<{ reminded: number }> {
  const now = ctx.now()
  let reminded = 0
  for (;;) {
    const due = await ctx.store.find('groups', {
      where: { joinQrRemindAt: { lte: now.toISOString() } } as unknown as Filter<GroupDoc>,
      orderBy: [{ field: 'joinQrRemindAt' as keyof GroupDoc & string, direction: 'asc' }],
      limit: 50,
    })
    for (const group of due) {
      const admins = await ctx.store.find('members', { where: { groupId: group._id, role: { in: ['owner', 'admin'] } }, limit: 100 })
      const sent = await ctx.store.transaction(async (tx) => {
        const current = await tx.get('groups', group._id)
        if (!current?.joinQrRemindAt || current.joinQrRemindAt > now.toISOString()) return false
        await tx.update('groups', current._id, { joinQrRemindAt: null })
        const qr = current.joinGuide?.groupQr
        if (!qr) return false
        const expires = new Date(qr.expiresAt)
        for (const admin of admins) {
          await deliverToInbox(tx, {
            openid: admin.openid,
            groupId: current._id,
            kind: 'joinGuide.qrExpiring',
            title: t('joinGuide.inbox.expiringTitle', { group: current.name }),
            body: t('joinGuide.inbox.expiringBody', { time: formatTime(expires, dayRuleOf(current).timezone) }),
            link: pageUrl('joinGuide', { id: current._id }),
            at: now,
          })
        }
        return true
      })
      if (sent) reminded++
    }
    if (due.length < 50) return { reminded }
  }
}

function formatTime(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant)
}

/**
 * When a new group QR was generated: `day` (the admin's word, default today) at the clock time of now, in the
 * group's timezone. A day in the future, or so long ago that the QR has already expired, is refused.
 */
function generatedAt(group: GroupDoc, day: string | undefined, now: Date): Date {
  const { timezone } = dayRuleOf(group)
  const today = dayKeyAt(now, timezone)
  if (!day || day === today) return now
  const ago = isValidDayKey(day) ? daysBetween(day, today) : -1
  if (ago < 0 || ago >= JOIN_QR_VALID_DAYS) {
    const message = t('joinGuide.error.generatedOn', { days: JOIN_QR_VALID_DAYS - 1 })
    throw new DomainError('INVALID_INPUT', message, { groupQrGeneratedOn: message })
  }
  return localInstant(day, localTimeOfDay(now, timezone), timezone)
}
