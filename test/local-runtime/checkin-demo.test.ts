/** The demo community's tasks, announcements and check-in history, seen through the real functions. */
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { getCheckinOverview, listTodayFeed, listAnnouncements, listDailyTasks } from '../../contracts'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { FIXED_NOW, makeStore, testCaller } from '../support/fixture'

describe('demo check-in data', () => {
  it('gives the member persona a running streak, not yet checked in today, with today’s task out', async () => {
    const store = await makeStore({ seed: true })
    const api = testCaller(store, { now: () => FIXED_NOW })
    const member = api.as(personaOpenid('member'))
    const overview = await member.call(getCheckinOverview, { groupId: DEMO_GROUP_ID })
    expect(overview.today).toBe('2026-11-23')
    expect(overview.myCheckin).toBeNull()
    expect(overview.streak).toMatchObject({ current: 5, longest: 5, total: 9 })
    expect(overview.todayTask?.title).toContain('《活着》第 7 天')
    expect((await member.call(listTodayFeed, { groupId: DEMO_GROUP_ID })).checkedInCount).toBeGreaterThan(3)
    expect(overview.makeUp).toMatchObject({ policy: { enabled: true, windowDays: 3, monthlyLimit: 2 }, left: 2 })

    const tasks = await member.call(listDailyTasks, { groupId: DEMO_GROUP_ID })
    expect(tasks.items).toHaveLength(7)
    expect(tasks.scheduled).toEqual([])
    expect((await api.as(personaOpenid('admin')).call(listDailyTasks, { groupId: DEMO_GROUP_ID })).scheduled).toHaveLength(1)

    const announcements = await member.call(listAnnouncements, { groupId: DEMO_GROUP_ID })
    expect(announcements.pinned.map((a) => a.title)).toEqual(['本月共读：余华《活着》'])
    expect(announcements.items).toHaveLength(1)
  })

  it('counters equal what the check-in history says, for every member, make-up included', async () => {
    const store = await makeStore({ seed: true })
    const members = await store.find('members', { where: { groupId: DEMO_GROUP_ID }, limit: 100 })
    let makeUps = 0
    for (const member of members) {
      const history = await store.find('checkins', { where: { groupId: DEMO_GROUP_ID, openid: member.openid }, limit: 100 })
      const stats = member.checkin
      expect(stats?.totalDays ?? 0).toBe(history.length)
      makeUps += history.filter((c) => c.makeUp).length
      expect(history.every((c) => c.checkedInAt <= FIXED_NOW.toISOString())).toBe(true)
    }
    expect(makeUps).toBe(1)
  })

  it('seeding twice changes nothing', async () => {
    const store = await makeStore({ seed: true })
    const count = await store.count('checkins')
    expect(await seedDemoCommunity(store, FIXED_NOW)).toBe(false)
    expect(await store.count('checkins')).toBe(count)
  })
})
