import { clockTime, shortDay } from './utils'

describe('check-in page helpers', () => {
  it('reads times in the group timezone', () => {
    expect(clockTime('2026-11-23T00:05:00.000Z', 'Asia/Shanghai')).toBe('08:05')
    expect(clockTime('2026-11-23T00:05:00.000Z', 'America/New_York')).toBe('19:05')
    expect(shortDay('2026-11-21')).toBe('11-21')
  })
})
