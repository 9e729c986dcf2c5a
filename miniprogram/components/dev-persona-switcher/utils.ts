/**
 * Pure helpers of the dev persona switcher: when it shows, how each persona button is named and
 * labelled. No Taro imports, so they are unit-tested directly (utils.test.ts).
 */
import { STRINGS, t, type StringKey } from '../../../i18n/strings'
import type { DevPersona, DevSession } from '../../api/dev-session'

/** The switcher belongs to the H5 build's dev mode only, and needs someone to switch to. */
export function shouldShowPersonaSwitcher(platform: string | undefined, session: DevSession): boolean {
  return platform === 'h5' && session.devMode && session.personas.length > 0
}

/** DOM id of a persona's button, e.g. `persona-admin`. */
export function personaButtonId(key: string): string {
  return `persona-${key}`
}

/** The persona's name from i18n (`persona.<key>`), or the label the dev session sent for a persona i18n does not know. */
export function personaLabel(persona: DevPersona): string {
  const key = `persona.${persona.key}`
  return isStringKey(key) ? t(key) : persona.label.zh
}

function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(STRINGS, key)
}
