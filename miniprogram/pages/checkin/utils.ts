/**
 * Pure helpers of the check-in page: showing a photo id (a cloud fileID as is, a local upload through the
 * runtime's /uploads/ path) and local times for people.
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
