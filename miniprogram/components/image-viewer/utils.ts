/**
 * Pure helpers of the full-screen image viewer: which image opens first, where an arrow or a swipe goes.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   viewerImages(['a.png', '', 'b.png', 'a.png'])   // ['a.png', 'b.png']
 *   startIndex(['a.png', 'b.png'], 'b.png')           // 1
 *   stepIndex(1, +1, 2)                               // 1 (the last image stays the last)
 *   swipeStep(-80, 10)                                // +1 (a swipe to the left shows the next image)
 */

/** How far (px) a finger must travel sideways, more than it travels up or down, to count as a swipe. */
export const SWIPE_MIN_PX = 40

/** The images to show: non-empty links, each once, in order. */
export function viewerImages(urls: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(urls.filter((url): url is string => typeof url === 'string' && url !== ''))]
}

/** The index of `current` in `urls`, else the first image. */
export function startIndex(urls: readonly string[], current: string | undefined): number {
  const index = current === undefined ? -1 : urls.indexOf(current)
  return index < 0 ? 0 : index
}

/** The index `delta` steps from `index`, kept within the `count` images (no wrapping, as WeChat's viewer). */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0
  return Math.min(count - 1, Math.max(0, index + delta))
}

/** What a finger's travel (dx, dy in px, from touch start to touch end) asks for: -1 previous, +1 next, 0 no swipe. */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) <= Math.abs(dy)) return 0
  return dx < 0 ? 1 : -1
}
