/**
 * How a list action pages — the one place that knows it, so `usePagedAction` works with any list and a
 * change of the server's paging shape is one edit here. Pure, unit-tested (paging.test.ts).
 *
 * Two shapes exist today:
 * - offset:  input `{ offset }`, output `{ items, offset, hasMore }` (inbox, members, review queue);
 * - skip:    input `{ skip }`,   output `{ items, nextSkip }`         (announcements, tasks, check-in feed).
 *
 * @example
 *   nextPageInput({ groupId: 'g1' }, { items: [a, b], offset: 0, hasMore: true })   // { groupId: 'g1', offset: 2 }
 *   nextPageInput({ groupId: 'g1' }, { items: [a], nextSkip: null })                // null: the last page
 */

/** What a list action's output must carry for "load more". */
export type PagedOutput<T = unknown> = { items: T[] } & ({ offset: number; hasMore: boolean } | { nextSkip: number | null })

/** The input that fetches the page after `page`, or null when `page` was the last one. */
export function nextPageInput<I extends object>(input: I, page: PagedOutput): I | null {
  if ('nextSkip' in page) return page.nextSkip === null ? null : { ...input, skip: page.nextSkip }
  return page.hasMore ? { ...input, offset: page.offset + page.items.length } : null
}
