/**
 * Where a WeChat check-in photo is stored in cloud storage (`checkins/<groupId>/<day>/<nonce>.<ext>`).
 * Pure, so the api layer and its tests use it without Taro.
 *
 * @example
 *   cloudPhotoPath('g1', '2026-11-23', 'abc', 'PNG')   // 'checkins/g1/2026-11-23/abc.png'
 */
export function cloudPhotoPath(groupId: string, day: string, nonce: string, extension: string): string {
  const ext = /^(png|jpg|jpeg|gif|webp)$/i.test(extension) ? extension.toLowerCase() : 'jpg'
  return `checkins/${groupId}/${day}/${nonce}.${ext}`
}
