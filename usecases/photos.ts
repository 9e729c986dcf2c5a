/**
 * Check-in photos: recording each upload (membership, path binding, the daily quota), the links members
 * see, the check-in's claim on its photo, and the cleanup of uploads no check-in used.
 *
 * - Path binding (WeChat): the client uploads straight to cloud storage at
 *   `checkins/<groupId>/<day>/<uploaderKey>-<nonce>.<ext>`, where `uploaderKey` is a hash of the group and
 *   the uploader's OPENID (the overview hands the prefix to the page). Registering a fileID checks that the
 *   key is the caller's own, so nobody registers (and later attaches) someone else's file.
 * - Record and quota: one transaction reads the member's per-day counter by id, refuses past
 *   `DAILY_PHOTO_QUOTA`, bumps it and creates the record (deterministic id: `photoRecordId`), 3 operations.
 * - Claim: the check-in transaction reads the record by id and refuses (INVALID_INPUT) unless the caller
 *   uploaded it for this group and no check-in uses it yet; then marks it used.
 * - Cleanup (timer): unused records older than `ORPHAN_PHOTO_AFTER_HOURS`, paged by id; each record removed
 *   in a transaction that re-checks it is unused, then the page's files deleted through the storage port in
 *   one call; cost follows the number of orphans.
 *
 * @example
 *   const { photoId } = await registerCloudPhoto(ctx, { groupId: 'g1', fileId: 'cloud://env/checkins/g1/2026-11-23/<key>-abc123.jpg' })
 *   await cleanOrphanPhotos(ctx, storage)   // { deleted: 3 }
 */
import { createHash } from 'node:crypto'
import { dayRuleOf, shiftDay, todayKey } from '../domain/days'
import { DomainError } from '../domain/errors'
import { DAILY_PHOTO_QUOTA, ORPHAN_PHOTO_AFTER_HOURS, photoQuotaId, photoRecordId, type PhotoDoc } from '../domain/photos'
import { t } from '../i18n/strings'
import type { OrphanPhotoCleanup } from '../contracts/checkin'
import { StoreConflictError, type Transaction } from '../store/port'
import { EVERY_ROLE, requireRole } from './access'
import { callerOpenid, type UseCaseContext } from './context'
import type { WechatServices } from './ports/wechat'

/** What photo use cases need of the platform's storage. */
export type PhotoStorage = Pick<WechatServices, 'photoLinks' | 'deleteFiles'>

/** The uploader's part of a cloud photo path: 16 hex of sha256(group, OPENID); no OPENID in storage paths. */
export function uploaderKey(groupId: string, openid: string): string {
  return createHash('sha256').update(`photo:${groupId}:${openid}`).digest('hex').slice(0, 16)
}

/** Where the caller's photos for this group and day go in cloud storage; the client appends `<nonce>.<ext>`. */
export function photoPathPrefix(groupId: string, day: string, openid: string): string {
  return `checkins/${groupId}/${day}/${uploaderKey(groupId, openid)}-`
}

const CLOUD_PHOTO_PATH = /^cloud:\/\/[A-Za-z0-9._-]{1,100}\/checkins\/([A-Za-z0-9_-]{1,24})\/(\d{4}-\d{2}-\d{2})\/([a-f0-9]{16})-[A-Za-z0-9]{6,40}\.(?:png|jpg|jpeg|gif|webp)$/

/** Register a file the caller uploaded to cloud storage (WeChat): its path must be the caller's own. */
export async function registerCloudPhoto(ctx: UseCaseContext, input: { groupId: string; fileId: string }): Promise<{ photoId: string }> {
  const openid = callerOpenid(ctx) ?? ''
  const path = CLOUD_PHOTO_PATH.exec(input.fileId)
  if (!path || path[1] !== input.groupId || path[3] !== uploaderKey(input.groupId, openid)) {
    // Membership first, so an outsider learns nothing about paths.
    await requireRole(ctx, input.groupId, EVERY_ROLE)
    throw new DomainError('INVALID_INPUT', t('upload.error.notYours'), { fileId: t('upload.error.notYours') })
  }
  return recordPhotoUpload(ctx, { groupId: input.groupId, photoId: input.fileId, location: input.fileId, size: null })
}

/**
 * Record one upload by a member of the group, within the daily quota. Registering the same photo again
 * answers the same (nothing counted twice); someone else's record under that id is refused.
 */
