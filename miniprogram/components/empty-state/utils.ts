/**
 * The picture class of `components/empty-state` by its tone. No Taro imports, so it is unit-tested directly.
 *
 * @example
 *   emptyPictureClass('error')   // 'empty-illustration is-error'
 */
export type EmptyTone = 'empty' | 'error'

export function emptyPictureClass(tone: EmptyTone = 'empty'): string {
  return tone === 'error' ? 'empty-illustration is-error' : 'empty-illustration'
}
