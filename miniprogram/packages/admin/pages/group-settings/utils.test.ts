import { dayRuleChanged, hourLabel, timezoneChoices } from './utils'

describe('group settings page helpers', () => {
  it('offers the common zones first, the current one if it is not among them, and searches every known zone', () => {
    expect(timezoneChoices('', 'Asia/Shanghai', [])[0]).toBe('Asia/Shanghai')
    expect(timezoneChoices('', 'Africa/Nairobi', [])[0]).toBe('Africa/Nairobi')
    expect(timezoneChoices('york', 'Asia/Shanghai', ['America/New_York', 'Europe/Paris'])).toEqual(['America/New_York'])
    expect(timezoneChoices('new york', 'Asia/Shanghai', ['America/New_York'])).toEqual(['America/New_York'])
    expect(timezoneChoices('nairobi', 'Asia/Shanghai', ['Africa/Nairobi'])).toEqual(['Africa/Nairobi'])
    expect(timezoneChoices('zzz', 'Asia/Shanghai', ['Africa/Nairobi'])).toEqual([])
  })

  it('labels hours and tells a day-rule change', () => {
    expect(hourLabel(4)).toBe('04:00')
    expect(hourLabel(23)).toBe('23:00')
    expect(dayRuleChanged({ timezone: 'Asia/Shanghai', dayStartHour: 4 }, { timezone: 'Asia/Shanghai', dayStartHour: 0 })).toBe(true)
    expect(dayRuleChanged({ timezone: 'Asia/Shanghai', dayStartHour: 0 }, { timezone: 'Asia/Shanghai', dayStartHour: 0 })).toBe(false)
  })
})
