/**
 * Pure helpers of the check-in page: local times for people. (Photos need no helper: views carry a
 * short-lived `photoUrl` the server issues to members.)
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   clockTime('2026-11-23T00:05:00.000Z', 'Asia/Shanghai')   // '08:05'
 */
import { formatLocal } from '../../../../../domain/local-time'

/** '08:05' in the group's timezone. */
export function clockTime(iso: string, timezone: string): string {
  return formatLocal(iso, timezone, 'HH:mm')
}

/** '11-21' for a day key. */
export function shortDay(day: string): string {
  return day.slice(5)
}
