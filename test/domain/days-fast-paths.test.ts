/** The plain-Date fast paths of day arithmetic answer exactly as the dayjs computations they replace. */
import fc from 'fast-check'
import dayjs from '../../domain/dayjs'
import { dayInMonth, daysBetween } from '../../domain/days'

const dayKey = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
// Also keys past a month's end (02-30), which both roll over.
const looseKey = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

describe('day arithmetic fast paths', () => {
  it('daysBetween equals dayjs’ whole-day difference', () => {
    fc.assert(
      fc.property(fc.oneof(dayKey, looseKey), fc.oneof(dayKey, looseKey), (from, to) => {
        expect(daysBetween(from, to)).toBe(dayjs.utc(to).diff(dayjs.utc(from), 'day'))
      }),
      { numRuns: 2000 },
    )
  })

  it('dayInMonth equals dayjs’ date-of-month (rolling past the end)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -3, max: 40 }), (year, month, date) => {
        const key = `${year}-${String(month).padStart(2, '0')}`
        expect(dayInMonth(key, date)).toBe(dayjs.utc(`${key}-01`).date(date).format('YYYY-MM-DD'))
      }),
      { numRuns: 2000 },
    )
  })
})
