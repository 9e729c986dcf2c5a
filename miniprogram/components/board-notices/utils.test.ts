import { badgeText, noticeLines } from './utils'

describe('board news text', () => {
  it('shows a count, 20+ past what the group remembers, nothing for none', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(3)).toBe('3')
    expect(badgeText(20)).toBe('20+')
  })

  it('says what is new, announcements first', () => {
    expect(noticeLines({ unreadAnnouncements: 2, rulesToConfirm: 3 })).toEqual(['2 条新公告', '群规待确认'])
    expect(noticeLines({ unreadAnnouncements: 0, rulesToConfirm: 3 })).toEqual(['群规待确认'])
    expect(noticeLines({ unreadAnnouncements: 0, rulesToConfirm: null })).toEqual([])
    expect(noticeLines(null)).toEqual([])
  })
})
