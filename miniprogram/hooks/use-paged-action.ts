/**
 * A list with "load more": the first page like `usePageData` (loading / ready / error, re-fetched when the
 * input or the dev persona changes, `reload`), then `loadMore()` appends the next page's items. How the next
 * page is asked for is `nextPageInput` (paging.ts), the one place that knows the server's paging shape.
 *
 * `state.data` is the first page's output (counts, pinned items, permissions); `items` is every item
 * loaded so far; `hasMore` says whether a "load more" button belongs on the page.
 *
 * @example
 *   const feed = usePagedAction(listTodayFeed, { groupId })
 *   feed.items.map(render); feed.hasMore && <Button loading={feed.loadingMore} onClick={feed.loadMore} />
 */
import { useCallback, useRef, useState } from 'react'
import type { AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { callAction } from '../api/client'
import { toApiError } from './errors'
import { nextPageInput, type PagedOutput } from './paging'
import { usePageData, type PageDataState } from './use-page-data'

type ItemOf<O> = O extends { items: Array<infer T> } ? T : never

export interface PagedData<O> {
  state: PageDataState<O>
  items: ItemOf<O>[]
  hasMore: boolean
  loadingMore: boolean
  /** The failure of the last "load more", '' otherwise (the items loaded so far stay). */
  moreError: string
  loadMore: () => void
  reload: () => void
}

/** Pages loaded after the first, tied to the first page they continue (a new first page drops them). */
interface More<O, I> {
  first: O
  items: ItemOf<O>[]
  next: I | null
}

export function usePagedAction<A extends AnyAction>(
  contract: A & { _output?: PagedOutput },
  input: InputOf<A> | null,
): PagedData<OutputOf<A>> {
  type O = OutputOf<A>
  type I = InputOf<A>
  const { state, reload } = usePageData(contract, input)
  const [more, setMore] = useState<More<O, I> | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState('')

  const first = state.status === 'ready' ? state.data : null
  const current = more !== null && first !== null && more.first === first ? more : null
  const items: ItemOf<O>[] = current ? current.items : first ? (first as PagedOutput<ItemOf<O>>).items : []
  const next: I | null = current ? current.next : first && input !== null ? (nextPageInput(input, first as PagedOutput) as I | null) : null

  // The newest first page, so an answer to "load more" for an older list is dropped.
  const latestFirst = useRef(first)
  latestFirst.current = first

  const loadMore = useCallback(() => {
    if (next === null || first === null || loadingMore) return
    setLoadingMore(true)
    setMoreError('')
    callAction(contract, next).then(
      (output) => {
        setLoadingMore(false)
        if (latestFirst.current !== first) return
        const page = output as PagedOutput<ItemOf<O>>
        setMore({ first, items: [...items, ...page.items], next: nextPageInput(next, page) as I | null })
      },
      (failure: unknown) => {
        setLoadingMore(false)
        if (latestFirst.current !== first) return
        setMoreError(toApiError(failure).message)
      },
    )
  }, [contract, first, items, next, loadingMore])

  return { state, items, hasMore: next !== null, loadingMore, moreError, loadMore, reload }
}
