/**
 * @jest-environment jsdom
 */
/**
 * The built participation settings page (dist/weapp/packages/admin/pages/participation-settings/index) and the
 * group page's participation entries in miniprogram-simulate, on the real handlers and the demo community: an
 * admin changes the inactivity days and the goal (previewed as members read it) and members' progress follows;
 * a number out of range is named and nothing is sent; the owner archives the group (confirmed), the group page
 * shows the read-only banner, and restores it; an admin cannot archive. Needs `npm run build:weapp` first.
 */
import { getMyProgress, getParticipationSettings, type MyProgress, type ParticipationSettingsView } from '../../contracts/participation'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'

const PAGE = 'packages/admin/pages/participation-settings/index'
const OWNER = 'o_demo_owner'

describe('weapp participation settings page and the group page’s entries', () => {
  const weapp = setUpWeappPages()
  const admin = () => weapp.backend.callFunctionAs(personaOpenid('admin'))

  async function call<T>(openid: string, contract: { fn: string; action: string }, input: object): Promise<T> {
    const result = (await weapp.backend.callFunctionAs(openid)({ name: contract.fn, data: { action: contract.action, input } })) as { data: T }
    return result.data
  }

  it('saves the inactivity days and the goal, previewed as members read it; progress follows', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#goal-preview', '成员看到：连续打卡 21 天送书')
    page.input('#inactive-days', '10')
    page.tap('#goal-kind-total')
    page.input('#goal-days', '30')
    page.input('#goal-reward', '定制书签')
    await page.waitForText('#goal-preview', '成员看到：累计打卡 30 天送定制书签')
    page.tap('#psettings-save')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const sent = page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> }).find((c) => c.action === 'saveSettings')
    expect(sent?.input).toEqual({
      groupId: DEMO_GROUP_ID,
      points: { checkin: 10, makeUp: 5, taskCheckin: 15, lotteryEntry: 2, invitee: 20 },
      inactiveDays: 10,
      goal: { kind: 'total', days: 30, reward: '定制书签' },
    })
    const saved = await call<ParticipationSettingsView>(personaOpenid('admin'), getParticipationSettings, { groupId: DEMO_GROUP_ID })
    expect(saved).toMatchObject({ inactiveDays: 10, goal: { kind: 'total', days: 30, reward: '定制书签' } })
    const progress = await call<MyProgress>(personaOpenid('member'), getMyProgress, { groupId: DEMO_GROUP_ID })
    expect(progress.goal?.text).toMatch(/^累计打卡 30 天送定制书签/)
  })

  it('names a number out of range and sends nothing', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#psettings-points', '打卡')
    page.input('#points-makeUp', '500')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#psettings-save')
    await page.waitForText('#points-makeUp-error', '请填写 0–100 之间的整数')
    expect(page.calls.some((c) => (c.data as { action: string }).action === 'saveSettings')).toBe(false)
    // An admin sees the lifecycle but only the owner may archive.
    await page.waitForText('#lifecycle-owner-only', '只有群主')
    expect(page.query('#group-archive')).toBeNull()
  })

  it('lets the owner archive the group after confirming: the group page shows the read-only banner; then restore it', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(OWNER) })
    await page.waitForText('#lifecycle-status', '进行中')
    page.tap('#group-archive')
    await page.waitForText('#lifecycle-status', '已归档')
    expect(page.calls.map((c) => (c.data as { action: string }).action)).toContain('archive')
    page.unload()

    const group = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await group.waitForText('#group-archived-banner', '本群已归档')
    expect(group.text('#hub-tiles')).toContain('排行榜')
    expect(group.text('#hub-tiles')).toContain('我的进度')
    expect(group.query('#entry-dashboard')).toBeNull()
    group.unload()

    const again = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(OWNER) })
    await again.waitForText('#lifecycle-status', '已归档')
    again.tap('#group-restore')
    await again.waitForText('#lifecycle-status', '进行中')
    again.unload()

    const open = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await open.waitForText('#hub-tiles-manage', '数据看板')
    expect(open.query('#group-archived-banner')).toBeNull()
  })
})
