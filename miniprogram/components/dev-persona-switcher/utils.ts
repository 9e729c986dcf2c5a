/**
 * Pure helpers of the dev persona switcher: when it shows, how each persona button is named and
 * labelled. No Taro imports, so they are unit-tested directly (utils.test.ts).
 */
import { t } from '../../../i18n/strings'
import type { DevPersona, DevSession } from '../../api/dev-session'

/** The switcher belongs to the H5 build's dev mode only, and needs someone to switch to. */
export function shouldShowPersonaSwitcher(platform: string | undefined, session: DevSession): boolean {
  return platform === 'h5' && session.devMode && session.personas.length > 0
}

/** DOM id of a persona's button, e.g. `persona-admin`. */
export function personaButtonId(key: string): string {
  return `persona-${key}`
}

/** The personas i18n names (`persona.<key>`), each written out so the app build can inline the text. */
const PERSONA_NAMES: Record<string, string> = {
  visitor: t('persona.visitor'),
  applicant: t('persona.applicant'),
  member: t('persona.member'),
  admin: t('persona.admin'),
}

/** The persona's name from i18n (`persona.<key>`), or the label the dev session sent for a persona i18n does not know. */
export function personaLabel(persona: DevPersona): string {
  return Object.prototype.hasOwnProperty.call(PERSONA_NAMES, persona.key) ? PERSONA_NAMES[persona.key] : persona.label.zh
}
