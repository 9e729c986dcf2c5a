/**
 * Growth: does an action get dearer as a group gets older? The same taps with 500 members and 30, 180 and
 * 365 days of check-in history each, seeded directly into the store as check-ins leave it (the check-in
 * documents, and on each membership the counters, runs and calendar they add up to; not through the use
 * cases, which would take minutes).
 *
 * - ops:  SDK calls per tap through the CloudBase adapter on the recording fake (history put in with
 *         `cloud.seed`, which records nothing) — what CloudBase bills;
 * - time: milliseconds per tap on the SQLite store (a file in WAL mode, as the runtime keeps it, with the schema's
 *         indexes) — the fake scans its collections linearly on every query, so its time would measure the fake,
 *         not the product.
 *         One sample = the mean of 10 taps by 10 different members; the figure is the median of 9 samples (taps
 *         0–89; the warm-up uses 90–94), as one GC pause in a 2 ms sample moved a median of 3 by half.
 *
 * History: every member checked in every day from `today - days` to the day before yesterday; yesterday is
 * missed by everyone (so a make-up of it is possible) and today is open. Each figure is `ratio 365/30`,
 * the growth of the tap's cost; the make-up has the target ≤ 1.3× (a make-up must cost the same whatever
 * the history), the other taps are shown for context.
 *
 * @example
 *   const figures = await benchGrowth()   // BENCH_GROWTH_DAYS=30,365 for a quicker run
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkIn, getCheckinCalendar, getCheckinOverview, listMembers, listTodayFeed, makeUpCheckin, type AnyAction, type InputOf } from '../contracts'
import { memberId, type MemberDoc } from '../domain/group'
import { addCheckinToState, checkinId, emptyCheckinState, type CheckinDoc } from '../domain/checkin'
import { localInstant, monthOf, shiftDay } from '../domain/days'
import { checkinEvent, checkinPatch, groupCopyOf, newMemberCounters, scoreForEvent, type ParticipationCounters } from '../domain/participation'
import { DEFAULT_REMINDER_TIME } from '../domain/reminders'
import { opaqueViewId } from '../usecases/member-keys'
import { createSqliteStore, type SqliteStore } from '../store/sqlite'
import { FIXED_NOW, GROUP, seedGroup, testCaller, testMember, type TestCaller } from '../test/support/fixture'
import { cloudbaseWorld, countOps } from './cloudbase-ops'
import { atMost, elapsedMs, figure, median, ratio, type Figure } from './report'

export const GROWTH_MEMBERS = 500
export const GROWTH_DAYS = (process.env.BENCH_GROWTH_DAYS ?? '30,180,365').split(',').map(Number).sort((a, b) => a - b)
export const MAKE_UP_GROWTH_TARGET = 1.3

const TODAY = '2026-11-23'
const YESTERDAY = shiftDay(TODAY, -1)
const TIMEZONE = 'Asia/Shanghai'
const SAMPLES = 9
const TAPS_PER_SAMPLE = 10

export const growthOpenid = (index: number) => `o_g${String(index).padStart(4, '0')}`

type HistoryDoc = ['checkins', CheckinDoc] | ['membership', Partial<MemberDoc>]

/**
 * The history of one member as today's code leaves it: a check-in document for each of `days` days ending the
 * day before yesterday (with the view id every check-in carries), then what those check-ins wrote on the
 * membership — the counters, runs and month calendar (`checkin`), the boards' counters, the group's copy and the
 * reminder — folded day by day through the same domain functions a check-in uses.
 */
export function* memberHistory(openid: string, days: number): Generator<HistoryDoc> {
  const first = shiftDay(TODAY, -days)
  const last = shiftDay(TODAY, -2)
  const copy = groupCopyOf({ status: 'open' })
  let state = emptyCheckinState()
  let counters: ParticipationCounters = newMemberCounters(first)
  for (let day = first; day <= last; day = shiftDay(day, 1)) {
    const at = localInstant(day, '07:30', TIMEZONE)
    const id = checkinId(GROUP, openid, day)
    const checkin: CheckinDoc = { _id: id, groupId: GROUP, openid, day, note: '读完了', photoFileId: null, taskId: null, taskTitle: null, makeUp: false, authorName: '张三-郑州-工程师', checkedInAt: at.toISOString(), viewId: opaqueViewId(id) }
    yield ['checkins', checkin]
    state = addCheckinToState(state, checkin, day, at)
    counters = { ...counters, ...checkinPatch(counters, { earnedOn: day, points: scoreForEvent(copy, checkinEvent(checkin)), streak: state.currentStreak, lastDay: state.lastDay }) }
  }
  yield ['membership', { ...counters, checkin: state, groupCopy: copy, reminder: { enabled: false, time: DEFAULT_REMINDER_TIME }, joinedAt: localInstant(first, '07:00', TIMEZONE).toISOString() }]
}

