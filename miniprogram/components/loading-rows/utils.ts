/**
 * The bars of `components/loading-rows`: a title bar, then `rows` lines, the last one shorter, like text.
 * No Taro imports, so it is unit-tested directly.
 *
 * @example
 *   loadingBars(2)   // ['title', 'line', 'line is-last']
 */
export function loadingBars(rows: number): string[] {
  const count = Math.max(1, Math.floor(rows))
  return ['title', ...Array.from({ length: count }, (_, index) => (index === count - 1 ? 'line is-last' : 'line'))]
}
