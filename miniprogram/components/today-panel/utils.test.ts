import { checkinLine, taskLine } from './utils'

describe('taskLine', () => {
  it('a published task shows its title', () => {
    expect(taskLine({ timezone: 'Asia/Shanghai', task: { title: '读完第 3 章', published: true } })).toEqual({ text: '读完第 3 章', waiting: false })
  })

  it('before publish only the time, in the group’s timezone', () => {
    expect(taskLine({ timezone: 'Asia/Shanghai', task: { publishAt: '2026-11-23T00:00:00.000Z', published: false } }).text).toBe('今日任务 08:00 发布')
    expect(taskLine({ timezone: 'Europe/Berlin', task: { publishAt: '2026-11-23T06:30:00.000Z', published: false } }).text).toBe('今日任务 07:30 发布')
  })

  it('no task: free check-in', () => {
    expect(taskLine({ timezone: 'Asia/Shanghai', task: null })).toEqual({ text: '今天没有布置任务，自由打卡', waiting: true })
  })
})

describe('checkinLine', () => {
  it('done today: the streak', () => {
    expect(checkinLine({ checkedIn: true, streak: 5 })).toBe('今日已打卡 · 连续 5 天')
  })

  it('not yet: the streak still alive, or nothing', () => {
    expect(checkinLine({ checkedIn: false, streak: 4 })).toBe('今天还没打卡 · 连续 4 天')
    expect(checkinLine({ checkedIn: false, streak: 0 })).toBe('今天还没打卡')
  })
})