const memberOpenids = () => Array.from({ length: GROWTH_MEMBERS - 3 }, (_, i) => growthOpenid(i))
const GROUP_OPTIONS = { group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } }, members: memberOpenids().map((openid) => testMember(openid)) }

interface GrowthTap {
  name: string
  /** The input for the `n`-th tap (each by another member where the tap writes). */
  call(api: TestCaller, n: number): Promise<unknown>
  makeUpTarget?: boolean
}

function as<A extends AnyAction>(action: A, who: (n: number) => string, input: (n: number) => InputOf<A>) {
  return (api: TestCaller, n: number) => api.as(who(n)).call(action, input(n))
}

/** Taps 0–99 check in (members 0–99), taps 100–199 make up yesterday (members 100–199); reads by member 300. */
export const GROWTH_TAPS: GrowthTap[] = [
  { name: 'checkin.checkIn', call: as(checkIn, (n) => growthOpenid(n), () => ({ groupId: GROUP, note: '今天也读了' })) },
  { name: 'checkin.makeUp', call: as(makeUpCheckin, (n) => growthOpenid(100 + n), () => ({ groupId: GROUP, day: YESTERDAY })), makeUpTarget: true },
  { name: 'checkin.overview', call: as(getCheckinOverview, () => growthOpenid(300), () => ({ groupId: GROUP })) },
  { name: 'checkin.calendar', call: as(getCheckinCalendar, () => growthOpenid(300), () => ({ groupId: GROUP, month: monthOf(TODAY) })) },
  { name: 'checkin.feed', call: as(listTodayFeed, () => growthOpenid(300), () => ({ groupId: GROUP })) },
  { name: 'members.list', call: as(listMembers, () => growthOpenid(300), () => ({ groupId: GROUP })) },
]

/**
 * The store floor of a make-up, shown beside its time: the same by-id work on the same tables in one
 * transaction (read the membership and the day's check-in, create the check-in, update the membership),
 * without the use case (members 200–294, whom no other tap uses). It stays flat from 30 to 365 days, so a
 * growth of the make-up's time is the use case's own, not the tables' depth.
 */
async function makeUpStoreFloor(store: SqliteStore, n: number): Promise<void> {
  const openid = growthOpenid(200 + n)
  await store.transaction(async (tx) => {
    const member = await tx.get('members', memberId(GROUP, openid))
    await tx.get('checkins', checkinId(GROUP, openid, YESTERDAY))
    await tx.create('checkins', { _id: checkinId(GROUP, openid, YESTERDAY), groupId: GROUP, openid, day: YESTERDAY, note: '', photoFileId: null, taskId: null, taskTitle: null, makeUp: true, authorName: '张三-郑州-工程师', checkedInAt: FIXED_NOW.toISOString() })
    await tx.update('members', member!._id, { checkinDays: (member!.checkinDays ?? 0) + 1 })
  })
}
const STORE_FLOOR = 'store floor of a make-up'

/** Ops of each tap (one tap each) on the fake with `days` of history. */
async function opsAt(days: number): Promise<Map<string, number>> {
  const world = await cloudbaseWorld({ group: GROUP_OPTIONS.group, extraMembers: memberOpenids() })
  for (const openid of memberOpenids()) {
    for (const [kind, doc] of memberHistory(openid, days)) {
      if (kind === 'checkins') world.cloud.seed(kind, { ...doc })
      else await world.store.update('members', memberId(GROUP, openid), doc)
    }
  }
  const ops = new Map<string, number>()
  for (const tap of GROWTH_TAPS) {
    world.cloud.clearCalls()
    await tap.call(world.api, 0)
    ops.set(tap.name, countOps(world.cloud.calls).total)
  }
  return ops
}

/**
 * A SQLite store with `days` of history, on a file in `dir` as the local runtime keeps it (WAL), its log
 * checkpointed after seeding so every history starts from the same state. Not in memory: an in-memory
 * database's COMMIT grew with its size here (25 → 100 µs a make-up from 30 to 365 days, measured), while the
 * same commit on a file stayed flat (about 120 µs at both), so memory would time a store the product does not run.
 */
async function sqliteWithHistory(days: number, dir: string): Promise<SqliteStore> {
  const store = createSqliteStore({ filename: join(dir, `history-${days}-days.db`) })
  await store.ensureSchema()
  await seedGroup(store, GROUP_OPTIONS)
  let batch: Array<[string, HistoryDoc]> = []
  const flush = async () => {
    const docs = batch
    batch = []
    await store.transaction(async (tx) => {
      for (const [openid, [kind, doc]] of docs) {
        if (kind === 'checkins') await tx.create(kind, doc)
        else await tx.update('members', memberId(GROUP, openid), doc)
      }
    })
  }
  for (const openid of memberOpenids()) {
    for (const entry of memberHistory(openid, days)) {
      batch.push([openid, entry])
      if (batch.length >= 5000) await flush()
    }
  }
  await flush()
  store.checkpoint()
  return store
}

