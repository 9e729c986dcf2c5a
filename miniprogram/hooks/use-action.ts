/**
 * Run one action from a button: `run(input)` resolves to the output, or to undefined when the call failed
 * — then `error` holds the Chinese message to show (the server's, or the generic one) and `fields` the
 * per-field messages for forms. `busy` is true while a call is in flight; a second `run` meanwhile is
 * ignored (resolves undefined), so a double tap sends once. Each `run` clears the previous error.
 *
 * @example
 *   const withdraw = useAction(withdrawApplication)
 *   <Button loading={withdraw.busy} onClick={async () => { if (await withdraw.run({ groupId })) reload() }} />
 *   {withdraw.error && <Text>{withdraw.error}</Text>}
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { callAction } from '../api/client'
import { toApiError } from './errors'

export interface Action<A extends AnyAction> {
  run: (input: InputOf<A>) => Promise<OutputOf<A> | undefined>
  busy: boolean
  /** The last failure's message; '' when the last run succeeded or none ran. */
  error: string
  /** The last failure's per-field messages (`intro.name` → message); empty otherwise. */
  fields: Record<string, string>
  /** Show a message of the page's own (e.g. a check before sending) in `error`, or clear it with ''. */
  setError: (message: string) => void
  /** Forget the last failure (message and fields). */
  reset: () => void
}

const NO_FIELDS: Record<string, string> = {}

export function useAction<A extends AnyAction>(contract: A): Action<A> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [fields, setFields] = useState<Record<string, string>>(NO_FIELDS)
  const inFlight = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(
    async (input: InputOf<A>): Promise<OutputOf<A> | undefined> => {
      if (inFlight.current) return undefined
      inFlight.current = true
      setBusy(true)
      setError('')
      setFields(NO_FIELDS)
      try {
        return (await callAction(contract, input)) as OutputOf<A>
      } catch (failure) {
        const apiError = toApiError(failure)
        if (mounted.current) {
          setError(apiError.message)
          setFields(apiError.fields ?? NO_FIELDS)
        }
        return undefined
      } finally {
        inFlight.current = false
        if (mounted.current) setBusy(false)
      }
    },
    [contract],
  )

  const reset = useCallback(() => {
    setError('')
    setFields(NO_FIELDS)
  }, [])

  return { run, busy, error, fields, setError, reset }
}
