import { formatNickname } from '../../domain/group'
import { demoMembers, seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { DEMO_GROUP_ID, PERSONAS } from '../../local-runtime/demo/personas'
import { FIXED_NOW, makeStore } from '../support/fixture'

describe('demo community seed', () => {
  it('seeds one group with its 20 members once', async () => {
    const store = await makeStore()
    expect(await seedDemoCommunity(store, FIXED_NOW)).toBe(true)
    expect(await seedDemoCommunity(store, FIXED_NOW)).toBe(false)
    const group = await store.get('groups', DEMO_GROUP_ID)
    expect(group?.memberCount).toBe(20)
    expect(await store.count('members', { groupId: DEMO_GROUP_ID })).toBe(20)
    expect(group?.rules.clauses.length).toBeGreaterThanOrEqual(5)
  })

  it('has exactly one owner, admins, and introductions in the 姓名-地区-职业 form', () => {
    const members = demoMembers(FIXED_NOW)
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1)
    expect(members.filter((m) => m.role === 'admin').length).toBeGreaterThanOrEqual(1)
    for (const m of members) expect(formatNickname(m.intro)).toMatch(/^[^-]+-[^-]+-[^-]+$/)
    expect(new Set(members.map((m) => m._id)).size).toBe(members.length)
  })

  it('gives the member and admin personas their roles, and the visitor none', () => {
    const members = demoMembers(FIXED_NOW)
    const roleOf = (key: string) => members.find((m) => m.openid === PERSONAS.find((p) => p.key === key)?.openid)?.role
    expect(roleOf('admin')).toBe('admin')
    expect(roleOf('owner')).toBe('owner')
    expect(roleOf('member')).toBe('member')
    expect(roleOf('visitor')).toBeUndefined()
    expect(roleOf('applicant')).toBeUndefined()
  })
})
