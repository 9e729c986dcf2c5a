/**
 * @jest-environment jsdom
 */
/**
 * The built admins' rules page (dist/weapp/packages/admin/pages/rules/index) in miniprogram-simulate, on the
 * real handlers and the seeded demo community (rules version 1): an admin publishes version 2 from the editor
 * (one request id per opened editor), the page then says version 2 and the publisher has confirmed it, while a
 * member's group page now shows 群规已更新，请确认; a member who opens it gets the rules and no editor.
 * Needs `npm run build:weapp` first.
 */
import { getRules, type RulesView } from '../../contracts/board'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'

const PAGE = 'packages/admin/pages/rules/index'

describe('weapp admins’ rules page', () => {
  const weapp = setUpWeappPages()

  async function rulesAs(openid: string): Promise<RulesView> {
    const result = (await weapp.backend.callFunctionAs(openid)({ name: getRules.fn, data: { action: getRules.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: RulesView }
    return result.data
  }

  it('publishes version 2; the publisher has confirmed it and members are asked to', async () => {
    const before = (await rulesAs(personaOpenid('admin'))).current.clauses
    const clauses = [...before.slice(0, 3), '每月最后一个周六线下读书会，自愿参加。']
    const admin = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await admin.waitForText('#rules-editor', '编辑并发布新版本')
    expect(admin.text('#rules-version')).toContain('当前：第 1 版')
    admin.input('#rules-editor-text', clauses.join('\n'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    admin.tap('#rules-publish')
    await admin.waitForText('#rules-version', '当前：第 2 版')
    expect(admin.calls.map((c) => c.data)).toContainEqual({ action: 'publishRules', input: { groupId: DEMO_GROUP_ID, clauses, requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{10}$/) } })
    expect((await rulesAs(personaOpenid('admin'))).acknowledgedVersion).toBe(2)
    admin.unload()

    const group = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await group.waitForText('#rules-banner', '群规已更新，请确认')
    expect(group.text('#rules-banner')).toContain('第 2 版')
  })

  it('shows a member the rules without the editor', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#rules-admins-only', '仅群主和管理员')
    expect(page.query('#rules-editor')).toBeNull()
    expect(page.text('#rules-current')).toContain('每月最后一个周六线下读书会')
  })
})
