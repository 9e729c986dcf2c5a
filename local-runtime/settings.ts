/**
 * `npm start`'s settings from the environment, read strictly: a switch is `true|yes|on|1` or
 * `false|no|off|0` (any case), a port is a whole number 0–65535 (0 = any free port), and anything else stops
 * the start with a message naming the variable, rather than silently meaning "on".
 *
 * @example
 *   readRuntimeSettings({ DEV_MODE: 'off', PORT: '0' })   // { devMode: false, port: 0, seedDemo: true, … }
 *   readRuntimeSettings({ DEV_MODE: 'maybe' })            // throws SettingError: DEV_MODE=maybe: use true/yes/on/1 or false/no/off/0
 */
import path from 'node:path'

export class SettingError extends Error {}

const TRUE_WORDS = ['true', 'yes', 'on', '1']
const FALSE_WORDS = ['false', 'no', 'off', '0']

/** An on/off variable; unset or empty means `fallback`. */
export function parseSwitch(name: string, value: string | undefined, fallback: boolean): boolean {
  const word = (value ?? '').trim().toLowerCase()
  if (word === '') return fallback
  if (TRUE_WORDS.includes(word)) return true
  if (FALSE_WORDS.includes(word)) return false
  throw new SettingError(`${name}=${value}: use ${TRUE_WORDS.join('/')} or ${FALSE_WORDS.join('/')}`)
}

/** A TCP port; unset or empty means `fallback`. */
export function parsePort(name: string, value: string | undefined, fallback: number): number {
  const text = (value ?? '').trim()
  if (text === '') return fallback
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new SettingError(`${name}=${value}: use a port number from 0 to 65535 (0 picks a free one)`)
  return Number(text)
}

export interface RuntimeSettings {
  host: string
  port: number
  dataDir: string
  devMode: boolean
  seedDemo: boolean
  skipH5Build: boolean
  /** The address people use (invite QR codes, the Host a proxy passes on); null = the runtime's own. */
  publicUrl: string | null
}

export function readRuntimeSettings(env: NodeJS.ProcessEnv, root = process.cwd()): RuntimeSettings {
  const publicUrl = env.PUBLIC_URL?.trim() || null
  if (publicUrl !== null && !/^https?:\/\/[^/]/.test(publicUrl)) throw new SettingError(`PUBLIC_URL=${publicUrl}: use an http(s) address such as https://shequn.example.com`)
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: parsePort('PORT', env.PORT, 8787),
    dataDir: path.resolve(env.DATA_DIR?.trim() || path.join(root, 'data')),
    devMode: parseSwitch('DEV_MODE', env.DEV_MODE, true),
    seedDemo: parseSwitch('SEED_DEMO', env.SEED_DEMO, true),
    skipH5Build: parseSwitch('SKIP_H5_BUILD', env.SKIP_H5_BUILD, false),
    publicUrl,
  }
}
