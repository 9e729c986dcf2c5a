import { hubTiles, TILE_LOOKS } from './utils'

describe('hubTiles', () => {
  it('a visitor gets only the inbox (the apply button sits with their application status)', () => {
    const tiles = hubTiles('g1', null, null)
    expect(tiles.daily.map((tile) => tile.key)).toEqual(['inbox'])
    expect(tiles.manage).toEqual([])
  })

  it('a member gets the everyday pages in a fixed order and no admin page', () => {
    const tiles = hubTiles('g1', 'member', null)
    expect(tiles.daily.map((tile) => tile.key)).toEqual(['checkin', 'announcements', 'rules', 'leaderboard', 'progress', 'members', 'invite', 'inbox'])
    expect(tiles.manage).toEqual([])
    expect(tiles.daily[0]).toMatchObject({ label: 'groupEntry.checkin', glyph: '卡', tone: 'green', url: expect.stringContaining('id=g1') })
  })

  it('an admin also gets the admin pages under 管理, review first', () => {
    const tiles = hubTiles('g1', 'admin', null)
    expect(tiles.manage.map((tile) => tile.key)).toEqual(['review', 'tasks', 'manageAnnouncements', 'manageRules', 'dashboard', 'settings', 'joinGuide', 'groupSettings'])
    expect(tiles.daily.map((tile) => tile.key)).toContain('checkin')
  })

  it('carries the unread count on 公告 and a dot on 群规 while a version waits', () => {
    const tiles = hubTiles('g1', 'member', { unreadAnnouncements: 3, rulesToConfirm: 2 })
    expect(tiles.daily.find((tile) => tile.key === 'announcements')?.badge).toEqual({ count: '3' })
    expect(tiles.daily.find((tile) => tile.key === 'rules')?.badge).toEqual({ dot: true })
    expect(tiles.daily.find((tile) => tile.key === 'checkin')?.badge).toBeNull()
  })

  it('every entry any role can see has its own look', () => {
    const keys = [...hubTiles('g1', 'owner', null).daily, ...hubTiles('g1', 'owner', null).manage].map((tile) => tile.key)
    for (const key of keys) expect(TILE_LOOKS[key]).toBeDefined()
  })
})
