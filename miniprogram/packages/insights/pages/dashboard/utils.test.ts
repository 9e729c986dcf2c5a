import { outcomeText, percent, silenceText, whoText } from './utils'

describe('dashboard helpers', () => {
  it('shows rates as whole percentages', () => {
    expect(percent(0)).toBe('0%')
    expect(percent(0.6666)).toBe('67%')
    expect(percent(1)).toBe('100%')
  })

  it('says how long a member has been silent, or that they never checked in', () => {
    expect(silenceText({ daysInactive: 12, lastCheckinDay: '2026-11-11' })).toBe('12 天未打卡 · 最近打卡 11-11')
    expect(silenceText({ daysInactive: 9, lastCheckinDay: null })).toBe('从未打卡 · 入群 9 天')
  })

  it('names one member, counts several', () => {
    expect(whoText([{ nickname: '李娜-郑州-小学教师' }])).toBe('李娜-郑州-小学教师')
    expect(whoText([{ nickname: 'a' }, { nickname: 'b' }])).toBe('2 位成员')
  })

  it('reports what was done and what was skipped', () => {
    expect(outcomeText('nudged', { done: 1, skipped: [], memberCount: 20 })).toBe('已提醒 1 人')
    expect(outcomeText('removed', { done: 2, skipped: ['m_x'], memberCount: 18 })).toBe('已移出 2 人，1 人未处理（已不在群中或无权操作）')
  })
})
