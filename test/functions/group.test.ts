import { getGroupProfile, listMyGroups } from '../../contracts'
import { personaOpenid, DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { FIXED_NOW, STRANGER, makeStore, testCaller, type TestCaller } from '../support/fixture'

describe('group function', () => {
  let api: TestCaller

  beforeAll(async () => {
    api = testCaller(await makeStore({ seed: true }), { now: () => FIXED_NOW })
  })

  it('getProfile returns the demo group card with the caller’s role', async () => {
    const asAdmin = await api.as(personaOpenid('admin')).result(getGroupProfile, { groupId: DEMO_GROUP_ID })
    expect(asAdmin).toMatchObject({
      ok: true,
      data: { id: DEMO_GROUP_ID, name: '早起读书会·郑州3群', memberCount: 20, capacity: 500, seatsLeft: 480, viewerRole: 'admin' },
    })
    const asVisitor = await api.as(personaOpenid('visitor')).result(getGroupProfile, { groupId: DEMO_GROUP_ID })
    expect(asVisitor.ok && asVisitor.data.viewerRole).toBeNull()
  })

  it('getProfile says NOT_FOUND in Chinese for an unknown group', async () => {
    expect(await api.as('o_x').result(getGroupProfile, { groupId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '这个群不存在或已解散' },
    })
  })

  it('getProfile names the missing field', async () => {
    const result = await api.as('o_x').resultOfUnchecked(getGroupProfile, {})
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '此项必填', fields: { groupId: '此项必填' } } })
  })

  it.each([{ groupId: '' }, { groupId: 'has space' }, { groupId: 'x'.repeat(25) }, { groupId: 12 }])(
    'getProfile refuses malformed input %p',
    async (input) => {
      const result = await api.as('o_x').resultOfUnchecked(getGroupProfile, input)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '群编号格式不正确' } })
    },
  )

  it('listMine needs an identity and lists the caller’s groups', async () => {
    expect(await api.as(STRANGER).result(listMyGroups, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await api.as(personaOpenid('member')).result(listMyGroups, {})).toEqual({
      ok: true,
      data: [{ id: DEMO_GROUP_ID, name: '早起读书会·郑州3群', topic: '读书打卡', role: 'member', memberCount: 20, board: { unreadAnnouncements: 2, rulesToConfirm: 1 } }],
    })
    expect(await api.as(personaOpenid('visitor')).result(listMyGroups, {})).toEqual({ ok: true, data: [] })
  })

  it('cannot be talked into another identity by the event', async () => {
    // a raw event: identity-like fields in the input and beside it
    const result = await api.as(personaOpenid('visitor')).event('group', { action: 'listMine', input: { openid: personaOpenid('member') }, userInfo: { openId: personaOpenid('member') } })
    expect(result).toEqual({ ok: true, data: [] })
  })
})
