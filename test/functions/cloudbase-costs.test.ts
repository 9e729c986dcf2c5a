/**
 * What each tap costs on CloudBase, counted through the recording wx-server-sdk fake: CloudBase bills per
 * database operation, so these are budgets, and a change that spends more fails here.
 *
 * How we count: every database call the fake records is one operation — `document.get/set/update/remove`,
 * `collection.add/get/count` — inside a transaction or outside it alike. `runTransaction` itself is not a
 * database operation (it is the envelope; the operations inside it are counted one by one); the tables below
 * show it separately. Counts are for a warm function instance: caches a function instance keeps (the
 * group's day rule, which never changes) are already filled, as they are for every call after an
 * instance's first.
 */
import { checkIn, getCheckinOverview, makeUpCheckin, saveDailyTask } from '../../contracts'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeCloud, type FakeCloud, type RecordedCall } from '../fakes/wx-server-sdk'
import { ADMIN, GROUP, MEMBER, seedGroup, testCaller } from '../support/fixture'

/** Shanghai 09:00 on `day`. */
const morning = (day: string) => new Date(`${day}T09:00:00+08:00`)

async function cloudbase(group: Parameters<typeof seedGroup>[1] = {}): Promise<{ store: Store; cloud: FakeCloud }> {
  const cloud = createFakeCloud()
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  await seedGroup(store, group)
  return { store, cloud }
}

/** The database operations of `run` (runTransaction not counted), and how many transactions it opened. */
async function cost(cloud: FakeCloud, run: () => Promise<unknown>): Promise<{ ops: number; transactions: number; calls: string[] }> {
  cloud.clearCalls()
  await run()
  const calls = cloud.calls.map(label)
  return {
    ops: cloud.calls.filter((call) => call.op !== 'runTransaction' && call.op !== 'createCollection').length,
    transactions: cloud.calls.filter((call) => call.op === 'runTransaction').length,
    calls,
  }
}

const label = (call: RecordedCall) => `${call.inTransaction ? 'tx ' : ''}${call.op} ${call.collection ?? ''}`.trim()

describe('check-in costs (CloudBase operations per tap)', () => {
  it('a check-in: 3 operations (membership read, check-in add, membership update, in one transaction); 4 when it links a task', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER)
    await member.at(morning('2026-11-22')).call(checkIn, { groupId: GROUP })

    // As the page sends it on a day without a task.
    const plain = await cost(cloud, () => member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }))
    expect(plain.calls).toEqual(['runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
    expect(plain.ops).toBeLessThanOrEqual(3)

    // The default (link today's task) reads the day's task by id first.
    await testCaller(store).as(ADMIN).at(morning('2026-11-23')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第 4 章', body: '读完写一句感想' })
    const linked = await cost(cloud, () => member.at(morning('2026-11-24')).call(checkIn, { groupId: GROUP }))
    expect(linked.calls).toEqual(['document.get dailyTasks', 'runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
    expect(linked.ops).toBeLessThanOrEqual(4)
  })

  it('the check-in overview: 3 operations (group, membership with counters, calendar, quota and reminder; the day’s task)', async () => {
    const { store, cloud } = await cloudbase({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    const member = testCaller(store).as(MEMBER)
    await member.at(morning('2026-11-22')).call(checkIn, { groupId: GROUP })
    await member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, note: 'done' })
    const overview = await cost(cloud, () => member.at(morning('2026-11-23')).call(getCheckinOverview, { groupId: GROUP }))
    expect(overview.calls).toEqual(['document.get groups', 'document.get members', 'document.get dailyTasks'])
    expect(overview.ops).toBeLessThanOrEqual(3)
  })

  it('a make-up joining a 30-, 180- or 365-day run costs the same: the run boundaries are on the membership', async () => {
    const costs: number[] = []
    for (const days of [30, 180, 365]) {
      const { store, cloud } = await cloudbase({
        group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } },
      })
      const member = testCaller(store).as(MEMBER)
      // A run of `days` days ending the day before yesterday, then today: a make-up of yesterday joins them.
      const today = '2026-11-23'
      const first = new Date(Date.parse(`${today}T00:00:00Z`) - (days + 1) * 86400_000).toISOString().slice(0, 10)
      for (let d = 0; d < days; d++) {
        const day = new Date(Date.parse(`${first}T00:00:00Z`) + d * 86400_000).toISOString().slice(0, 10)
        await member.at(morning(day)).call(checkIn, { groupId: GROUP, linkTask: false })
      }
      await member.at(morning(today)).call(checkIn, { groupId: GROUP, linkTask: false })
      let streak = 0
      const made = await cost(cloud, async () => {
        streak = (await member.at(morning(today)).call(makeUpCheckin, { groupId: GROUP, day: '2026-11-22' })).streak.current
      })
      expect(streak).toBe(days + 2)
      expect(made.calls).toEqual(['document.get groups', 'document.get dailyTasks', 'runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
      costs.push(made.ops)
    }
    expect(costs).toEqual([5, 5, 5])
  })
})
