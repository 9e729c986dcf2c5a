import { canManageGroup, formatNickname, isFull, MAX_GROUP_CAPACITY, memberId, seatsLeft } from '../../domain/group'
import { toGroupProfile } from '../../usecases/group'
import { demoGroup } from '../../local-runtime/demo/demo-community'

describe('group rules', () => {
  it('gives one membership id per person per group', () => {
    expect(memberId('g1', 'o_a')).toBe('g1:o_a')
    expect(memberId('g1', 'o_a')).not.toBe(memberId('g2', 'o_a'))
  })

  it('counts seats left and never below zero', () => {
    expect(seatsLeft({ capacity: 500, memberCount: 498 })).toBe(2)
    expect(seatsLeft({ capacity: 10, memberCount: 12 })).toBe(0)
    expect(isFull({ capacity: 10, memberCount: 10 })).toBe(true)
    expect(isFull({ capacity: 10, memberCount: 9 })).toBe(false)
  })

  it('caps a group at WeChat’s 500 even when configured higher', () => {
    expect(seatsLeft({ capacity: 800, memberCount: 499 })).toBe(1)
    const profile = toGroupProfile({ ...demoGroup(new Date()), capacity: 800, memberCount: 499 }, null)
    expect(profile.capacity).toBe(MAX_GROUP_CAPACITY)
    expect(profile.seatsLeft).toBe(1)
  })

  it('formats the customary nickname 姓名-地区-职业', () => {
    expect(formatNickname({ name: '张三', region: '郑州', occupation: '理财顾问' })).toBe('张三-郑州-理财顾问')
    expect(formatNickname({ name: ' 李四 ', region: '', occupation: '教师' })).toBe('李四-教师')
  })

  it('lets only owners and admins manage', () => {
    expect(canManageGroup('owner')).toBe(true)
    expect(canManageGroup('admin')).toBe(true)
    expect(canManageGroup('member')).toBe(false)
    expect(canManageGroup(null)).toBe(false)
  })

  it('shows the viewer role on the profile', () => {
    const group = demoGroup(new Date('2026-11-23T00:00:00Z'))
    expect(toGroupProfile(group, 'admin')).toMatchObject({ id: group._id, name: group.name, viewerRole: 'admin' })
    expect(toGroupProfile(group, null).viewerRole).toBeNull()
  })
})
