import { admissionEntries } from './utils'

describe('admission entries on the group page', () => {
  it('offers visitors the apply page', () => {
    expect(admissionEntries('demo-reading', null)).toEqual([
      { key: 'apply', label: 'groupEntry.apply', url: '/packages/join/pages/apply/index?id=demo-reading' },
      { key: 'inbox', label: 'groupEntry.inbox', url: '/packages/member/pages/inbox/index' },
    ])
  })

  it('offers members the roster and invites, and managers the review queue as well', () => {
    expect(admissionEntries('g1', 'member').map((e) => e.key)).toEqual(['members', 'invite', 'inbox'])
    expect(admissionEntries('g1', 'admin').map((e) => e.key)).toEqual(['review', 'members', 'invite', 'settings', 'joinGuide', 'inbox'])
    expect(admissionEntries('g1', 'admin')[4].url).toBe('/packages/admin/pages/join-guide/index?id=g1')
    expect(admissionEntries('g1', 'owner')[0].url).toBe('/packages/admin/pages/review/index?id=g1')
    expect(admissionEntries('g1', 'owner')[3].url).toBe('/packages/admin/pages/admission-settings/index?id=g1')
  })
})
