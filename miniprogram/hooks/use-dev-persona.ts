/**
 * Page-level state of the H5 dev mode: the dev session (personas, demo group) and the persona the
 * developer is acting as. Pages pass `personaKey` to their data hooks so that switching persona
 * re-fetches; returning to a page re-reads the persona in case it was switched on another page.
 * In the WeChat build the session is always "not dev mode" and no request is made.
 */
import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import {
  NO_DEV_SESSION,
  fetchDevSession,
  getCurrentPersonaKey,
  setCurrentPersonaKey,
  type DevSession,
} from '../api/dev-session'

export interface DevPersonaState {
  session: DevSession
  personaKey: string
  choosePersona: (key: string) => void
}

export function useDevPersona(): DevPersonaState {
  const [session, setSession] = useState<DevSession>(NO_DEV_SESSION)
  const [personaKey, setPersonaKey] = useState<string>(getCurrentPersonaKey)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    let active = true
    fetchDevSession().then((fetched) => {
      if (active) setSession(fetched)
    })
    return () => {
      active = false
    }
  }, [])

  useDidShow(() => {
    setPersonaKey(getCurrentPersonaKey())
  })

  const choosePersona = useCallback((key: string) => {
    setCurrentPersonaKey(key)
    setPersonaKey(key)
  }, [])

  return { session, personaKey, choosePersona }
}
