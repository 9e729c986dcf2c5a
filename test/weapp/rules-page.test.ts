/**
 * @jest-environment jsdom
 */
/**
 * The built rules page (dist/weapp/packages/member/pages/rules/index) in miniprogram-simulate, on the real handlers and the
 * seeded demo community (rules version 1, acknowledged by nobody): a member reads version 1 and acknowledges
 * it; an admin gets the way to 编辑群规; after an admin publishes version 2 (manage-rules-page.test.ts drives
 * the editor), the member sees what changed since version 1 and is asked to acknowledge again. Needs `npm run build:weapp` first.
 */
import { getRules, publishRules, type RulesView } from '../../contracts/board'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ROUTES } from '../../contracts/routes'

const PAGE = ROUTES.rules

describe('weapp rules page', () => {
  const weapp = setUpWeappPages()
  const member = () => weapp.backend.callFunctionAs(personaOpenid('member'))

  async function rulesAs(openid: string): Promise<RulesView> {
    const result = (await weapp.backend.callFunctionAs(openid)({ name: getRules.fn, data: { action: getRules.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: RulesView }
    return result.data
  }

  it('shows a member the current version and records their acknowledgement', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#rules-version', '第 1 版')
    expect(page.text('#rules-current')).toContain('1.入群请将群昵称改为「姓名-地区-职业」')
    expect(page.query('#rules-changes')).toBeNull()
    expect(page.query('#rules-editor')).toBeNull()
    page.tap('#rules-acknowledge')
    await page.waitForText('#rules-acknowledged', '你已确认第 1 版群规')
    expect(page.query('#rules-acknowledge')).toBeNull()
    expect(page.calls.map((c) => c.data)).toContainEqual({ action: 'acknowledgeRules', input: { groupId: DEMO_GROUP_ID, version: 1 } })
    expect((await rulesAs(personaOpenid('member'))).acknowledgedVersion).toBe(1)
  })

  it('gives an admin the way to 编辑群规 (the admins’ page), a member none', async () => {
    const admin = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await admin.waitForText('#rules-manage', '编辑群规')
    expect(admin.query('#rules-editor')).toBeNull()
    admin.unload()
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#rules-version', '第 1 版')
    expect(page.query('#rules-manage')).toBeNull()
  })

  it('after an admin publishes version 2, shows the member what changed and asks again', async () => {
    const before = (await rulesAs(personaOpenid('admin'))).current.clauses
    const clauses = [...before]
    clauses[2] = '不刷屏：一次说完整，不连续发语音，表情包每天不超过 3 个。'
    clauses.splice(3, 1) // drop the advertising clause
    clauses.push('每月最后一个周六线下读书会，自愿参加。')
    await weapp.backend.callFunctionAs(personaOpenid('admin'))({ name: publishRules.fn, data: { action: publishRules.action, input: { groupId: DEMO_GROUP_ID, clauses, requestId: 'req-weapp-rules' } } })

    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#rules-changes', '自你上次确认（第 1 版）以来的变化')
    const changes = page.text('#rules-changes')
    expect(changes).toContain(`修改${before[2]}${clauses[2]}`)
    expect(changes).toContain(`删除${before[3]}`)
    expect(changes).toContain('新增每月最后一个周六线下读书会，自愿参加。')
    expect(page.text('#rules-version')).toContain('第 2 版')
    page.tap('#rules-acknowledge')
    await page.waitForText('#rules-acknowledged', '你已确认第 2 版群规')
    expect(page.query('#rules-changes')).toBeNull()
  })
})
