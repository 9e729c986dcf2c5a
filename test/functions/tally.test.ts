/**
 * The nightly tally and the counters the events write, against a from-scratch recount of the stored facts
 * (the check-in documents), on generated histories: many members and days, make-ups, check-ins linking a task
 * that was or was not published, timezones with day-start hours and DST switches, nights the timer missed.
 * Also: re-running a day changes nothing, a missed night is caught up (at most 35 days back), only the timer
 * may run it, and its reads follow the day's activity, not the history.
 */
import fc from 'fast-check'
import { checkIn, makeUpCheckin, runTally } from '../../contracts'
import { visibleCurrentStreak, type CheckinDoc } from '../../domain/checkin'
import { dayKeyAt, dayRuleOf, shiftDay, monthOf, type DayRule } from '../../domain/days'
import { memberId } from '../../domain/group'
import { DEFAULT_SCORE_POINTS, checkinEvent, countersOn, weekKeyOf } from '../../domain/participation'
import { dayBounds, dailyStatsId, daysToClose, MAX_TALLY_CATCH_UP_DAYS } from '../../domain/tally'
import { dailyTaskId } from '../../domain/tasks'
import type { Store } from '../../store/port'
import { closeGroupDays } from '../../usecases/tally'
import { GROUP, MEMBER, OWNER, TIMER, makeFixture, storeSnapshot, testMember, type Fixture } from '../support/fixture'

interface Zone {
  timezone: string
  dayStartHour: number
  /** The first day of the history: chosen so the history spans the zone's DST switch. */
  start: string
}

const ZONES: Zone[] = [
  { timezone: 'Asia/Shanghai', dayStartHour: 4, start: '2026-11-10' },
  { timezone: 'America/New_York', dayStartHour: 2, start: '2026-02-25' },
  { timezone: 'Europe/London', dayStartHour: 0, start: '2026-10-15' },
  { timezone: 'Australia/Lord_Howe', dayStartHour: 1, start: '2026-03-25' },
]

type Action = { kind: 'skip' } | { kind: 'checkin'; linkTask: boolean; minute: number } | { kind: 'makeUpThenCheckin'; back: number; minute: number }

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'skip' as const }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('checkin' as const), linkTask: fc.boolean(), minute: fc.integer({ min: 0, max: 1370 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('makeUpThenCheckin' as const), back: fc.integer({ min: 1, max: 3 }), minute: fc.integer({ min: 0, max: 1370 }) }) },
)

const historyArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  members: fc.integer({ min: 2, max: 6 }),
  days: fc.integer({ min: 8, max: 24 }),
  /** Per day: the task's publish minute after the day start, or null for no task. */
  tasks: fc.array(fc.option(fc.integer({ min: 0, max: 1300 }), { nil: null }), { minLength: 24, maxLength: 24 }),
  actions: fc.array(fc.array(actionArb, { minLength: 6, maxLength: 6 }), { minLength: 24, maxLength: 24 }),
  /** Nights the timer does not run. */
  missed: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
})

const at = (day: string, rule: DayRule, minute: number) => new Date(dayBounds(day, rule).start.getTime() + minute * 60_000)

/** All check-in documents of the group (the facts), by paging. */
async function allCheckins(store: Store): Promise<CheckinDoc[]> {
  const docs: CheckinDoc[] = []
  for (let skip = 0; ; skip += 100) {
    const page = await store.find('checkins', { where: { groupId: GROUP }, orderBy: [{ field: '_id', direction: 'asc' }], skip, limit: 100 })
    docs.push(...page)
    if (page.length < 100) return docs
  }
}

/** The counters of one member recounted from the check-in documents alone. */
function recount(docs: CheckinDoc[], rule: DayRule, today: string) {
  const earned = docs.map((doc) => ({ doc, on: dayKeyAt(new Date(doc.checkedInAt), rule.timezone, rule.dayStartHour), points: DEFAULT_SCORE_POINTS[checkinEvent(doc)] }))
  const sum = (list: typeof earned) => list.reduce((total, e) => total + e.points, 0)
  const inWeek = earned.filter((e) => weekKeyOf(e.on) === weekKeyOf(today))
  const inMonth = earned.filter((e) => monthOf(e.on) === monthOf(today))
  const days = new Set(docs.map((doc) => doc.day))
  let run = 0
  for (let day = days.has(today) ? today : shiftDay(today, -1); days.has(day); day = shiftDay(day, -1)) run++
  return {
    score: sum(earned),
    weekScore: sum(inWeek),
    weekCheckins: inWeek.length,
    monthScore: sum(inMonth),
    monthCheckins: inMonth.length,
    checkinDays: docs.length,
    streak: run,
  }
}

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never

