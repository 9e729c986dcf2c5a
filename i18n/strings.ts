/**
 * Every piece of text a person reads, in Simplified Chinese (shown) with English beside it
 * (for developers, reviewers and a future locale). Pages, contracts and use cases take their text from here;
 * the texts live by feature in `common.ts`, `admission.ts` and `daily.ts` beside this file.
 *
 * @example
 *   t('group.members', { count: 20 }) // '20 位成员'
 */
import { ADMISSION_STRINGS } from './admission'
import { COMMON_STRINGS } from './common'
import { DAILY_STRINGS } from './daily'
import { PARTICIPATION_STRINGS } from './participation'
import { PARTICIPATION_PAGE_STRINGS } from './participation-pages'

/** Every key of every feature module. */
export const STRINGS = { ...COMMON_STRINGS, ...ADMISSION_STRINGS, ...DAILY_STRINGS, ...PARTICIPATION_STRINGS, ...PARTICIPATION_PAGE_STRINGS } as const

// A key defined in two modules would silently shadow one text: make it a type error instead.
type Shared<A, B> = Extract<keyof A, keyof B>
const noKeyTwice: [
  Shared<typeof COMMON_STRINGS, typeof ADMISSION_STRINGS>,
  Shared<typeof COMMON_STRINGS, typeof DAILY_STRINGS>,
  Shared<typeof ADMISSION_STRINGS, typeof DAILY_STRINGS>,
  Shared<typeof PARTICIPATION_STRINGS, typeof COMMON_STRINGS & typeof ADMISSION_STRINGS & typeof DAILY_STRINGS>,
  Shared<typeof PARTICIPATION_PAGE_STRINGS, typeof COMMON_STRINGS & typeof ADMISSION_STRINGS & typeof DAILY_STRINGS & typeof PARTICIPATION_STRINGS>,
] extends [never, never, never, never, never]
  ? true
  : false = true
void noKeyTwice

export type StringKey = keyof typeof STRINGS

/** The Chinese text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: StringKey, params?: Record<string, string | number>): string {
  const text: string = STRINGS[key].zh
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
