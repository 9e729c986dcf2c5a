/**
 * Participation at scale: a 500-member group with 365 (and 30) days of history — check-ins (about 70 % of
 * members a day), the closed days' stats, the members' counters — seeded straight into the store.
 *
 * - time (SQLite in memory, the schema's indexes): the nightly tally closing one day, a leaderboard page
 *   (this week's, and all time's third page) and the dashboard, each beside a baseline measured in the same run
 *   on the same store: the roster's first page (`members.list`), a read every group already does. Target: each
 *   under 1 s (the figure); the ratio to the baseline is printed for context. Tally: one sample per
 *   day closed (3 consecutive days); taps: median of 10.
 * - ops (CloudBase adapter on the recording fake, history put in with `cloud.seed`): the same actions at 30 and
 *   365 days; the boards and the dashboard must not grow at all (ratio 1), the tally grows with the day's
 *   activity only (the same day's activity at both ages: ratio 1).
 *
 * @example
 *   const figures = await benchParticipation()   // BENCH_GROWTH_DAYS=30,365 as for growth
 */
import { getDashboard, getLeaderboard, listMembers } from '../contracts'
import type { CheckinDoc } from '../domain/checkin'
import { localInstant, shiftDay } from '../domain/days'
import type { MemberDoc } from '../domain/group'
import { weekKeyOf } from '../domain/participation'
import { dailyStatsId, type DailyStatsDoc } from '../domain/tally'
import { createSqliteStore } from '../store/sqlite'
import type { Store } from '../store/port'
import { timerCaller } from '../usecases/context'
import { closeGroupDays } from '../usecases/tally'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, seedGroup, testCaller, testMember } from '../test/support/fixture'
import { cloudbaseWorld, countOps } from './cloudbase-ops'
import { GROWTH_DAYS, GROWTH_MEMBERS, growthOpenid } from './growth'
import { atMost, below, elapsedMs, figure, median, ratio, type Figure } from './report'

const TODAY = '2026-11-23'
const TIMEZONE = 'Asia/Shanghai'
export const PARTICIPATION_TIME_TARGET_MS = 1000

const openids = () => Array.from({ length: GROWTH_MEMBERS - 3 }, (_, i) => growthOpenid(i))
/** Member `i` checks in on day number `d` (about 70 % of the time, varied per member). */
const checksIn = (i: number, d: number) => (i * 7 + d * 3) % 10 < 7

type Seeded = ['checkins', CheckinDoc] | ['dailyStats', DailyStatsDoc]

/** History of `days` days before today (the last `open` days not yet closed), and each member's counters. */
function* history(days: number, open: number): Generator<Seeded> {
  for (let back = days; back >= 1; back--) {
    const day = shiftDay(TODAY, -back)
    let checkedIn = 0
    for (const [i, openid] of openids().entries()) {
      if (!checksIn(i, back)) continue
      checkedIn++
      const checkedInAt = localInstant(day, `0${7 + (i % 3)}:${String(i % 60).padStart(2, '0')}`, TIMEZONE).toISOString()
      yield ['checkins', { _id: `${GROUP}:${openid}:${day}`, groupId: GROUP, openid, day, note: '读完了', photoFileId: null, taskId: null, taskTitle: null, makeUp: false, authorName: `${openid}-郑州-工程师`, checkedInAt }]
    }
    if (back > open) {
      const stats: DailyStatsDoc = { _id: dailyStatsId(GROUP, day), groupId: GROUP, day, members: GROWTH_MEMBERS, checkedIn, rate: checkedIn / GROWTH_MEMBERS, activeMembers: checkedIn, newMembers: 0, applicationsReceived: 0, applicationsDecided: 0, lotteryEntries: 0, streakBreaks: 0, newlyInactive: 0, tasksUnlinked: 0, closedAt: `${day}T20:00:00.000Z` }
      yield ['dailyStats', stats]
    }
  }
}

/** The members with counters consistent enough for boards (scores vary; a few are silent). */
function membersWithCounters(days: number): MemberDoc[] {
  return openids().map((openid, i) => {
    const total = Math.round(days * 0.7)
    let back = 1
    while (!checksIn(i, back) && back < days) back++
    const lastCheckinDay = shiftDay(TODAY, -back)
    return {
      ...testMember(openid, 'member', `成员${i}`, `2025-0${1 + (i % 9)}-01T00:00:00.000Z`),
      score: total * 10 + (i % 37),
      checkinDays: total,
      weekKey: weekKeyOf(TODAY),
      weekScore: (i * 13) % 70,
      weekCheckins: (i * 13) % 7,
      monthKey: TODAY.slice(0, 7),
      monthScore: (i * 11) % 230,
      monthCheckins: (i * 11) % 23,
      streak: 1 + (i % 40),
      lastCheckinDay,
      activeDay: lastCheckinDay,
    }
  })
}

const OPEN_DAYS = 3

