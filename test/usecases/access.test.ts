import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { recordAudit } from '../../usecases/audit'
import { STRANGER, userCaller, type UseCaseContext } from '../../usecases/context'
import { deliverToInbox } from '../../usecases/inbox/deliver'
import { EVERY_ROLE, MANAGERS, requireRole } from '../../usecases/access'
import { FIXED_NOW, makeStore } from '../support/fixture'

describe('requireRole', () => {
  let ctx: (openid: string | null) => UseCaseContext
  beforeAll(async () => {
    const store = await makeStore({ seed: true })
    ctx = (openid) => ({ store, caller: openid ? userCaller(openid) : STRANGER, now: () => FIXED_NOW })
  })

  it('admits the roles asked for', async () => {
    await expect(requireRole(ctx(personaOpenid('admin')), DEMO_GROUP_ID, MANAGERS)).resolves.toMatchObject({ member: { role: 'admin' } })
    await expect(requireRole(ctx(personaOpenid('member')), DEMO_GROUP_ID, EVERY_ROLE)).resolves.toMatchObject({ member: { role: 'member' } })
  })

  it.each([
    ['a member asking to manage', 'member', 'FORBIDDEN'],
    ['a stranger', 'visitor', 'FORBIDDEN'],
  ] as const)('refuses %s', async (_label, persona, code) => {
    await expect(requireRole(ctx(personaOpenid(persona)), DEMO_GROUP_ID, MANAGERS)).rejects.toMatchObject({ code })
  })

  it('refuses a call without identity, and an unknown group', async () => {
    await expect(requireRole(ctx(null), DEMO_GROUP_ID, EVERY_ROLE)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(requireRole(ctx('o_x'), 'nope', EVERY_ROLE)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('audit and inbox writes', () => {
  it('commit with the transaction they belong to, and not without it', async () => {
    const store = await makeStore()
    await store.transaction(async (tx) => {
      await recordAudit(tx, { groupId: 'g1', actorOpenid: 'o_admin', action: 'member.remove', targetOpenid: 'o_x', detail: { reason: '刷屏' }, at: FIXED_NOW })
      await deliverToInbox(tx, { openid: 'o_x', groupId: 'g1', kind: 'member.removed', title: '你已被移出群', body: '原因：刷屏', at: FIXED_NOW })
    })
    await expect(
      store.transaction(async (tx) => {
        await recordAudit(tx, { groupId: 'g1', actorOpenid: 'o_admin', action: 'member.remove', at: FIXED_NOW })
        throw new Error('the action failed')
      }),
    ).rejects.toThrow('the action failed')
    const audits = await store.find('auditLogs', { where: { groupId: 'g1' } })
    expect(audits).toEqual([
      expect.objectContaining({ actorOpenid: 'o_admin', action: 'member.remove', targetOpenid: 'o_x', detail: { reason: '刷屏' }, at: FIXED_NOW.toISOString() }),
    ])
    expect(await store.find('inboxMessages', { where: { openid: 'o_x' } })).toEqual([
      expect.objectContaining({ kind: 'member.removed', readAt: null, link: null }),
    ])
  })
})
