/**
 * How a list action pages — the one place the client knows it, so `usePagedAction` works with any list.
 * Every list action takes `cursor` and answers `{ items, next }` (contracts/fields.ts): `next` is the cursor
 * of the following page, or null after the last one. Pure, unit-tested (paging.test.ts).
 *
 * @example
 *   nextPageInput({ groupId: 'g1' }, { items: [a, b], next: 2 })      // { groupId: 'g1', cursor: 2 }
 *   nextPageInput({ groupId: 'g1' }, { items: [a], next: null })      // null: the last page
 */
import type { Page } from '../../contracts/fields'

/** What a list action's output must carry for "load more". */
export type PagedOutput<T = unknown> = Page<T>

/** The input that fetches the page after `page`, or null when `page` was the last one. */
export function nextPageInput<I extends object>(input: I, page: PagedOutput): I | null {
  return page.next === null ? null : { ...input, cursor: page.next }
}
