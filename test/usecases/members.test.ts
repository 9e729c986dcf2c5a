/**
 * Member roles: roster, promote/demote and transfer (owner only), remove (admins; not the owner; admins
 * only by the owner), leave (not the owner) — each audited, memberCount exact (races through the handlers:
 * test/functions/admission.test.ts).
 */
import { memberId } from '../../domain/group'
import { memberKey } from '../../usecases/member-keys'
import { changeMemberRole, leaveGroup, listMembers, removeMember, transferOwnership } from '../../usecases/members'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture, testMember, type Fixture } from '../support/fixture'

describe('member roles', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture({ members: [testMember('o_m2', 'member', '刘洋')] })
  })

  const count = async () => (await fx.store.get('groups', GROUP))?.memberCount

  it('lists the roster with roles, owner first, to members only', async () => {
    const roster = await listMembers(fx.ctx(MEMBER), { groupId: GROUP, cursor: 0 })
    expect(roster.items.map((m) => m.role)).toEqual(['owner', 'admin', 'member', 'member'])
    expect(roster).toMatchObject({ total: 4, viewerRole: 'member' })
    // Members are named by opaque per-group keys; the viewer's row is marked, and no OPENID is in the view.
    expect(roster.items.filter((m) => m.isViewer).map((m) => m.key)).toEqual([memberKey(GROUP, MEMBER)])
    expect(roster.items.every((m) => /^m_[a-f0-9]{24}$/.test(m.key))).toBe(true)
    expect(JSON.stringify(roster)).not.toMatch(/o_[A-Za-z0-9_-]+/)
    expect(memberKey(GROUP, MEMBER)).not.toBe(memberKey('g-elsewhere', MEMBER))
    await expect(listMembers(fx.ctx('o_stranger'), { groupId: GROUP, cursor: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lets only the owner promote and demote, with an audit entry each', async () => {
    await expect(changeMemberRole(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER), role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(changeMemberRole(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER), role: 'admin' })).resolves.toMatchObject({ role: 'admin' })
    await expect(changeMemberRole(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER), role: 'admin' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await changeMemberRole(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey(GROUP, ADMIN), role: 'member' })
    expect((await fx.store.get('members', memberId(GROUP, ADMIN)))?.role).toBe('member')
    const audits = await fx.store.find('auditLogs', { where: { groupId: GROUP }, orderBy: [{ field: 'at', direction: 'asc' }] })
    expect(audits.map((a) => [a.action, a.targetOpenid]).sort()).toEqual([['member.demote', ADMIN], ['member.promote', MEMBER]])
  })

  it('transfers ownership: the old owner becomes admin, the group records the new owner', async () => {
    await expect(transferOwnership(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await transferOwnership(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER) })
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)))?.role).toBe('owner')
    expect((await fx.store.get('members', memberId(GROUP, OWNER)))?.role).toBe('admin')
    expect((await fx.store.get('groups', GROUP))?.ownerOpenid).toBe(MEMBER)
    expect(await fx.store.count('inboxMessages', { openid: MEMBER, kind: 'member.owner' })).toBe(1)
  })

  it('refuses a key of nobody in the group (NOT_FOUND), and a malformed one never reaches the use case', async () => {
    await expect(changeMemberRole(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey('g-elsewhere', MEMBER), role: 'admin' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(removeMember(fx.ctx(OWNER), { groupId: GROUP, memberKey: `m_${'0'.repeat(24)}`, reason: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await count()).toBe(4)
  })

  it('removes members: admins remove plain members, only the owner removes admins, nobody the owner', async () => {
    await expect(removeMember(fx.ctx(MEMBER), { groupId: GROUP, memberKey: memberKey(GROUP, 'o_m2'), reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(removeMember(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, OWNER), reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(removeMember(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, 'o_m2'), reason: '多次刷屏' })).resolves.toEqual({ memberCount: 3 })
    await fx.store.create('members', testMember('o_admin2', 'admin'))
    await expect(removeMember(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, ADMIN), reason: '' })).rejects.toMatchObject({ code: 'CONFLICT', message: '不能移出自己，请使用「退出本群」' })
    await fx.store.update('groups', GROUP, { memberCount: 4 })
    await expect(removeMember(fx.ctx(ADMIN), { groupId: GROUP, memberKey: memberKey(GROUP, 'o_admin2'), reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(removeMember(fx.ctx(OWNER), { groupId: GROUP, memberKey: memberKey(GROUP, 'o_admin2'), reason: '' })).resolves.toEqual({ memberCount: 3 })
    expect(await count()).toBe(3)
    expect(await fx.store.find('inboxMessages', { where: { openid: 'o_m2' } })).toEqual([expect.objectContaining({ kind: 'member.removed', body: '原因：多次刷屏' })])
    expect(await fx.store.count('auditLogs', { groupId: GROUP, action: 'member.remove' })).toBe(2)
  })

  it('lets members leave; the owner must transfer first', async () => {
    await expect(leaveGroup(fx.ctx(OWNER), { groupId: GROUP })).rejects.toMatchObject({ code: 'CONFLICT', message: '群主需要先转让群主身份才能退出' })
    await expect(leaveGroup(fx.ctx(MEMBER), { groupId: GROUP })).resolves.toEqual({ memberCount: 3 })
    await expect(leaveGroup(fx.ctx(MEMBER), { groupId: GROUP })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await count()).toBe(3)
  })
})
