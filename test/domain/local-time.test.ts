/**
 * domain/local-time.ts (what the pages show, on Intl) against domain/days.ts and dayjs (what the server
 * uses): the same text for random instants in timezones with and without DST, and the same calendar for
 * random months.
 */
import dayjs from 'dayjs'
import fc from 'fast-check'
import * as days from '../../domain/days'
import { dayInMonth, daysInMonth, firstWeekdayOfMonth, formatLocal, formatPhoneLocal, type LocalFormat } from '../../domain/local-time'

const TIMEZONES = ['Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']
const FORMATS: LocalFormat[] = ['MM-DD HH:mm', 'HH:mm', 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm']
const instants = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
const months = fc.record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`)

describe('local-time', () => {
  it('formats an instant in a timezone as dayjs does', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...TIMEZONES), fc.constantFrom(...FORMATS), fc.boolean(), (instant, zone, format, asString) => {
        const input = asString ? instant.toISOString() : instant
        expect(formatLocal(input, zone, format)).toBe(days.formatLocal(input, zone, format))
      }),
      { numRuns: 500 },
    )
  })

  it('formats across a DST switch as dayjs does (New York, spring forward and fall back)', () => {
    for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:59:00Z', '2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z']) {
      expect(formatLocal(iso, 'America/New_York', 'YYYY-MM-DD HH:mm')).toBe(days.formatLocal(iso, 'America/New_York', 'YYYY-MM-DD HH:mm'))
    }
    expect(formatLocal('2026-03-08T07:00:00Z', 'America/New_York', 'HH:mm')).toBe('03:00')
  })

  it('defaults to month-day and time, and writes an invalid instant as dayjs does', () => {
    expect(formatLocal('2026-11-22T18:30:00Z', 'Asia/Shanghai')).toBe('11-23 02:30')
    expect(formatLocal('2026-11-22T16:00:00Z', 'Asia/Shanghai', 'HH:mm')).toBe('00:00')
    expect(formatLocal('not a date', 'Asia/Shanghai')).toBe(days.formatLocal('not a date', 'Asia/Shanghai'))
  })

  it("formats in the phone's timezone as dayjs does", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...FORMATS), (instant, format) => {
        expect(formatPhoneLocal(instant.toISOString(), format)).toBe(dayjs(instant.toISOString()).format(format))
      }),
      { numRuns: 300 },
    )
  })

  it('lays out a month as domain/days does', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: 1, max: 31 }), (month, date) => {
        expect(daysInMonth(month)).toBe(days.daysInMonth(month))
        expect(firstWeekdayOfMonth(month)).toBe(days.firstWeekdayOfMonth(month))
        expect(dayInMonth(month, date)).toBe(days.dayInMonth(month, date))
      }),
      { numRuns: 500 },
    )
    expect(daysInMonth('2028-02')).toBe(29)
    expect(daysInMonth('2100-02')).toBe(28)
  })
})
