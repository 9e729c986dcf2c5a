import { participationEntries } from './utils'

describe('participationEntries', () => {
  it('gives members the leaderboard and their progress, admins and the owner also the dashboard, visitors nothing', () => {
    expect(participationEntries('g1', null)).toEqual([])
    expect(participationEntries('g1', 'member').map((e) => e.url)).toEqual([
      '/packages/participation/pages/leaderboard/index?id=g1',
      '/packages/participation/pages/progress/index?id=g1',
    ])
    expect(participationEntries('g1', 'admin').map((e) => e.key)).toEqual(['leaderboard', 'progress', 'dashboard'])
    expect(participationEntries('g1', 'owner').find((e) => e.key === 'dashboard')?.url).toBe('/packages/insights/pages/dashboard/index?id=g1')
  })
})
