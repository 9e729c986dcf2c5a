/** The CloudBase cron evaluator of the local scheduler: the fields and forms the triggers use, in China time. */
import { nextCronTime, parseCron } from '../../local-runtime/cron'

const next = (cron: string, after: string) => nextCronTime(cron, new Date(after))?.toISOString()

describe('nextCronTime', () => {
  it('reads the triggers of this repository', () => {
    expect(next('0 */15 * * * * *', '2026-11-23T12:07:30.000Z')).toBe('2026-11-23T12:15:00.000Z')
    expect(next('0 */15 * * * * *', '2026-11-23T12:15:00.000Z')).toBe('2026-11-23T12:30:00.000Z')
    expect(next('0 30 3 * * * *', '2026-11-23T12:00:00.000Z')).toBe('2026-11-23T19:30:00.000Z') // 03:30 China on the 24th
    expect(next('0 30 3 * * * *', '2026-11-23T19:30:00.000Z')).toBe('2026-11-24T19:30:00.000Z')
  })

  it('takes lists, ranges, steps from a start, and month and weekday names', () => {
    expect(next('0 0 10,14,16 * * * *', '2026-11-23T03:00:00.000Z')).toBe('2026-11-23T06:00:00.000Z') // 14:00 China
    expect(next('0 */30 9-17 * * * *', '2026-11-23T10:00:00.000Z')).toBe('2026-11-24T01:00:00.000Z') // after 18:00 China → 09:00 next day
    expect(next('0 1/10 * * * * *', '2026-11-23T00:00:00.000Z')).toBe('2026-11-23T00:01:00.000Z')
    expect(next('0 0 12 * * WED *', '2026-11-23T00:00:00.000Z')).toBe('2026-11-25T04:00:00.000Z') // 2026-11-25 is a Wednesday
    expect(next('0 0 0 1 JAN * *', '2026-11-23T00:00:00.000Z')).toBe('2026-12-31T16:00:00.000Z')
  })

  it('matches either the day or the weekday when both are given, as CloudBase does', () => {
    // The 1st of the month or any Sunday: Sunday 2026-11-29 comes before 2026-12-01.
    expect(next('0 0 8 1 * 0 *', '2026-11-23T00:00:00.000Z')).toBe('2026-11-29T00:00:00.000Z')
  })

  it('ends with its years and refuses what it cannot read', () => {
    expect(next('0 0 0 1 1 * 2026', '2026-11-23T00:00:00.000Z')).toBeUndefined()
    expect(() => parseCron('0 */15 * * * *')).toThrow(/7 fields/)
    expect(() => parseCron('0 61 * * * * *')).toThrow(/minute/)
    expect(() => parseCron('0 */0 * * * * *')).toThrow(/step/)
  })
})
