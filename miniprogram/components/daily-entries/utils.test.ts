import { dailyEntries, entryBadge } from './utils'

describe('dailyEntries', () => {
  it('gives members the daily pages, admins also publishing, visitors nothing', () => {
    expect(dailyEntries('g1', null)).toEqual([])
    expect(dailyEntries('g1', 'member').map((e) => e.url)).toEqual(['/packages/member/pages/checkin/index?id=g1', '/packages/member/pages/rules/index?id=g1', '/packages/member/pages/announcements/index?id=g1'])
    expect(dailyEntries('g1', 'admin').map((e) => e.key)).toEqual(['checkin', 'rules', 'announcements', 'tasks', 'manageAnnouncements', 'manageRules', 'groupSettings'])
    expect(dailyEntries('g1', 'admin').slice(3).map((e) => e.url)).toEqual([
      '/packages/admin/pages/tasks/index?id=g1',
      '/packages/admin/pages/announcements/index?id=g1',
      '/packages/admin/pages/rules/index?id=g1',
      '/packages/admin/pages/group-settings/index?id=g1',
    ])
    expect(dailyEntries('g1', 'member').map((e) => e.key)).not.toContain('groupSettings')
    expect(dailyEntries('g1', 'owner').map((e) => e.key)).toContain('tasks')
  })
})

describe('entryBadge', () => {
  it('puts the unread count on 公告 and a dot on 群规 while a version waits, nothing elsewhere', () => {
    const board = { unreadAnnouncements: 3, rulesToConfirm: 2 }
    expect(entryBadge('announcements', board)).toEqual({ count: '3' })
    expect(entryBadge('rules', board)).toEqual({ dot: true })
    expect(entryBadge('checkin', board)).toBeNull()
    expect(entryBadge('announcements', { unreadAnnouncements: 0, rulesToConfirm: null })).toBeNull()
    expect(entryBadge('rules', null)).toBeNull()
  })
})
