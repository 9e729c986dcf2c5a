import { groupFunction } from '../../cloudfunctions/group/handlers'
import { personaOpenid, DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import type { Store } from '../../store/port'
import { FIXED_NOW, makeStore } from '../support/store'

describe('group function', () => {
  let store: Store
  const call = (event: unknown, openid: string | null) => groupFunction(event, { store, openid, now: () => FIXED_NOW })

  beforeAll(async () => {
    store = await makeStore({ seed: true })
  })

  it('getProfile returns the demo group card with the caller’s role', async () => {
    const asAdmin = await call({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } }, personaOpenid('admin'))
    expect(asAdmin).toMatchObject({
      ok: true,
      data: { id: DEMO_GROUP_ID, name: '早起读书会·郑州3群', memberCount: 20, capacity: 500, seatsLeft: 480, viewerRole: 'admin' },
    })
    const asVisitor = await call({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } }, personaOpenid('visitor'))
    expect(asVisitor.ok && (asVisitor.data as { viewerRole: unknown }).viewerRole).toBeNull()
  })

  it('getProfile says NOT_FOUND in Chinese for an unknown group', async () => {
    expect(await call({ action: 'getProfile', input: { groupId: 'nope' } }, 'o_x')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '这个群不存在或已解散' },
    })
  })

  it('getProfile names the missing field', async () => {
    const result = await call({ action: 'getProfile', input: {} }, 'o_x')
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '此项必填', fields: { groupId: '此项必填' } } })
  })

  it.each([{ groupId: '' }, { groupId: 'has space' }, { groupId: 'x'.repeat(25) }, { groupId: 12 }])(
    'getProfile refuses malformed input %p',
    async (input) => {
      const result = await call({ action: 'getProfile', input }, 'o_x')
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '群编号格式不正确' } })
    },
  )

  it('listMine needs an identity and lists the caller’s groups', async () => {
    expect(await call({ action: 'listMine', input: {} }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await call({ action: 'listMine', input: {} }, personaOpenid('member'))).toEqual({
      ok: true,
      data: [{ id: DEMO_GROUP_ID, name: '早起读书会·郑州3群', topic: '读书打卡', role: 'member', memberCount: 20 }],
    })
    expect(await call({ action: 'listMine', input: {} }, personaOpenid('visitor'))).toEqual({ ok: true, data: [] })
  })

  it('cannot be talked into another identity by the event', async () => {
    const result = await call({ action: 'listMine', input: { openid: personaOpenid('member') }, userInfo: { openId: personaOpenid('member') } }, personaOpenid('visitor'))
    expect(result).toEqual({ ok: true, data: [] })
  })
})
