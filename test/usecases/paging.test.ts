/** The one paging shape: `{ items, next }`, `next` being the cursor of the following page or null at the end. */
import { nextCursor, pageOf } from '../../usecases/paging'

describe('paging', () => {
  it('reads one row more than a page to know whether another page follows', () => {
    expect(pageOf([1, 2, 3], 0, 2)).toEqual({ items: [1, 2], next: 2 })
    expect(pageOf([5, 6], 4, 2)).toEqual({ items: [5, 6], next: null })
    expect(pageOf([], 0, 2)).toEqual({ items: [], next: null })
  })

  it('or counts from a known total', () => {
    expect(nextCursor(0, 20, 45)).toBe(20)
    expect(nextCursor(40, 5, 45)).toBeNull()
    expect(nextCursor(0, 0, 0)).toBeNull()
  })
})
