import { dailyEntries } from './utils'

describe('dailyEntries', () => {
  it('gives members the daily pages, admins also publishing, visitors nothing', () => {
    expect(dailyEntries('g1', null)).toEqual([])
    expect(dailyEntries('g1', 'member').map((e) => e.url)).toEqual(['/pages/checkin/index?id=g1', '/pages/rules/index?id=g1', '/pages/announcements/index?id=g1'])
    expect(dailyEntries('g1', 'admin').map((e) => e.key)).toEqual(['checkin', 'rules', 'announcements', 'tasks', 'groupSettings'])
    expect(dailyEntries('g1', 'owner')[4].url).toBe('/packages/admin/pages/group-settings/index?id=g1')
    expect(dailyEntries('g1', 'member').map((e) => e.key)).not.toContain('groupSettings')
    expect(dailyEntries('g1', 'owner').map((e) => e.key)).toContain('tasks')
  })
})
