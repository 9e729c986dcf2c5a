/**
 * Every piece of text a person reads, in Simplified Chinese (shown) with English beside it
 * (for developers, reviewers and a future locale). Pages, contracts and use cases take their text from here;
 * the texts live by feature in the modules beside this file, each listed once in `MODULES`.
 *
 * @example
 *   t('group.members', { count: 20 }) // '20 位成员'
 */
import { ADMISSION_STRINGS } from './admission'
import { COMMON_STRINGS } from './common'
import { DAILY_STRINGS } from './daily'
import { LOTTERY_DRAW_STRINGS } from './lottery-draw'
import { PARTICIPATION_STRINGS } from './participation'
import { LOTTERY_STRINGS } from './lottery'
import { LOTTERY_PAGE_STRINGS } from './lottery-pages'
import { PARTICIPATION_PAGE_STRINGS } from './participation-pages'
import { GROUP_SETTINGS_STRINGS } from './group-settings'
import { HUB_STRINGS } from './hub'
import { fillText } from './fill'

/** Every feature's table, one per line. */
const MODULES = [
  COMMON_STRINGS,
  ADMISSION_STRINGS,
  DAILY_STRINGS,
  LOTTERY_DRAW_STRINGS,
  PARTICIPATION_STRINGS,
  LOTTERY_STRINGS,
  LOTTERY_PAGE_STRINGS,
  PARTICIPATION_PAGE_STRINGS,
  GROUP_SETTINGS_STRINGS,
  HUB_STRINGS,
] as const

type Merged<T> = T extends readonly [infer Head, ...infer Rest] ? Head & Merged<Rest> : unknown
/** Keys of a table that an earlier table already defines. */
type KeysDefinedTwice<T, Seen = never> = T extends readonly [infer Head, ...infer Rest]
  ? Extract<keyof Head, Seen> | KeysDefinedTwice<Rest, Seen | keyof Head>
  : never

/** Every key of every feature module. */
export const STRINGS = Object.assign({}, ...MODULES) as Merged<typeof MODULES>

// A key defined in two modules would silently shadow one text: make it a type error instead.
const noKeyTwice: [KeysDefinedTwice<typeof MODULES>] extends [never] ? true : false = true
void noKeyTwice

export type StringKey = keyof typeof STRINGS

/** The Chinese text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: StringKey, params?: Record<string, string | number>): string {
  return fillText(STRINGS[key].zh, params)
}
