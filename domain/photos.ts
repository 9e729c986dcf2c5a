/**
 * Check-in photos as stored documents: every upload is recorded (who uploaded it, for which group, where
 * the bytes are, and which check-in uses it), so a check-in can reference only its author's own unused
 * upload for that group, photos are shown only to the group's members, unused uploads are cleaned up, and
 * each member's uploads per group per day are capped.
 *
 * A photo's id is what the client holds and the check-in carries: a cloud storage fileID
 * (`cloud://<env>/checkins/<groupId>/<day>/<uploaderKey>-<nonce>.<ext>`) or a local upload
 * (`local:<32 hex>.<ext>`). Its record's `_id` is derived from the group and the id's file name, so the
 * check-in transaction reads it by id.
 *
 * @example
 *   photoRecordId('g1', 'local:0123456789abcdef0123456789abcdef.png')   // 'g1:local-0123456789abcdef0123456789abcdef_png'
 *   photoQuotaId('g1', 'o_alice', '2026-11-23')                         // 'g1:o_alice:2026-11-23'
 */

/** How many photos one member may upload for one group in one (group-local) day. */
export const DAILY_PHOTO_QUOTA = 20

/** Uploads no check-in uses are deleted this long after they were made. */
export const ORPHAN_PHOTO_AFTER_HOURS = 24

export interface PhotoDoc {
  /** `photoRecordId(groupId, photoId)`. */
  _id: string
  groupId: string
  /** The uploader. */
  openid: string
  /** The id the client holds and a check-in carries (`cloud://…` or `local:<name>`). */
  photoId: string
  /** Where the bytes are: the cloud fileID, or the local file's path. */
  location: string
  /** Bytes, where the platform tells (the local runtime); null for cloud uploads. */
  size: number | null
  /** The group-local day of the upload (the quota's day). */
  day: string
  createdAt: string
  /** The check-in that uses it, null while unused. */
  checkinId: string | null
}

/** One member's upload count for one group and day: the quota, read and bumped by id. */
export interface PhotoQuotaDoc {
  _id: string
  groupId: string
  openid: string
  day: string
  count: number
}

/**
 * The record's id, or null when `photoId` is not a photo id at all: the group and the file name (its dot
 * made `_`, ids keep to `[A-Za-z0-9_:-]`). The cloud file name carries the uploader's key and a nonce.
 */
export function photoRecordId(groupId: string, photoId: string): string | null {
  const local = /^local:([a-f0-9]{32})\.(png|jpg|gif|webp)$/.exec(photoId)
  if (local) return `${groupId}:local-${local[1]}_${local[2]}`
  const cloud = /^cloud:\/\/[^/]+\/(?:[^/]+\/)*([A-Za-z0-9_-]+)\.(png|jpg|jpeg|gif|webp)$/.exec(photoId)
  if (cloud) return `${groupId}:cloud-${cloud[1]}_${cloud[2]}`
  return null
}

export function photoQuotaId(groupId: string, openid: string, day: string): string {
  return `${groupId}:${openid}:${day}`
}
