/**
 * @jest-environment jsdom
 */
/**
 * The built members page (dist/weapp/packages/member/pages/members/index) in miniprogram-simulate, on the real handlers:
 * the roster marks the viewer's own row from `isViewer` and names members by opaque keys; the owner
 * promotes a member with the key, and nothing the page sends or shows carries an OPENID.
 * Needs `npm run build:weapp` first.
 */
import { listMembers, type RosterPage } from '../../contracts/members'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ROUTES } from '../../contracts/routes'

describe('weapp members page', () => {
  const weapp = setUpWeappPages()
  const OWNER = 'o_demo_owner'

  async function rosterAs(openid: string): Promise<RosterPage> {
    const result = (await weapp.backend.callFunctionAs(openid)({ name: listMembers.fn, data: { action: listMembers.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: RosterPage }
    return result.data
  }

  it('marks the member’s own row and offers a plain member no actions', async () => {
    const member = personaOpenid('member')
    const roster = await rosterAs(member)
    const own = roster.items.findIndex((m) => m.isViewer)
    const page = await weapp.open(ROUTES.members, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await page.waitForText(`#member-${own}`, '（我）')
    expect(page.text('#member-0')).toContain('群主')
    expect(page.query('#remove-0')).toBeNull()
    expect(page.query('#role-1')).toBeNull()
    expect(page.query('#leave-group')).not.toBeNull()
  })

  it('lets the owner promote a member by its key; no OPENID goes out or shows', async () => {
    const roster = await rosterAs(OWNER)
    const index = roster.items.findIndex((m) => m.role === 'member')
    const target = roster.items[index]
    const page = await weapp.open(ROUTES.members, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(OWNER) })
    await page.waitForText(`#role-${index}`, '设为管理员')
    page.tap(`#role-${index}`)
    await page.waitForText('#members-message', `设为管理员：${target.nickname}`)
    const sent = page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> })
    expect(sent.find((c) => c.action === 'changeRole')?.input).toEqual({ groupId: DEMO_GROUP_ID, memberKey: target.key, role: 'admin' })
    expect(JSON.stringify(page.calls)).not.toMatch(/o_demo_/)
    expect(page.text('#members-roster')).not.toMatch(/o_demo_/)
    expect((await rosterAs(OWNER)).items.find((m) => m.key === target.key)?.role).toBe('admin')
  })
})
