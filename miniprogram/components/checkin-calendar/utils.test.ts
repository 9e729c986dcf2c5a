import { monthGrid, monthOfDayKey, shiftDayKey, shiftMonthKey } from './utils'

describe('monthGrid', () => {
  it('starts November 2026 on a Sunday (six blanks) and marks checked, make-up and today', () => {
    const rows = monthGrid('2026-11', [{ day: '2026-11-02', makeUp: false }, { day: '2026-11-03', makeUp: true }], '2026-11-23')
    expect(rows[0].slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(rows[0][6]).toMatchObject({ day: '2026-11-01', date: 1, checked: false })
    expect(rows[1][0]).toMatchObject({ day: '2026-11-02', checked: true, makeUp: false })
    expect(rows[1][1]).toMatchObject({ day: '2026-11-03', checked: true, makeUp: true })
    const cells = rows.flat().filter((c) => c !== null)
    expect(cells).toHaveLength(30)
    expect(cells.filter((c) => c!.today).map((c) => c!.day)).toEqual(['2026-11-23'])
    expect(rows.every((row) => row.length === 7)).toBe(true)
  })

  it('handles a leap February starting on a Tuesday', () => {
    const rows = monthGrid('2028-02', [], '2028-02-29')
    expect(rows[0][0]).toBeNull()
    expect(rows[0][1]).toMatchObject({ date: 1 })
    expect(rows.flat().filter((c) => c !== null)).toHaveLength(29)
  })
})

describe('shiftMonthKey', () => {
  it('steps a month back and forth, across year ends', () => {
    expect(shiftMonthKey('2026-11', -1)).toBe('2026-10')
    expect(shiftMonthKey('2026-01', -1)).toBe('2025-12')
    expect(shiftMonthKey('2026-12', 1)).toBe('2027-01')
    expect(shiftMonthKey('2026-03', -14)).toBe('2025-01')
  })
})

describe('shiftDayKey and monthOfDayKey', () => {
  it('step days across month, year and leap-day ends', () => {
    expect(shiftDayKey('2026-11-01', -1)).toBe('2026-10-31')
    expect(shiftDayKey('2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftDayKey('2028-02-28', 1)).toBe('2028-02-29')
    expect(shiftDayKey('2026-11-23', 0)).toBe('2026-11-23')
    expect(monthOfDayKey('2026-10-20')).toBe('2026-10')
  })
})
