/**
 * The local runtime's dev session (H5 only): whether dev mode is on, the personas a developer can
 * "act as", and the demo group — plus which persona is current, kept in storage under `dev.persona`.
 *
 * In the WeChat build there is no dev session: identity comes from WeChat itself, so every function
 * here answers "not dev mode" without a request, and the code behind the H5 checks is dropped.
 *
 * @example
 *   const session = await fetchDevSession()        // { devMode: true, personas: [...], demoGroupId: 'demo-reading' }
 *   setCurrentPersonaKey('admin')                  // later calls from api/client.ts act as the admin
 */
import Taro from '@tarojs/taro'

export interface DevPersona {
  key: string
  openid: string
  label: { zh: string; en: string }
}

export interface DevSession {
  devMode: boolean
  personas: DevPersona[]
  demoGroupId: string
}

export const NO_DEV_SESSION: DevSession = { devMode: false, personas: [], demoGroupId: '' }

export const DEV_SESSION_URL = '/api/_dev/session'
export const PERSONA_STORAGE_KEY = 'dev.persona'
export const DEFAULT_PERSONA_KEY = 'visitor'

let sessionRequest: Promise<DevSession> | null = null

/**
 * The dev session, fetched once per app run and shared by every caller. A failed request counts as
 * "not dev mode" and is retried on the next call.
 */
export function fetchDevSession(): Promise<DevSession> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(NO_DEV_SESSION)
  if (!sessionRequest) {
    sessionRequest = requestDevSession().catch(() => {
      sessionRequest = null
      return NO_DEV_SESSION
    })
  }
  return sessionRequest
}

/** The browser's own fetch (this is H5 only): Taro.request would add its fetch/jsonp polyfills to the bundle. */
async function requestDevSession(): Promise<DevSession> {
  const response = await fetch(DEV_SESSION_URL)
  return toDevSession(response.status === 200 ? await response.json() : null)
}

/** Read the endpoint's JSON defensively: anything unexpected means "not dev mode". */
export function toDevSession(body: unknown): DevSession {
  if (typeof body !== 'object' || body === null) return NO_DEV_SESSION
  const { devMode, personas, demoGroupId } = body as Partial<Record<keyof DevSession, unknown>>
  if (devMode !== true || !Array.isArray(personas)) return NO_DEV_SESSION
  return {
    devMode: true,
    personas: personas.filter(isDevPersona),
    demoGroupId: typeof demoGroupId === 'string' ? demoGroupId : '',
  }
}

function isDevPersona(value: unknown): value is DevPersona {
  if (typeof value !== 'object' || value === null) return false
  const persona = value as Partial<Record<keyof DevPersona, unknown>>
  const label = persona.label as Partial<DevPersona['label']> | undefined
  return (
    typeof persona.key === 'string' &&
    typeof persona.openid === 'string' &&
    typeof label === 'object' &&
    label !== null &&
    typeof label.zh === 'string' &&
    typeof label.en === 'string'
  )
}

/** The persona the developer chose last, or `visitor`. */
export function getCurrentPersonaKey(): string {
  if (process.env.TARO_ENV !== 'h5') return DEFAULT_PERSONA_KEY
  const stored: unknown = Taro.getStorageSync(PERSONA_STORAGE_KEY)
  return typeof stored === 'string' && stored !== '' ? stored : DEFAULT_PERSONA_KEY
}

const personaListeners = new Set<(key: string) => void>()

/** Act as another persona from now on; every page listening (`onPersonaChange`) re-fetches. */
export function setCurrentPersonaKey(key: string): void {
  if (process.env.TARO_ENV !== 'h5') return
  Taro.setStorageSync(PERSONA_STORAGE_KEY, key)
  for (const listener of [...personaListeners]) listener(key)
}

/** Be told when the persona changes (from any page's switcher); returns the unsubscribe function. */
export function onPersonaChange(listener: (key: string) => void): () => void {
  personaListeners.add(listener)
  return () => {
    personaListeners.delete(listener)
  }
}

/** The OPENID to send as `X-WX-OPENID` for the current persona; undefined outside dev mode. */
export async function currentPersonaOpenid(): Promise<string | undefined> {
  const session = await fetchDevSession()
  if (!session.devMode) return undefined
  const key = getCurrentPersonaKey()
  return session.personas.find((persona) => persona.key === key)?.openid
}
