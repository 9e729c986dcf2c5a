/** Check-in day boundaries: timezone, day-start hour, a DST-free zone and zones with DST switches. */
import { dayKeyAt, daysBetween, formatLocal, isValidDayKey, localInstant, shiftDay, dayRuleOf } from '../../domain/days'

describe('dayKeyAt', () => {
  it('uses the group timezone, not UTC: Asia/Shanghai is UTC+8 all year', () => {
    expect(dayKeyAt(new Date('2026-11-22T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-22')
    expect(dayKeyAt(new Date('2026-11-22T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23')
    expect(dayKeyAt(new Date('2026-07-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-07-02')
  })

  it('counts check-ins before the day-start hour for the day before', () => {
    // 03:59 and 04:00 local on 2026-11-23
    expect(dayKeyAt(new Date('2026-11-22T19:59:00Z'), 'Asia/Shanghai', 4)).toBe('2026-11-22')
    expect(dayKeyAt(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai', 4)).toBe('2026-11-23')
    // across a year end: 01:30 on Jan 1st is still Dec 31st
    expect(dayKeyAt(new Date('2026-12-31T17:30:00Z'), 'Asia/Shanghai', 4)).toBe('2026-12-31')
    expect(dayKeyAt(new Date('2026-12-31T17:30:00Z'), 'Asia/Shanghai', 0)).toBe('2027-01-01')
  })

  it('follows America/New_York across the spring-forward switch (2026-03-08, 02:00 EST → 03:00 EDT)', () => {
    expect(dayKeyAt(new Date('2026-03-08T04:59:00Z'), 'America/New_York')).toBe('2026-03-07') // 23:59 EST
    expect(dayKeyAt(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08') // 00:00 EST
    expect(dayKeyAt(new Date('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08') // 23:59 EDT
    expect(dayKeyAt(new Date('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09') // 00:00 EDT
    // with a 04:00 day start, 03:30 EDT right after the switch still belongs to the day before
    expect(dayKeyAt(new Date('2026-03-08T07:30:00Z'), 'America/New_York', 4)).toBe('2026-03-07')
    expect(dayKeyAt(new Date('2026-03-08T08:00:00Z'), 'America/New_York', 4)).toBe('2026-03-08')
  })

  it('follows Europe/Berlin across the fall-back switch (2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    expect(dayKeyAt(new Date('2026-10-24T21:59:00Z'), 'Europe/Berlin')).toBe('2026-10-24') // 23:59 CEST
    expect(dayKeyAt(new Date('2026-10-24T22:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25') // 00:00 CEST
    expect(dayKeyAt(new Date('2026-10-25T22:59:00Z'), 'Europe/Berlin')).toBe('2026-10-25') // 23:59 CET (a 25-hour day)
    expect(dayKeyAt(new Date('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26')
  })
})

describe('localInstant', () => {
  it('puts 08:00 at the right UTC instant on both sides of a DST switch', () => {
    expect(localInstant('2026-03-07', '08:00', 'America/New_York').toISOString()).toBe('2026-03-07T13:00:00.000Z')
    expect(localInstant('2026-03-08', '08:00', 'America/New_York').toISOString()).toBe('2026-03-08T12:00:00.000Z')
    expect(localInstant('2026-10-26', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-10-26T07:00:00.000Z')
    expect(localInstant('2026-11-23', '08:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })
})

describe('calendar arithmetic on day keys', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01')
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29')
    expect(shiftDay('2027-03-01', -1)).toBe('2027-02-28')
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3)
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2)
  })

  it('validates day keys', () => {
    expect(isValidDayKey('2026-02-28')).toBe(true)
    expect(isValidDayKey('2026-02-30')).toBe(false)
    expect(isValidDayKey('2026-2-3')).toBe(false)
  })

  it('defaults a group to Asia/Shanghai from midnight, and ignores a bad day-start hour', () => {
    expect(dayRuleOf({ timezone: '', dayStartHour: undefined })).toEqual({ timezone: 'Asia/Shanghai', dayStartHour: 0 })
    expect(dayRuleOf({ timezone: 'Europe/Berlin', dayStartHour: 4 })).toEqual({ timezone: 'Europe/Berlin', dayStartHour: 4 })
    expect(dayRuleOf({ timezone: 'Asia/Shanghai', dayStartHour: 27 }).dayStartHour).toBe(0)
  })
})

describe('formatLocal (what the pages show times with)', () => {
  it('formats an instant in the group’s timezone, DST included', () => {
    expect(formatLocal('2026-11-23T02:00:00.000Z', 'Asia/Shanghai')).toBe('11-23 10:00')
    expect(formatLocal('2026-11-23T02:00:00.000Z', 'America/New_York')).toBe('11-22 21:00')
    expect(formatLocal('2026-07-01T02:00:00.000Z', 'America/New_York')).toBe('06-30 22:00')
    expect(formatLocal('2026-11-23T02:00:00.000Z', 'America/New_York', 'YYYY-MM-DD')).toBe('2026-11-22')
  })
})
