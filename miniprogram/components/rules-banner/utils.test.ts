import { rulesBanner } from './utils'

describe('rulesBanner', () => {
  it('shows to a member with a version to confirm, leading to the rules page; never to others', () => {
    expect(rulesBanner('g1', { unreadAnnouncements: 2, rulesToConfirm: 3 })).toEqual({ version: 3, url: '/packages/member/pages/rules/index?id=g1' })
    expect(rulesBanner('g1', { unreadAnnouncements: 2, rulesToConfirm: null })).toBeNull()
    expect(rulesBanner('g1', null)).toBeNull()
    expect(rulesBanner('g1', undefined)).toBeNull()
  })
})
