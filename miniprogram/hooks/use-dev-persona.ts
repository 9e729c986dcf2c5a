/**
 * The H5 dev mode's state for pages: the dev session (personas, demo group) and the persona the developer
 * is acting as. The persona is app-wide: choosing one on any page's switcher (components/page-shell)
 * notifies every mounted page, so their data hooks re-fetch; returning to a page re-reads it as well.
 * In the WeChat build the session is always "not dev mode", no request is made, and the key stays `visitor`.
 *
 * @example
 *   const personaKey = usePersonaKey()                       // re-render when the persona changes
 *   const { session, personaKey, choosePersona } = useDevPersona()
 */
import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import {
  NO_DEV_SESSION,
  fetchDevSession,
  getCurrentPersonaKey,
  onPersonaChange,
  setCurrentPersonaKey,
  type DevSession,
} from '../api/dev-session'

export interface DevPersonaState {
  session: DevSession
  personaKey: string
  choosePersona: (key: string) => void
}

/** The current persona's key, kept up to date across pages. */
export function usePersonaKey(): string {
  const [personaKey, setPersonaKey] = useState<string>(getCurrentPersonaKey)
  useEffect(() => onPersonaChange(setPersonaKey), [])
  useDidShow(() => {
    setPersonaKey(getCurrentPersonaKey())
  })
  return personaKey
}

/** The dev session (fetched once per app run, H5 only) and the current persona with a way to switch it. */
export function useDevPersona(): DevPersonaState {
  const [session, setSession] = useState<DevSession>(NO_DEV_SESSION)
  const personaKey = usePersonaKey()

  useEffect(() => {
    let active = true
    fetchDevSession().then((fetched) => {
      if (active) setSession(fetched)
    })
    return () => {
      active = false
    }
  }, [])

  const choosePersona = useCallback((key: string) => setCurrentPersonaKey(key), [])

  return { session, personaKey, choosePersona }
}
