/**
 * Load one action's output for a page: loading → ready (data) or error (ApiError), with `reload`
 * for a retry button. It re-fetches when the input or `refreshKey` (e.g. the dev persona) changes,
 * and ignores answers that arrive after a newer request started.
 *
 * @example
 *   const { state, reload } = useActionData(getGroupProfile, { groupId }, personaKey)
 */
import { useCallback, useEffect, useState } from 'react'
import type { AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { t } from '../../i18n/strings'
import { ApiError, callAction } from '../api/client'

export type ActionState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError }

export interface ActionData<T> {
  state: ActionState<T>
  reload: () => void
}

export function useActionData<A extends AnyAction>(
  contract: A,
  input: InputOf<A>,
  refreshKey: string,
): ActionData<OutputOf<A>> {
  const [state, setState] = useState<ActionState<OutputOf<A>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // The input object is new on every render; its JSON is what identifies the request.
  const inputKey = JSON.stringify(input)

  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    callAction(contract, JSON.parse(inputKey) as InputOf<A>).then(
      (data) => {
        if (current) setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toApiError(error) })
      },
    )
    return () => {
      current = false
    }
  }, [contract, inputKey, refreshKey, attempt])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])

  return { state, reload }
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', t('error.INTERNAL'))
}
