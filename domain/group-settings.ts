/**
 * The group settings page's values (群设置): limits, the common timezones, and which timezone names count.
 * No dates here (no dayjs), so pages may import it; how a change of the day rule takes effect is
 * `domain/day-rule-change.ts`.
 *
 * @example
 *   isKnownTimezone('America/New_York')   // true
 */
export const MAX_GROUP_NAME_LENGTH = 30
export const MAX_GROUP_INTRO_LENGTH = 300

/** The zones offered first in the picker (any IANA name is accepted). */
export const COMMON_TIMEZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Toronto',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const

/** Whether `name` is an IANA timezone this runtime knows. */
export function isKnownTimezone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,40}$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

