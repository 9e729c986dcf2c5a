/**
 * Where a WeChat check-in photo is stored in cloud storage: the overview's `photoPathPrefix`
 * (`checkins/<groupId>/<day>/<uploaderKey>-`, the key binding the path to the uploader) plus a nonce and
 * the extension. The `checkin` function registers only a path under the caller's own prefix.
 * Pure, so the api layer and its tests use it without Taro.
 *
 * @example
 *   cloudPhotoPath('checkins/g1/2026-11-23/0123456789abcdef-', 'abc123', 'PNG')   // 'checkins/g1/2026-11-23/0123456789abcdef-abc123.png'
 */
export function cloudPhotoPath(pathPrefix: string, nonce: string, extension: string): string {
  const ext = /^(png|jpg|jpeg|gif|webp)$/i.test(extension) ? extension.toLowerCase() : 'jpg'
  return `${pathPrefix}${nonce.replace(/[^A-Za-z0-9]/g, '')}.${ext}`
}
