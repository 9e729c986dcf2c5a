/**
 * @jest-environment jsdom
 */
/**
 * The built "my groups at a glance" page (dist/weapp/packages/participation/pages/groups-overview/index) and its
 * entry on the home page, in miniprogram-simulate on the real handlers: an admin of the demo group and of a
 * second group sees both with members, today's rate and pending applications; a plain member sees no pending
 * count and the home page offers them no overview. Needs `npm run build:weapp` first.
 */
import { listMyGroupSummaries, type MyGroupSummary } from '../../contracts/participation'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { demoGroup } from '../../local-runtime/demo/demo-community'
import { memberId } from '../../domain/group'
import { memberKey } from '../../usecases/member-keys'
import { setUpWeappPages } from './backend'

const PAGE = 'packages/participation/pages/groups-overview/index'

describe('weapp groups overview page', () => {
  const weapp = setUpWeappPages()
  const ADMIN = personaOpenid('admin')

  beforeAll(async () => {
    // A second group the demo admin owns, archived.
    const store = weapp.backend.store
    const now = new Date()
    await store.create('groups', { ...demoGroup(now), _id: 'g-second', name: '周末徒步群', topic: '户外', memberCount: 1, status: 'archived', archivedAt: now.toISOString() })
    const own = await store.get('members', memberId(DEMO_GROUP_ID, ADMIN))
    await store.create('members', { ...own!, _id: memberId('g-second', ADMIN), groupId: 'g-second', role: 'owner', memberKey: memberKey('g-second', ADMIN) })
  })

  it('shows an admin each group with its headline numbers, archived groups marked', async () => {
    const result = (await weapp.backend.callFunctionAs(ADMIN)({ name: listMyGroupSummaries.fn, data: { action: listMyGroupSummaries.action, input: {} } })) as { data: MyGroupSummary[] }
    const demo = result.data.find((g) => g.id === DEMO_GROUP_ID)!
    const page = await weapp.open(PAGE, { callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText(`#overview-${DEMO_GROUP_ID}`, '早起读书会')
    expect(page.text(`#overview-${DEMO_GROUP_ID}-members`)).toContain(String(demo.memberCount))
    expect(page.text(`#overview-${DEMO_GROUP_ID}-today`)).toContain(`${Math.round(demo.todayRate * 100)}%`)
    expect(page.text(`#overview-${DEMO_GROUP_ID}-pending`)).toContain(String(demo.pendingApplications))
    expect(page.text(`#overview-${DEMO_GROUP_ID}`)).toContain(`打卡率 ${Math.round(demo.lastDay!.rate * 100)}%`)
    expect(page.query(`#overview-${DEMO_GROUP_ID}-dashboard`)).not.toBeNull()
    await page.waitForText('#overview-g-second', '周末徒步群')
    expect(page.text('#overview-g-second')).toContain('已归档')
    expect(page.text('#overview-g-second')).toContain('群主')
  })

  it('shows a member no pending count, and the home page offers the overview to admins only', async () => {
    const member = weapp.backend.callFunctionAs(personaOpenid('member'))
    const page = await weapp.open(PAGE, { callFunction: member })
    await page.waitForText(`#overview-${DEMO_GROUP_ID}`, '成员')
    expect(page.query(`#overview-${DEMO_GROUP_ID}-pending`)).toBeNull()
    expect(page.query(`#overview-${DEMO_GROUP_ID}-dashboard`)).toBeNull()
    page.unload()

    const home = await weapp.open('pages/index/index', { callFunction: member })
    await home.waitForText('#my-groups', '早起读书会')
    expect(home.query('#open-groups-overview')).toBeNull()
    home.unload()
    const adminHome = await weapp.open('pages/index/index', { callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await adminHome.waitForText('#open-groups-overview', '社群数据概览')
  })
})