async function seededSqlite(days: number): Promise<Store> {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  await seedGroup(store, { group: { talliedThrough: shiftDay(TODAY, -OPEN_DAYS - 1) }, members: membersWithCounters(days) })
  let batch: Seeded[] = []
  const flush = async () => {
    const docs = batch
    batch = []
    await store.transaction(async (tx) => {
      for (const [collection, doc] of docs) await tx.create(collection, doc as never)
    })
  }
  for (const entry of history(days, OPEN_DAYS)) {
    batch.push(entry)
    if (batch.length >= 5000) await flush()
  }
  await flush()
  return store
}

async function medianMs(run: () => Promise<unknown>, times = 10): Promise<number> {
  for (let warm = 0; warm < 3; warm++) await run()
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint()
    await run()
    samples.push(elapsedMs(start))
  }
  return median(samples)
}

/** Times on SQLite with `days` of history: tally of one day (3 samples), boards, dashboard, and the baseline. */
async function timesAt(days: number): Promise<Record<string, number>> {
  const store = await seededSqlite(days)
  const api = testCaller(store, { now: () => FIXED_NOW })
  const baseline = await medianMs(() => api.as(MEMBER).call(listMembers, { groupId: GROUP }))
  const week = await medianMs(() => api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'week', metric: 'score' }))
  const allPage3 = await medianMs(() => api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'all', metric: 'score', cursor: 40 }))
  const dashboard = await medianMs(() => api.as(ADMIN).call(getDashboard, { groupId: GROUP }))
  const tally: number[] = []
  for (let back = OPEN_DAYS; back >= 1; back--) {
    const group = (await store.get('groups', GROUP))!
    const start = process.hrtime.bigint()
    const closed = await closeGroupDays({ store, caller: timerCaller('bench'), now: () => FIXED_NOW }, group, [shiftDay(TODAY, -back)])
    tally.push(elapsedMs(start))
    if (closed.daysClosed !== 1) throw new Error('the tally closed nothing')
  }
  return { baseline, week, allPage3, dashboard, tally: median(tally) }
}

/** CloudBase ops at `days` of history: boards, dashboard, the tally of yesterday. */
async function opsAt(days: number): Promise<Record<string, number>> {
  const world = await cloudbaseWorld({ group: { talliedThrough: shiftDay(TODAY, -2) }, extraMembers: [] })
  for (const member of membersWithCounters(days)) world.cloud.seed('members', { ...member })
  for (const [collection, doc] of history(days, 1)) world.cloud.seed(collection, { ...doc })
  const measure = async (run: () => Promise<unknown>) => {
    world.cloud.clearCalls()
    await run()
    return countOps(world.cloud.calls).total
  }
  return {
    week: await measure(() => world.api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'week', metric: 'score' })),
    dashboard: await measure(() => world.api.as(ADMIN).call(getDashboard, { groupId: GROUP })),
    tally: await measure(async () => {
      const group = (await world.store.get('groups', GROUP))!
      world.cloud.clearCalls()
      await closeGroupDays({ store: world.store, caller: timerCaller('bench'), now: () => FIXED_NOW }, group, [shiftDay(TODAY, -1)])
    }),
  }
}

export async function benchParticipation(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const figures: Figure[] = []
  const largest = Math.max(...GROWTH_DAYS)
  const smallest = Math.min(...GROWTH_DAYS)
  const start = process.hrtime.bigint()
  const times = await timesAt(largest)
  log(`participation: ${GROWTH_MEMBERS} members × ${largest} days timed in ${(elapsedMs(start) / 1000).toFixed(1)} s`)
  const vs = (value: number) => `${value.toFixed(2)} ms; ${ratio(value, times.baseline).toFixed(1)}× the roster page (${times.baseline.toFixed(2)} ms) on the same store`
  const name = `${GROWTH_MEMBERS} members × ${largest} days`
  figures.push(figure('participation', `tally of one day, ${name}`, times.tally, 'ms', below(PARTICIPATION_TIME_TARGET_MS), vs(times.tally)))
  figures.push(figure('participation', `leaderboard week, ${name}`, times.week, 'ms', below(PARTICIPATION_TIME_TARGET_MS), vs(times.week)))
  figures.push(figure('participation', `leaderboard all p3, ${name}`, times.allPage3, 'ms', below(PARTICIPATION_TIME_TARGET_MS), vs(times.allPage3)))
  figures.push(figure('participation', `dashboard, ${name}`, times.dashboard, 'ms', below(PARTICIPATION_TIME_TARGET_MS), vs(times.dashboard)))

  const small = await opsAt(smallest)
  const large = await opsAt(largest)
  log(`participation: ops at ${smallest} and ${largest} days counted`)
  for (const key of ['week', 'dashboard', 'tally'] as const) {
    const label = key === 'week' ? 'leaderboard' : key
    figures.push(figure('participation', `${label} ops ${largest}/${smallest} days`, ratio(large[key], small[key]), '×', atMost(1), `${small[key]} / ${large[key]} ops`))
  }
  return figures
}
