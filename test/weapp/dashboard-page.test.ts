/**
 * @jest-environment jsdom
 */
/**
 * The built dashboard page (dist/weapp/packages/insights/pages/dashboard/index) in miniprogram-simulate, on the real
 * handlers and the seeded demo community (a month of check-ins closed by the tally): the headline numbers, the
 * three chart canvases with the series the chart module draws (miniprogram-simulate cannot paint, so the numbers
 * under each chart — computed from the same `toChartSeries` — stand for what uCharts got), the inactive list;
 * an admin nudges one member and removes two in a batch with a reason each removed member reads in their inbox
 * (showModal confirms in the simulator); a member is refused. Needs `npm run build:weapp` first.
 */
import { listInbox, type InboxPage } from '../../contracts/inbox'
import { getDashboard, type Dashboard } from '../../contracts/participation'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { chartSummary, toChartSeries } from '../../miniprogram/components/trend-chart/utils'
import { silenceText } from '../../miniprogram/packages/insights/pages/dashboard/utils'
import { setUpWeappPages } from './backend'

const PAGE = 'packages/insights/pages/dashboard/index'
/** The silent demo members by name, and the OPENIDs the demo gives them (local-runtime/demo/demo-community.ts). */
const OPENID_OF: Record<string, string> = { 吴昊: 'o_demo_m10', 孙鹏: 'o_demo_m12', 马丽娟: 'o_demo_m13', 朱晓峰: 'o_demo_m14' }

describe('weapp dashboard page', () => {
  const weapp = setUpWeappPages()
  const admin = () => weapp.backend.callFunctionAs(personaOpenid('admin'))

  async function dashboard(): Promise<Dashboard> {
    const result = (await admin()({ name: getDashboard.fn, data: { action: getDashboard.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: Dashboard }
    return result.data
  }

  async function inboxOf(openid: string): Promise<InboxPage> {
    const result = (await weapp.backend.callFunctionAs(openid)({ name: listInbox.fn, data: { action: listInbox.action, input: {} } })) as { data: InboxPage }
    return result.data
  }

  it('shows today’s rate, the pending applications, three chart canvases with the month’s series, and the silent members', async () => {
    const expected = await dashboard()
    expect(expected.series.length).toBeGreaterThan(20)
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#dashboard-group', '早起读书会')
    expect(page.text('#dashboard-today-rate')).toBe(`${Math.round(expected.todayRate * 100)}%`)
    expect(page.text('#dashboard-today-count')).toBe(`${expected.todayCheckedIn}/${expected.memberCount} 人已打卡`)
    expect(page.text('#dashboard-pending-count')).toBe(String(expected.pendingApplications))
    expect(expected.pendingApplications).toBeGreaterThan(0)

    for (const [id, metric] of [['chart-active', 'active'], ['chart-rate', 'rate'], ['chart-new', 'newMembers']] as const) {
      expect(page.query(`#${id}`)).not.toBeNull()
      expect(page.attribute(`#${id}`, 'type')).toBe('2d')
      const series = toChartSeries(expected, metric)
      expect(series.data).toHaveLength(expected.series.length)
      expect(page.text(`#${id}-summary`)).toBe(chartSummary(series))
    }
    // The rate chart's last point is the last closed day's rate.
    expect(page.text('#chart-rate-summary')).toContain(`最近一天 ${Math.round(expected.series[expected.series.length - 1].rate * 100)}%`)

    expect(page.text('#dashboard-inactive-title')).toBe(`连续 7 天以上未打卡（${expected.inactive.total} 人）`)
    expect(page.text('#inactive-0')).toContain('吴昊')
    expect(page.text('#inactive-0')).toContain(silenceText(expected.inactive.items[0]))
    expect(page.text('#inactive-0')).toContain(String(expected.inactive.items[0].daysInactive))
    expect(page.text('#dashboard-newest')).toContain(expected.newestMembers[0].nickname)
  })

  it('nudges one silent member after the confirmation: the list shows when, and the member’s inbox has the nudge', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#inactive-0', '吴昊')
    page.tap('#nudge-0')
    await page.waitForText('#dashboard-message', '已提醒 1 人')
    const sent = page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> }).find((c) => c.action === 'nudge')
    const target = (await dashboard()).inactive.items.find((m) => m.nickname.startsWith('吴昊'))!
    expect(sent?.input).toEqual({ groupId: DEMO_GROUP_ID, memberKeys: [target.key] })
    expect(target.nudgedAt).not.toBeNull()
    await page.waitForText('#inactive-0', '已提醒')
    const inbox = await inboxOf(OPENID_OF['吴昊'])
    expect(inbox.items[0].title).toContain('想你了')
    expect(inbox.items[0].body).toContain('回来看看今天的任务')
  })

  it('removes two selected members with the reason, which each of them reads in their inbox', async () => {
    const before = await dashboard()
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#inactive-1', '孙鹏')
    page.tap('#inactive-select-1')
    page.tap('#inactive-select-2')
    await page.waitForText('#inactive-selected', '已选 2 人')
    page.input('#remove-reason', '连续 30 天未打卡，按群规移出')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#remove-selected')
    await page.waitForText('#dashboard-message', '已移出 2 人')

    const removed = before.inactive.items.slice(1, 3)
    const sent = page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> }).find((c) => c.action === 'remove')
    expect(sent?.input).toEqual({ groupId: DEMO_GROUP_ID, memberKeys: removed.map((m) => m.key), reason: '连续 30 天未打卡，按群规移出' })
    const after = await dashboard()
    expect(after.memberCount).toBe(before.memberCount - 2)
    expect(after.inactive.items.map((m) => m.key)).not.toContain(removed[0].key)
    await page.waitForText('#dashboard-inactive-title', `（${after.inactive.total} 人）`)
    for (const member of removed) {
      const inbox = await inboxOf(OPENID_OF[member.nickname.split('-')[0]])
      expect(inbox.items[0].body).toContain('连续 30 天未打卡，按群规移出')
    }
  })

  it('nudges the whole page at once with a note each member reads', async () => {
    const before = await dashboard()
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin() })
    await page.waitForText('#inactive-0', '吴昊')
    page.tap('#inactive-select-all')
    await page.waitForText('#inactive-selected', `已选 ${before.inactive.items.length} 人`)
    page.input('#nudge-note', '本周日晚上线下读书会，欢迎回来')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#nudge-selected')
    await page.waitForText('#dashboard-message', `已提醒 ${before.inactive.items.length} 人`)
    const sent = page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> }).filter((c) => c.action === 'nudge')
    expect(sent.at(-1)?.input).toEqual({ groupId: DEMO_GROUP_ID, memberKeys: before.inactive.items.map((m) => m.key), message: '本周日晚上线下读书会，欢迎回来' })
    const inbox = await inboxOf(OPENID_OF['朱晓峰'])
    expect(inbox.items[0].body).toContain('本周日晚上线下读书会，欢迎回来')
    // The note is cleared for the next nudge.
    await page.waitForText('#nudge-note-counter', '0/100')
  })

  it('refuses a plain member', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#dashboard-error', '权限')
    expect(page.query('#chart-active')).toBeNull()
  })
})