async function playHistory(history: History): Promise<{ fx: Fixture; rule: DayRule; days: string[]; openids: string[] }> {
  const { zone } = history
  const openids = Array.from({ length: history.members }, (_, i) => `o_h${i}`)
  const fx = await makeFixture({
    group: {
      timezone: zone.timezone,
      dayStartHour: zone.dayStartHour,
      makeUp: { enabled: true, windowDays: 3, monthlyLimit: 10 },
      talliedThrough: shiftDay(zone.start, -1),
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    members: openids.map((openid) => testMember(openid, 'member', openid, '2025-06-01T00:00:00.000Z')),
  })
  const rule = dayRuleOf((await fx.store.get('groups', GROUP))!)
  const days = Array.from({ length: history.days }, (_, i) => shiftDay(zone.start, i))
  for (const [d, day] of days.entries()) {
    const publish = history.tasks[d]
    if (publish !== null) {
      const publishAt = at(day, rule, publish).toISOString()
      await fx.store.create('dailyTasks', { _id: dailyTaskId(GROUP, day), groupId: GROUP, day, title: `任务 ${day}`, body: '…', publishAt, authorOpenid: OWNER, createdAt: publishAt, updatedAt: publishAt })
    }
    for (const [m, openid] of openids.entries()) {
      const action = history.actions[d][m]
      if (action.kind === 'skip') continue
      const when = at(day, rule, action.minute)
      if (action.kind === 'makeUpThenCheckin') {
        // Refused when the day is checked already or before the history: fine, nothing changes then.
        await fx.api.as(openid).at(when).result(makeUpCheckin, { groupId: GROUP, day: shiftDay(day, -action.back) })
      }
      await fx.api.as(openid).at(when).call(checkIn, { groupId: GROUP, linkTask: action.kind === 'checkin' ? action.linkTask : false })
    }
    // The timer's run in the hour after the day ends, unless that night is missed.
    if (!history.missed[d]) await fx.api.as(TIMER).at(at(shiftDay(day, 1), rule, 30)).call(runTally, {})
  }
  return { fx, rule, days, openids }
}

describe('incremental counters and the tally equal a recount from scratch', () => {
  it('on generated histories (members × days, make-ups, task links, day-start hours, DST, missed nights)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const { fx, rule, days, openids } = await playHistory(history)
        const today = shiftDay(days[days.length - 1], 1)
        // The first run of the next day closes every day still open (missed nights included).
        await fx.api.as(TIMER).at(at(today, rule, 45)).call(runTally, {})
        const docs = await allCheckins(fx.store)

        for (const openid of openids) {
          const member = (await fx.store.get('members', memberId(GROUP, openid)))!
          const mine = docs.filter((doc) => doc.openid === openid)
          const expected = recount(mine, rule, today)
          const counters = countersOn(member, today)
          expect({ ...counters, streak: member.lastCheckinDay ? visibleCurrentStreak({ currentStreak: member.streak ?? 0, lastDay: member.lastCheckinDay }, today) : 0 }).toEqual(expected)
          // After the tally, a run that ended before yesterday reads 0 in the stored counter too, unless a late make-up revived an already-closed day.
          expect(member.checkin?.totalDays ?? 0).toBe(expected.checkinDays)
        }
        for (const day of days) {
          const stats = await fx.store.get('dailyStats', dailyStatsId(GROUP, day))
          const regular = docs.filter((doc) => doc.day === day && !doc.makeUp)
          const doneThatDay = docs.filter((doc) => dayKeyAt(new Date(doc.checkedInAt), rule.timezone, rule.dayStartHour) === day)
          expect(stats).toMatchObject({ checkedIn: regular.length, activeMembers: new Set(doneThatDay.map((doc) => doc.openid)).size, members: 3 + openids.length, newMembers: 0 })
          // Every task link left after the tally is backed by a task published when the member checked in.
          for (const doc of regular.filter((d) => d.taskId)) {
            const task = (await fx.store.get('dailyTasks', doc.taskId!))!
            expect(task.publishAt <= doc.checkedInAt).toBe(true)
          }
        }
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})

describe('the tally run', () => {
  async function dayWithActivity() {
    const fx = await makeFixture({ members: [testMember('o_t1'), testMember('o_t2')], group: { talliedThrough: '2026-11-20' } })
    for (const day of ['2026-11-20', '2026-11-21']) await fx.api.as('o_t1').at(`${day}T01:00:00Z`).call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as(MEMBER).at('2026-11-21T01:00:00Z').call(checkIn, { groupId: GROUP, linkTask: false })
    return fx
  }

  it('closes each ended day once: running again (or for the same day) changes nothing', async () => {
    const fx = await dayWithActivity()
    const first = await fx.api.as(TIMER).at('2026-11-23T02:00:00Z').call(runTally, {})
    expect(first).toMatchObject({ groups: 1, daysClosed: 2 })
    // o_t1's run (11-20, 11-21) and MEMBER's (11-21) break on 11-22.
    expect(await fx.store.get('dailyStats', dailyStatsId(GROUP, '2026-11-22'))).toMatchObject({ checkedIn: 0, streakBreaks: 2 })
    expect((await fx.store.get('members', memberId(GROUP, 'o_t1')))?.streak).toBe(0)
    const before = await storeSnapshot(fx.store)
    expect(await fx.api.as(TIMER).at('2026-11-23T03:00:00Z').call(runTally, {})).toEqual({ groups: 0, daysClosed: 0, streakBreaks: 0, newlyInactive: 0 })
    await closeGroupDays(fx.ctx(TIMER), (await fx.store.get('groups', GROUP))!, ['2026-11-21', '2026-11-22'])
    expect(await storeSnapshot(fx.store)).toEqual(before)
  })

  it('a missed night is caught up on the next run, at most 35 days back', async () => {
    const fx = await dayWithActivity()
    const run = await fx.api.as(TIMER).at('2026-11-26T02:00:00Z').call(runTally, {})
    expect(run.daysClosed).toBe(5)
    expect((await fx.store.find('dailyStats', { where: { groupId: GROUP }, limit: 100 })).map((s) => s.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'])
    expect((await fx.store.get('groups', GROUP))?.talliedThrough).toBe('2026-11-25')
    expect(daysToClose('2026-01-01', '2026-11-23')).toHaveLength(MAX_TALLY_CATCH_UP_DAYS)
    expect(daysToClose(undefined, '2026-11-23')).toEqual(['2026-11-22'])
    expect(daysToClose('2026-11-20', '2026-11-23', '2026-11-22')).toEqual(['2026-11-22'])
  })

  it('flags members inactive for N days once, and a check-in clears the flag', async () => {
    const fx = await makeFixture({ members: [testMember('o_i1')], group: { participation: { inactiveDays: 3 }, talliedThrough: '2026-11-19' } })
    await fx.api.as('o_i1').at('2026-11-17T01:00:00Z').call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as(TIMER).at('2026-11-21T02:00:00Z').call(runTally, {})
    // Active 11-17: the 3rd day without a check-in is 11-20.
    expect(await fx.store.get('dailyStats', dailyStatsId(GROUP, '2026-11-20'))).toMatchObject({ newlyInactive: 1 })
    expect((await fx.store.get('members', memberId(GROUP, 'o_i1')))?.inactiveFrom).toBe('2026-11-20')
    await fx.api.as('o_i1').at('2026-11-21T03:00:00Z').call(checkIn, { groupId: GROUP, linkTask: false })
    expect((await fx.store.get('members', memberId(GROUP, 'o_i1')))?.inactiveFrom).toBeNull()
  })

  it('takes back the task bonus of a check-in that linked a task no one had published', async () => {
    const fx = await makeFixture({ group: { talliedThrough: '2026-11-21' } })
    await fx.api.as(MEMBER).at('2026-11-22T01:00:00Z').call(checkIn, { groupId: GROUP, linkTask: true })
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)))?.score).toBe(15)
    await fx.api.as(TIMER).at('2026-11-23T02:00:00Z').call(runTally, {})
    expect(await fx.store.get('members', memberId(GROUP, MEMBER))).toMatchObject({ score: 10, weekScore: 10, monthScore: 10 })
    expect((await fx.store.get('checkins', `${GROUP}:${MEMBER}:2026-11-22`))?.taskId).toBeNull()
    expect(await fx.store.get('dailyStats', dailyStatsId(GROUP, '2026-11-22'))).toMatchObject({ tasksUnlinked: 1 })
  })

  it('reads the day’s activity only: the same day costs the same after 5 or 60 days of history', async () => {
    const reads: number[] = []
    for (const history of [5, 60]) {
      const fx = await makeFixture({ members: [testMember('o_g1'), testMember('o_g2')] })
      for (let i = history; i >= 1; i--) {
        const day = shiftDay('2026-11-22', -i + 1)
        for (const openid of ['o_g1', 'o_g2', MEMBER]) await fx.api.as(openid).at(`${day}T01:00:00Z`).call(checkIn, { groupId: GROUP, linkTask: false })
      }
      let count = 0
      const counting = new Proxy(fx.store, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver)
          if (prop === 'find' || prop === 'count' || prop === 'get') return (...args: unknown[]) => (count++, (value as (...a: unknown[]) => unknown).apply(target, args))
          return typeof value === 'function' ? value.bind(target) : value
        },
      }) as Store
      await fx.store.update('groups', GROUP, { talliedThrough: '2026-11-21' })
      await closeGroupDays({ store: counting, caller: { kind: 'timer', trigger: 't' }, now: () => new Date('2026-11-23T02:00:00Z') }, (await fx.store.get('groups', GROUP))!, ['2026-11-22'])
      reads.push(count)
    }
    expect(reads[1]).toBe(reads[0])
  })
})



