/** The demo community's month of participation, seen through the real functions: the dashboard, the boards, progress toward the goal. */
import { getDashboard, getLeaderboard, getMyProgress } from '../../contracts'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { FIXED_NOW, makeStore, testCaller } from '../support/fixture'

describe('demo participation data', () => {
  it('the admin’s dashboard shows 30 closed days with believable rates, new members, and the silent members', async () => {
    const store = await makeStore({ seed: true })
    const dash = await testCaller(store, { now: () => FIXED_NOW }).as(personaOpenid('admin')).call(getDashboard, { groupId: DEMO_GROUP_ID })
    expect(dash.series).toHaveLength(30)
    expect(dash.series[29].day).toBe('2026-11-22')
    const rates = dash.series.map((d) => d.rate)
    expect(Math.min(...rates)).toBeGreaterThan(0.2)
    expect(Math.max(...rates)).toBeLessThan(1)
    expect(new Set(rates).size).toBeGreaterThan(5)
    expect(dash.series.some((d) => d.newMembers > 0)).toBe(true)
    expect(dash.pendingApplications).toBeGreaterThan(0)
    expect(dash.settings).toMatchObject({ inactiveDays: 7, goal: { kind: 'streak', days: 21, reward: '书' } })
    expect(dash.inactive.items.map((m) => m.nickname.split('-')[0])).toEqual(['吴昊', '孙鹏', '马丽娟', '朱晓峰'])
    expect(dash.inactive.items.map((m) => m.daysInactive)).toEqual([42, 38, 13, 8])
  })

  it('the member sees the board and how far the goal is; 张伟 has passed it', async () => {
    const store = await makeStore({ seed: true })
    const api = testCaller(store, { now: () => FIXED_NOW })
    const me = await api.as(personaOpenid('member')).call(getMyProgress, { groupId: DEMO_GROUP_ID })
    expect(me.goal?.text).toBe('连续打卡 21 天送书 — 还差 16 天')
    const board = await api.as(personaOpenid('member')).call(getLeaderboard, { groupId: DEMO_GROUP_ID, period: 'streak' })
    // The owner and admins never miss a day; 张伟's month-long run (with one make-up) is next.
    expect(board.items.slice(0, 4).map((row) => row.nickname.split('-')[0])).toEqual(['周敏', '王强', '陈静', '张伟'])
    expect(board.items[3].value).toBeGreaterThanOrEqual(21)
    const month = await api.as(personaOpenid('member')).call(getLeaderboard, { groupId: DEMO_GROUP_ID, period: 'month' })
    expect(month.items.length).toBeGreaterThan(10)
    expect(month.me).not.toBeNull()
  })

  it('seeding twice changes nothing in the stats', async () => {
    const store = await makeStore({ seed: true })
    const count = await store.count('dailyStats')
    expect(await seedDemoCommunity(store, FIXED_NOW)).toBe(false)
    expect(await store.count('dailyStats')).toBe(count)
  })
})
