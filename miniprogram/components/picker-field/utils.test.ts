import { pickerText } from './utils'

describe('pickerText', () => {
  it('shows a day with its weekday, a time as it is, 请选择 when empty', () => {
    expect(pickerText('date', '2026-11-24')).toBe('2026-11-24 周二')
    expect(pickerText('date', '2026-11-29')).toBe('2026-11-29 周日')
    expect(pickerText('time', '08:00')).toBe('08:00')
    expect(pickerText('date', '')).toBe('请选择')
  })
})
