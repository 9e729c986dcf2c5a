/**
 * The server half of the one paging shape (contracts/fields.ts): a list reads from `cursor` and answers
 * `{ items, next }`, `next` being the cursor of the following page or null at the end.
 *
 * @example
 *   const rows = await store.find('dailyTasks', { where, orderBy, skip: cursor, limit: PAGE_SIZE + 1 })
 *   const { items, next } = pageOf(rows, cursor, PAGE_SIZE)   // one row more than a page = there is another page
 *   nextCursor(20, 20, 45)                                    // 40 (with a known total)
 */
import type { Page } from '../contracts/fields'

/** `rows` read with `limit: size + 1`: the first `size`, and the next cursor when the extra row came back. */
export function pageOf<T>(rows: T[], cursor: number, size: number): Page<T> {
  return { items: rows.slice(0, size), next: rows.length > size ? cursor + size : null }
}

/** The cursor after `count` items read from `cursor` out of `total`, or null when nothing is left. */
export function nextCursor(cursor: number, count: number, total: number): number | null {
  return cursor + count < total ? cursor + count : null
}