export async function recordPhotoUpload(
  ctx: UseCaseContext,
  input: { groupId: string; photoId: string; location: string; size: number | null },
): Promise<{ photoId: string }> {
  const { group, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const id = photoRecordId(group._id, input.photoId)
  if (!id) throw new DomainError('INVALID_INPUT', t('checkin.validate.photo'), { fileId: t('checkin.validate.photo') })
  const now = ctx.now()
  const day = todayKey(now, dayRuleOf(group))
  const quotaId = photoQuotaId(group._id, openid, day)
  const record: PhotoDoc = {
    _id: id,
    groupId: group._id,
    openid,
    photoId: input.photoId,
    location: input.location,
    size: input.size,
    day,
    createdAt: now.toISOString(),
    checkinId: null,
  }
  try {
    await ctx.store.transaction(async (tx) => {
      const quota = await tx.get('photoQuotas', quotaId)
      const count = quota?.count ?? 0
      if (count >= DAILY_PHOTO_QUOTA) {
        throw new DomainError('CONFLICT', t('upload.error.quota', { max: DAILY_PHOTO_QUOTA }))
      }
      await tx.set('photoQuotas', { _id: quotaId, groupId: group._id, openid, day, count: count + 1 })
      await tx.create('photos', record)
    })
  } catch (error) {
    if (!(error instanceof StoreConflictError) || error.id !== id) throw error
    const existing = await ctx.store.get('photos', id)
    if (!existing || existing.openid !== openid || existing.photoId !== input.photoId) {
      throw new DomainError('INVALID_INPUT', t('upload.error.notYours'), { fileId: t('upload.error.notYours') })
    }
  }
  return { photoId: input.photoId }
}

/**
 * Inside a check-in transaction, before any write: the record of `photoId` if the caller uploaded it for
 * this group and no check-in uses it; INVALID_INPUT otherwise. The caller then marks it with `claimPhoto`.
 */
export async function readOwnUnusedPhoto(tx: Transaction, input: { groupId: string; openid: string; photoId: string }): Promise<PhotoDoc> {
  const id = photoRecordId(input.groupId, input.photoId)
  const record = id ? await tx.get('photos', id) : null
  if (!record || record.openid !== input.openid || record.groupId !== input.groupId || record.photoId !== input.photoId || record.checkinId !== null) {
    throw new DomainError('INVALID_INPUT', t('checkin.error.photoNotYours'), { photoFileId: t('checkin.error.photoNotYours') })
  }
  return record
}

export function claimPhoto(tx: Transaction, record: PhotoDoc, checkinId: string): Promise<void> {
  return tx.update('photos', record._id, { checkinId })
}

/** Links for the photos among `photoIds` (nulls skipped), one storage call for the lot, none when there are none. */
export async function photoLinksFor(storage: PhotoStorage, photoIds: Array<string | null>, at: Date): Promise<Record<string, string>> {
  const ids = [...new Set(photoIds.filter((id): id is string => id !== null))]
  return ids.length === 0 ? {} : storage.photoLinks(ids, at)
}

export const ORPHAN_PAGE_SIZE = 100

/**
 * Delete uploads no check-in used, older than the grace period (each record in a transaction that re-checks
 * it, then the page's files in one storage call), and the upload counters of days every timezone has left.
 */
export async function cleanOrphanPhotos(ctx: UseCaseContext, storage: PhotoStorage): Promise<OrphanPhotoCleanup> {
  const cutoff = new Date(ctx.now().getTime() - ORPHAN_PHOTO_AFTER_HOURS * 3600 * 1000).toISOString()
  let deleted = 0
  let after = ''
  for (;;) {
    const page = await ctx.store.find('photos', {
      where: { checkinId: null, createdAt: { lt: cutoff }, ...(after ? { _id: { gt: after } } : {}) },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: ORPHAN_PAGE_SIZE,
    })
    if (page.length === 0) break
    const removed: string[] = []
    for (const record of page) {
      const gone = await ctx.store.transaction(async (tx) => {
        // A check-in may have claimed it since the query: keep it then.
        const current = await tx.get('photos', record._id)
        if (!current || current.checkinId !== null) return false
        await tx.remove('photos', record._id)
        return true
      })
      if (gone) removed.push(record.location)
    }
    if (removed.length > 0) await storage.deleteFiles(removed)
    deleted += removed.length
    if (page.length < ORPHAN_PAGE_SIZE) break
    after = page[page.length - 1]._id
  }
  return { deleted, staleCounters: await removeStaleCounters(ctx) }
}

/** Counters of days at least two days before today in UTC: past in every timezone. */
async function removeStaleCounters(ctx: UseCaseContext): Promise<number> {
  const before = shiftDay(ctx.now().toISOString().slice(0, 10), -1)
  let removed = 0
  for (;;) {
    const page = await ctx.store.find('photoQuotas', { where: { day: { lt: before } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: ORPHAN_PAGE_SIZE })
    for (const counter of page) await ctx.store.remove('photoQuotas', counter._id)
    removed += page.length
    if (page.length < ORPHAN_PAGE_SIZE) return removed
  }
}
