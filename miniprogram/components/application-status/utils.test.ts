import type { MyApplicationView } from '../../../contracts/admission'
import { introLine, mustWaitToReapply, shortTime } from './utils'

const rejected: MyApplicationView = {
  id: 'a1',
  status: 'rejected',
  intro: { name: '张三', region: '郑州', occupation: '教师', about: '' },
  answers: [],
  phone: null,
  rulesVersion: 1,
  submittedAt: '2026-11-20T02:00:00.000Z',
  decidedAt: '2026-11-21T02:00:00.000Z',
  followUps: [],
  rejectReason: null,
  reapplyAllowedAt: '2026-11-28T02:00:00.000Z',
}

describe('application status helpers', () => {
  it('writes the intro as 姓名-地区-职业', () => {
    expect(introLine(rejected.intro)).toBe('张三-郑州-教师')
  })

  it('keeps a rejected applicant waiting until the cooldown ends', () => {
    expect(mustWaitToReapply(rejected, new Date('2026-11-27T00:00:00.000Z'))).toBe(true)
    expect(mustWaitToReapply(rejected, new Date('2026-11-29T00:00:00.000Z'))).toBe(false)
    expect(mustWaitToReapply({ ...rejected, reapplyAllowedAt: null }, new Date('2026-11-27T00:00:00.000Z'))).toBe(false)
    expect(mustWaitToReapply({ ...rejected, status: 'pending' }, new Date('2026-11-27T00:00:00.000Z'))).toBe(false)
    expect(mustWaitToReapply(null, new Date())).toBe(false)
  })

  it('reads times as month-day hour:minute, empty for none', () => {
    expect(shortTime(null, 'Asia/Shanghai')).toBe('')
    expect(shortTime('2026-11-23T02:00:00.000Z', 'Asia/Shanghai')).toBe('11-23 10:00')
    expect(shortTime('2026-11-23T02:00:00.000Z', 'America/New_York')).toBe('11-22 21:00')
  })
})