/** A full collection where Node exposes it (`--expose-gc`); nothing otherwise. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) gc()
}

/**
 * Median ms per tap on SQLite for each history length. The stores are seeded first and their samples taken in
 * turns (30, 180, 365, 30, 180, 365, …), so a burst of load from elsewhere on the machine lands on every
 * history alike instead of reading as growth of whichever was timed last.
 */
async function timesAt(daysList: number[]): Promise<Map<number, Map<string, number>>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-growth-'))
  try {
    const stores = new Map<number, SqliteStore>()
    for (const days of daysList) stores.set(days, await sqliteWithHistory(days, dir))
    const apis = new Map([...stores].map(([days, store]) => [days, testCaller(store, { now: () => FIXED_NOW })]))
    const times = new Map(daysList.map((days) => [days, new Map<string, number>()]))
    for (const tap of GROWTH_TAPS) {
      // Seeding a year of history leaves a large heap behind: collect it now, or it lands in some samples.
      collectGarbage()
      for (const api of apis.values()) for (let warm = 90; warm < 95; warm++) await tap.call(api, warm) // statements prepared, code paths jitted
      const samples = new Map(daysList.map((days) => [days, [] as number[]]))
      for (let sample = 0; sample < SAMPLES; sample++) {
        for (const days of daysList) {
          const api = apis.get(days)!
          const start = process.hrtime.bigint()
          for (let i = 0; i < TAPS_PER_SAMPLE; i++) await tap.call(api, sample * TAPS_PER_SAMPLE + i)
          samples.get(days)!.push(elapsedMs(start) / TAPS_PER_SAMPLE)
        }
      }
      for (const days of daysList) times.get(days)!.set(tap.name, median(samples.get(days)!))
    }
    collectGarbage()
    for (const store of stores.values()) for (let warm = 90; warm < 95; warm++) await makeUpStoreFloor(store, warm)
    const floorSamples = new Map(daysList.map((days) => [days, [] as number[]]))
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const days of daysList) {
        const start = process.hrtime.bigint()
        for (let i = 0; i < TAPS_PER_SAMPLE; i++) await makeUpStoreFloor(stores.get(days)!, sample * TAPS_PER_SAMPLE + i)
        floorSamples.get(days)!.push(elapsedMs(start) / TAPS_PER_SAMPLE)
      }
    }
    for (const days of daysList) times.get(days)!.set(STORE_FLOOR, median(floorSamples.get(days)!))
    for (const store of stores.values()) store.close()
    return times
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchGrowth(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const ops = new Map<number, Map<string, number>>()
  const times = new Map<number, Map<string, number>>()
  for (const days of GROWTH_DAYS) {
    const start = process.hrtime.bigint()
    ops.set(days, await opsAt(days))
    log(`growth: ${GROWTH_MEMBERS} members × ${days} days counted in ${(elapsedMs(start) / 1000).toFixed(1)} s`)
  }
  // Every history is warmed up before any sample is taken, so none is timed while the code is still cold.
  const start = process.hrtime.bigint()
  const measured = await timesAt(GROWTH_DAYS)
  for (const [days, row] of measured) times.set(days, row)
  log(`growth: ${GROWTH_DAYS.join(' / ')} days timed in turns in ${(elapsedMs(start) / 1000).toFixed(1)} s`)
  const small = Math.min(...GROWTH_DAYS)
  const large = Math.max(...GROWTH_DAYS)
  const figures: Figure[] = []
  for (const tap of GROWTH_TAPS) {
    const target = tap.makeUpTarget ? atMost(MAKE_UP_GROWTH_TARGET) : undefined
    const opsRow = GROWTH_DAYS.map((d) => ops.get(d)!.get(tap.name)!)
    const timeRow = GROWTH_DAYS.map((d) => times.get(d)!.get(tap.name)!)
    figures.push(figure('growth', `${tap.name} ops ${large}/${small} days`, ratio(opsRow.at(-1)!, opsRow[0]), '×', target, `${opsRow.join(' / ')} ops at ${GROWTH_DAYS.join(' / ')} days`))
    figures.push(figure('growth', `${tap.name} time ${large}/${small} days`, ratio(timeRow.at(-1)!, timeRow[0]), '×', target, `${timeRow.map((t) => t.toFixed(2)).join(' / ')} ms on SQLite`))
    if (tap.makeUpTarget) {
      // Context for the make-up's time: the same by-id work on the same tables without the use case.
      const floorRow = GROWTH_DAYS.map((d) => times.get(d)!.get(STORE_FLOOR)!)
      figures.push(figure('growth', `${STORE_FLOOR} time ${large}/${small} days`, ratio(floorRow.at(-1)!, floorRow[0]), '×', undefined, `${floorRow.map((t) => t.toFixed(2)).join(' / ')} ms: membership + check-in read, check-in create, membership update, one transaction`))
    }
  }
  return figures
}
