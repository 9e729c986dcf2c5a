/**
 * Load one action's output for a page: loading → ready (data) or error (ApiError, Chinese message), with
 * `reload` for a retry button or after the page changed something. It re-fetches when the input changes
 * or the dev persona changes (on any page), and ignores answers that arrive after a newer request started.
 * Pass `null` as the input to load nothing (e.g. the page's query names no group).
 *
 * `state.first` on loading tells a first load (show a skeleton) from a reload (the page was already shown).
 *
 * @example
 *   const { state, reload } = usePageData(getGroupProfile, { groupId })
 *   if (state.status === 'ready') render(state.data)
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { ApiError, callAction } from '../api/client'
import { toApiError } from './errors'
import { usePersonaKey } from './use-dev-persona'

export type PageDataState<T> =
  | { status: 'loading'; first: boolean }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError }

export interface PageData<T> {
  state: PageDataState<T>
  /** Fetch again (retry, or after an action changed what the page shows). */
  reload: () => void
}

export function usePageData<A extends AnyAction>(contract: A, input: InputOf<A> | null): PageData<OutputOf<A>> {
  const personaKey = usePersonaKey()
  const [state, setState] = useState<PageDataState<OutputOf<A>>>({ status: 'loading', first: true })
  const [attempt, setAttempt] = useState(0)
  const answered = useRef(false)
  // The input object is new on every render; its JSON is what identifies the request.
  const inputKey = input === null ? null : JSON.stringify(input)

  useEffect(() => {
    if (inputKey === null) return
    let current = true
    setState({ status: 'loading', first: !answered.current })
    callAction(contract, JSON.parse(inputKey) as InputOf<A>).then(
      (data) => {
        if (!current) return
        answered.current = true
        setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (!current) return
        answered.current = true
        setState({ status: 'error', error: toApiError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [contract, inputKey, personaKey, attempt])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])

  return { state, reload }
}
