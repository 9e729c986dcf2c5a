/**
 * Pure helpers of the check-in page: showing a photo id (a cloud fileID as is, a local upload through the
 * runtime's /uploads/ path), local times for people, and the cloud path a WeChat upload goes to.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   photoSrc('local:0123456789abcdef0123456789abcdef.jpg')  // '/uploads/0123456789abcdef0123456789abcdef.jpg'
 *   photoSrc('cloud://env.bucket/checkins/a.jpg')           // 'cloud://env.bucket/checkins/a.jpg' (Image shows fileIDs)
 */
import { formatLocal } from '../../../domain/days'

export function photoSrc(photoFileId: string | null): string | null {
  if (!photoFileId) return null
  if (photoFileId.startsWith('local:')) return `/uploads/${photoFileId.slice('local:'.length)}`
  return photoFileId
}

/** '08:05' in the group's timezone. */
export function clockTime(iso: string, timezone: string): string {
  return formatLocal(iso, timezone, 'HH:mm')
}

/** '11-21' for a day key. */
export function shortDay(day: string): string {
  return day.slice(5)
}

/** Where a WeChat check-in photo is stored in cloud storage. */
export function cloudPhotoPath(groupId: string, day: string, nonce: string, extension: string): string {
  const ext = /^(png|jpg|jpeg|gif|webp)$/i.test(extension) ? extension.toLowerCase() : 'jpg'
  return `checkins/${groupId}/${day}/${nonce}.${ext}`
}
