import { clockTime, photoSrc, shortDay } from './utils'

describe('check-in page helpers', () => {
  it('shows local uploads through /uploads/ and cloud fileIDs as they are', () => {
    expect(photoSrc('local:0123456789abcdef0123456789abcdef.jpg')).toBe('/uploads/0123456789abcdef0123456789abcdef.jpg')
    expect(photoSrc('cloud://env.bucket/checkins/a.jpg')).toBe('cloud://env.bucket/checkins/a.jpg')
    expect(photoSrc(null)).toBeNull()
  })

  it('reads times in the group timezone', () => {
    expect(clockTime('2026-11-23T00:05:00.000Z', 'Asia/Shanghai')).toBe('08:05')
    expect(clockTime('2026-11-23T00:05:00.000Z', 'America/New_York')).toBe('19:05')
    expect(shortDay('2026-11-21')).toBe('11-21')
  })
})
