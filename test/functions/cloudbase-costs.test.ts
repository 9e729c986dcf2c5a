/**
 * What each tap costs on CloudBase, counted through the recording wx-server-sdk fake: CloudBase bills per
 * database operation, so these are budgets, and a change that spends more fails here.
 *
 * How we count: every database call the fake records is one operation — `document.get/set/update/remove`,
 * `collection.add/get/count` — inside a transaction or outside it alike. `runTransaction` itself is not a
 * database operation (it is the envelope; the operations inside it are counted one by one); the tables below
 * show it separately. Counts are for a warm function instance: caches a function instance keeps (the
 * group's day rule, kept 5 minutes) are already filled, as they are for every call after an
 * instance's first (and its first after each 5 minutes: one read of the group more).
 */
import * as contracts from '../../contracts'
import { answerFollowUp, askApplicant, getInviteCode, getPendingCounts, listDecidedApplications } from '../../contracts'
import { acknowledgeRules, getGroupProfile, listAnnouncements, listInbox, listMyGroups, markAnnouncementsRead, publishRules } from '../../contracts'
import { confirmJoined, deleteAnnouncement, deleteDailyTask, editAnnouncement, getJoinGuide, listNotJoined, postAnnouncement, updateJoinGuide } from '../../contracts'
import { recordPhotoUpload } from '../../usecases/photos'
import { userCaller } from '../../usecases/context'
import { checkIn, decideApplication, decideApplications, getAdmissionSettings, getCheckinOverview, updateAdmissionSettings, listApplications, makeUpCheckin, saveDailyTask, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { inviteIdFor } from '../../usecases/admission/invites'
import { uploaderKey } from '../../usecases/photos'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeCloud, type FakeCloud, type RecordedCall } from '../fakes/wx-server-sdk'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, TIMER, applyInput, seedGroup, testCaller, testMember } from '../support/fixture'
import { claimLotteryPrize, createLottery, drawLottery, enterLottery, getLottery } from '../../contracts/lottery'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { ENTRY_SHARDS, lotteryEntryDocId, lotteryShardId, shardOf } from '../../domain/lottery'
import { createFunctionHandlers } from '../../local-runtime/functions'
import { createLocalWechatServices } from '../../platform/wechat-services-local'
import { runDraw } from '../../usecases/lottery'
import { seededRandom } from '../support/random'
import { LIST_LOTTERIES as LIST_OPEN } from '../../miniprogram/components/lottery-card/list-open'
import { NONCE, lotteryInput } from '../support/lottery'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { createFakeOpenapi } from '../fakes/wx-openapi'

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
  it('a check-in: 3 operations (membership read, check-in add, membership update, in one transaction), also when it links the day’s task', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER)
    await member.at(morning('2026-11-22')).call(checkIn, { groupId: GROUP })

    // As the page sends it on a day without a task.
    const plain = await cost(cloud, () => member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }))
    expect(plain.calls).toEqual(['runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
    expect(plain.ops).toBeLessThanOrEqual(3)

    // The default (link today's task) names the task by its deterministic id: no read (views resolve the title).
    await testCaller(store).as(ADMIN).at(morning('2026-11-23')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第 4 章', body: '读完写一句感想' })
    const linked = await cost(cloud, () => member.at(morning('2026-11-24')).call(checkIn, { groupId: GROUP }))
    expect(linked.calls).toEqual(['runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
    expect(linked.ops).toBeLessThanOrEqual(3)
    // …and the score of the task check-in is on the membership, written by the same update.
    // (The first check-in asked to link a task with none published: its bonus stands until the nightly tally takes it back.)
    expect(await store.get('members', `${GROUP}:${MEMBER}`)).toMatchObject({ score: 15 + 10 + 15, checkinDays: 3 })
  })

  it('a repeated check-in the same day: 1 operation (the membership, which carries today’s check-in), nothing written', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER)
    const first = await member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, note: '读完了' })
    let answer: unknown
    const repeat = await cost(cloud, async () => {
      answer = await member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, note: '又点了一次' })
    })
    expect(repeat.calls).toEqual(['runTransaction', 'tx document.get members'])
    expect(repeat.ops).toBe(1)
    expect(answer).toMatchObject({ created: false, checkin: { id: first.checkin.id, note: '读完了' } })
  })

  it('a membership written before the group copy existed reads the group once, inside the transaction, then never again', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER)
    const first = await cost(cloud, () => member.at(morning('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false }))
    // (The outside read is the instance's day-rule cache filling: a cold instance.)
    expect(first.calls.filter((call) => call.includes('groups'))).toEqual(['document.get groups', 'tx document.get groups'])
    const second = await cost(cloud, () => member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }))
    expect(second.ops).toBe(3)
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

describe('admission costs (CloudBase operations per tap)', () => {
  const INVITERS = ['o_inv1', 'o_inv2', 'o_inv3', 'o_inv4', 'o_inv5']

  async function withApplications(count: number, options: { invited?: boolean } = {}) {
    const { store, cloud } = await cloudbase({ members: INVITERS.map((openid, i) => testMember(openid, 'member', `邀请人${i}`)) })
    for (const openid of INVITERS) await store.create('invites', { _id: inviteIdFor(GROUP, openid), groupId: GROUP, inviterOpenid: openid, createdAt: FIXED_NOW.toISOString() })
    const api = testCaller(store, { now: () => FIXED_NOW })
    const applicants = Array.from({ length: count }, (_, i) => `o_app${String(i).padStart(2, '0')}`)
    for (const [i, openid] of applicants.entries()) {
      const inviteId = options.invited ? inviteIdFor(GROUP, INVITERS[i % INVITERS.length]) : undefined
      await api.as(openid).call(submitApplication, applyInput(inviteId ? { inviteId } : {}))
    }
    return { store, cloud, api, applicants }
  }

  it('the review queue’s first page, 5 inviters on it: the inviters’ names in one query', async () => {
    const { cloud, api } = await withApplications(10, { invited: true })
    let names: Array<string | null> = []
    const page = await cost(cloud, async () => {
      names = (await api.as(ADMIN).call(listApplications, { groupId: GROUP, order: 'oldest' })).items.map((item) => item.inviterName)
    })
    expect(new Set(names)).toEqual(new Set(INVITERS.map((_, i) => `邀请人${i}-郑州-工程师`)))
    expect(page.calls.filter((call) => call.endsWith('members'))).toEqual(['document.get members', 'collection.get members'])
    expect(page.ops).toBeLessThanOrEqual(4)
  })

  it('a review queue that fits on one page: 3 operations (group, the caller’s role, the page), its total without a count', async () => {
    const { cloud, api } = await withApplications(3)
    let total = -1
    const page = await cost(cloud, async () => {
      total = (await api.as(ADMIN).call(listApplications, { groupId: GROUP, order: 'oldest' })).total
    })
    expect(total).toBe(3)
    expect(page.calls).toEqual(['document.get groups', 'document.get members', 'collection.get applications'])
    expect(page.ops).toBeLessThanOrEqual(3)
  })

  it('a review queue longer than a page: the full first page counts (4 operations), the short last page does not, and both totals are right', async () => {
    const { cloud, api } = await withApplications(23)
    let first = { total: -1, next: null as number | string | null, items: 0 }
    const firstCost = await cost(cloud, async () => {
      const page = await api.as(ADMIN).call(listApplications, { groupId: GROUP, order: 'oldest' })
      first = { total: page.total, next: page.next, items: page.items.length }
    })
    expect(first.total).toBe(23)
    expect(firstCost.calls).toContain('collection.count applications')
    expect(firstCost.ops).toBeLessThanOrEqual(4)
    const last = await cost(cloud, async () => {
      const page = await api.as(ADMIN).call(listApplications, { groupId: GROUP, order: 'oldest', cursor: first.next as never })
      expect(page.total).toBe(23)
      expect(page.items.length).toBe(23 - first.items)
      expect(page.next).toBeNull()
    })
    expect(last.calls).not.toContain('collection.count applications')
    expect(last.ops).toBeLessThanOrEqual(3)
  })

  it('a submit: 4 operations in its transaction (group, membership, application read and write); the settings come from the instance while the group says they are current', async () => {
    const { cloud, api } = await withApplications(1)
    const submit = await cost(cloud, () => api.as('o_fresh').call(submitApplication, applyInput()))
    expect(submit.calls).toEqual(['runTransaction', 'tx document.get groups', 'tx document.get members', 'tx document.get applications', 'tx collection.add applications'])
    expect(submit.ops).toBeLessThanOrEqual(4)
    // After a settings change the next submit reads them again (and sees the new question).
    const settings = await api.as(ADMIN).call(getAdmissionSettings, { groupId: GROUP })
    await api.as(ADMIN).call(updateAdmissionSettings, { groupId: GROUP, settings: { ...settings, questions: [{ id: 'q1', kind: 'text', label: '为什么想加入？', required: true, options: [] }] } })
    expect(await api.as('o_fresh2').result(submitApplication, applyInput())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const again = await cost(cloud, () => api.as('o_fresh2').call(submitApplication, applyInput({ answers: { q1: '喜欢徒步' } })))
    expect(again.ops).toBeLessThanOrEqual(4)
  })

  it('an approval: 8 operations, all in its transaction (decider’s role, audit and inbox included); a rejection: 6', async () => {
    const { cloud, api, applicants } = await withApplications(2)
    const approve = await cost(cloud, () => api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, applicants[0]), decision: 'approve' }))
    expect(approve.calls.filter((call) => !call.startsWith('tx ') && call !== 'runTransaction')).toEqual([])
    expect(approve.ops).toBeLessThanOrEqual(8)
    const reject = await cost(cloud, () => api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, applicants[1]), decision: 'reject', reason: '不符合' }))
    expect(reject.calls).toEqual([
      'runTransaction',
      'tx document.get groups',
      'tx document.get members',
      'tx document.get applications',
      'tx document.update applications',
      'tx collection.add auditLogs',
      'tx collection.add inboxMessages',
    ])
    expect(reject.ops).toBeLessThanOrEqual(6)
  })

  it('a newly approved member’s first overview and first check-in cost the same as anyone’s (3 each)', async () => {
    const { cloud, store, api, applicants } = await withApplications(1)
    await api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, applicants[0]), decision: 'approve' })
    const newcomer = testCaller(store).as(applicants[0])
    await testCaller(store).as(MEMBER).at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }) // warms the instance's day rule
    expect((await cost(cloud, () => newcomer.at(morning('2026-11-23')).call(getCheckinOverview, { groupId: GROUP }))).ops).toBeLessThanOrEqual(3)
    const first = await cost(cloud, () => newcomer.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }))
    expect(first.ops).toBeLessThanOrEqual(3)
  })
})

describe('batch decisions (CloudBase operations and time)', () => {
  async function fiftyPending(transactions: 'serial' | 'concurrent') {
    const cloud = createFakeCloud({ transactions })
    const store = createCloudbaseStore(cloud.database())
    await store.ensureSchema()
    await seedGroup(store, { group: { capacity: 500 } })
    const api = testCaller(store, { now: () => FIXED_NOW })
    const applicants = Array.from({ length: 50 }, (_, i) => `o_b${String(i).padStart(2, '0')}`)
    for (const openid of applicants) await api.as(openid).call(submitApplication, applyInput())
    return { store, cloud, api, ids: applicants.map((openid) => applicationId(GROUP, openid)) }
  }

  it.each(['approve', 'reject'] as const)('%s 50 at once: 5 transactions of 10, about 5 operations per application', async (decision) => {
    const { store, cloud, api, ids } = await fiftyPending('concurrent')
    let decided = 0
    const batch = await cost(cloud, async () => {
      decided = (await api.as(ADMIN).call(decideApplications, { groupId: GROUP, applicationIds: ids, decision, reason: '' })).decided
    })
    if (process.env.SHOW_COSTS) console.log(decision, batch.ops, 'ops', batch.transactions, 'transactions')
    expect(decided).toBe(50)
    expect(batch.transactions).toBe(5)
    // Per chunk: group + decider + 10 applications read; per application 3 writes (+ the membership when
    // approving); approving also writes the member count once and looks the applicants' memberships up once.
    expect(batch.ops).toBeLessThanOrEqual(decision === 'approve' ? 5 * (2 + 10 + 40 + 1 + 1) : 5 * (2 + 10 + 30))
    expect(await store.count('members', { groupId: GROUP })).toBe(decision === 'approve' ? 53 : 3)
    expect((await store.get('groups', GROUP))?.memberCount).toBe(decision === 'approve' ? 53 : 3)
    expect(await store.count('auditLogs', { groupId: GROUP })).toBe(50)
    expect(await store.count('inboxMessages', { groupId: GROUP })).toBe(50)
  })

  it('a batch into fewer seats than applications admits up to the capacity and says the rest found the group full', async () => {
    const { store, api, ids } = await fiftyPending('concurrent')
    await store.update('groups', GROUP, { capacity: 20 })
    const result = await api.as(ADMIN).call(decideApplications, { groupId: GROUP, applicationIds: ids, decision: 'approve', reason: '' })
    expect(result.decided).toBe(17)
    expect(result.results.slice(17).every((r) => r.outcome === 'groupFull')).toBe(true)
    expect((await store.get('groups', GROUP))?.memberCount).toBe(20)
    expect(await store.count('members', { groupId: GROUP })).toBe(20)
  })
})

describe('participation costs (CloudBase operations)', () => {
  it('an approval crediting the inviter: 10 operations (the inviter’s membership read and updated in the transaction); 9 when the decider invited', async () => {
    const { store, cloud } = await cloudbase()
    await store.create('invites', { _id: inviteIdFor(GROUP, MEMBER), groupId: GROUP, inviterOpenid: MEMBER, createdAt: FIXED_NOW.toISOString() })
    await store.create('invites', { _id: inviteIdFor(GROUP, ADMIN), groupId: GROUP, inviterOpenid: ADMIN, createdAt: FIXED_NOW.toISOString() })
    const api = testCaller(store, { now: () => FIXED_NOW })
    await api.as('o_inv_a').call(submitApplication, applyInput({ inviteId: inviteIdFor(GROUP, MEMBER) }))
    await api.as('o_inv_b').call(submitApplication, applyInput({ inviteId: inviteIdFor(GROUP, ADMIN) }))
    const byMember = await cost(cloud, () => api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_inv_a'), decision: 'approve' }))
    expect(byMember.calls.filter((call) => !call.startsWith('tx ') && call !== 'runTransaction')).toEqual([])
    expect(byMember.ops).toBe(10)
    const byDecider = await cost(cloud, () => api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_inv_b'), decision: 'approve' }))
    expect(byDecider.ops).toBe(9)
    expect((await store.get('members', `${GROUP}:${MEMBER}`))?.score).toBe(20)
    expect((await store.get('members', `${GROUP}:${ADMIN}`))?.score).toBe(20)
  })

  /** A group of `size` members with scores this week. */
  async function scoredGroup(size: number) {
    const members = Array.from({ length: size }, (_, i) => ({ ...testMember(`o_p${String(i).padStart(3, '0')}`), score: i * 3, weekKey: '2026-11-23', weekScore: i, weekCheckins: i % 7, activeDay: i % 4 === 0 ? '2026-11-01' : '2026-11-22' }))
    const { store, cloud } = await cloudbase({ members })
    return { store, cloud, api: testCaller(store, { now: () => FIXED_NOW }) }
  }

  it('a leaderboard page: 4 operations (group, membership, the page, the viewer’s rank); 5 past the first page — the same for 40 or 400 members', async () => {
    const counts: number[][] = []
    for (const size of [40, 400]) {
      const { cloud, api } = await scoredGroup(size)
      const first = await cost(cloud, () => api.as('o_p010').call(contracts.getLeaderboard, { groupId: GROUP, period: 'week', metric: 'score' }))
      expect(first.calls).toEqual(['document.get groups', 'document.get members', 'collection.get members', 'collection.count members'])
      const second = await cost(cloud, () => api.as('o_p010').call(contracts.getLeaderboard, { groupId: GROUP, period: 'all', metric: 'score', cursor: 20 }))
      counts.push([first.ops, second.ops])
    }
    expect(counts).toEqual([[4, 5], [4, 5]])
  })

  it('the dashboard: 8 operations, the same for 40 or 400 members', async () => {
    const counts: number[] = []
    for (const size of [40, 400]) {
      const { cloud, api } = await scoredGroup(size)
      const dash = await cost(cloud, () => api.as(ADMIN).call(contracts.getDashboard, { groupId: GROUP }))
      counts.push(dash.ops)
    }
    expect(counts).toEqual([8, 8])
  })

  it('the nightly tally of a day: a fixed handful plus the day’s activity (one page of check-ins per 100), never the history', async () => {
    const ops: number[] = []
    for (const active of [10, 150]) {
      const members = Array.from({ length: active }, (_, i) => testMember(`o_d${String(i).padStart(3, '0')}`))
      const { store, cloud } = await cloudbase({ members, group: { talliedThrough: '2026-11-21' } })
      for (const m of members) await testCaller(store).as(m.openid).at(morning('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false })
      const run = await cost(cloud, () => testCaller(store).as({ kind: 'timer', trigger: 'tallyHourly' }).at(morning('2026-11-23')).call(contracts.runTally, {}))
      ops.push(run.ops)
    }
    // groups page, backfill query (+ one update for each of the 3 seeded memberships that predate the counters,
    // once), stats read, check-ins pages, 4 counts (new members, applications in and decided, lottery entries),
    // breaks and inactive queries, stats write, group write.
    expect(ops[0]).toBeLessThanOrEqual(12 + 3)
    expect(ops[1] - ops[0]).toBe(1)
  })
})

describe('check-in journey costs (likes, edits, past days, months)', () => {
  const journey = contracts

  it('a like: 3 operations, the first one (a query proving the check-in, membership, create) and any later one (membership, likes read, write); a repeat writes nothing', async () => {
    const { store, cloud } = await cloudbase({ members: [testMember('o_fan1', 'member', '粉丝一'), testMember('o_fan2', 'member', '粉丝二')] })
    const made = await testCaller(store).as(MEMBER).at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, note: '读完' })
    const as = (openid: string) => testCaller(store).as(openid).at(morning('2026-11-23'))
    const first = await cost(cloud, () => as('o_fan1').call(journey.likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true, knownCount: 0 }))
    expect(first.calls).toEqual(['collection.get checkins', 'runTransaction', 'tx document.get members', 'tx collection.add checkinLikes'])
    expect(first.ops).toBeLessThanOrEqual(3)
    const later = await cost(cloud, () => as('o_fan2').call(journey.likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true, knownCount: 1 }))
    expect(later.calls).toEqual(['runTransaction', 'tx document.get members', 'tx document.get checkinLikes', 'tx document.set checkinLikes'])
    expect(later.ops).toBeLessThanOrEqual(3)
    const repeat = await cost(cloud, () => as('o_fan2').call(journey.likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true, knownCount: 2 }))
    expect(repeat.ops).toBe(2)
    const unlike = await cost(cloud, () => as('o_fan2').call(journey.likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: false, knownCount: 2 }))
    expect(unlike.ops).toBeLessThanOrEqual(3)
    // Nothing group-wide and nothing of the author's is written by a like.
    for (const run of [first, later, unlike]) expect(run.calls.filter((call) => /(set|update|add) (groups|checkins|members)$/.test(call))).toEqual([])
  })

  it('an edit of today’s note: 3 operations (membership, check-in, the membership’s copy); adding a photo 6 (the photo record read and claimed, the audit entry)', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER).at(morning('2026-11-23'))
    await member.call(checkIn, { groupId: GROUP, note: '读完' })
    const note = await cost(cloud, () => member.call(journey.editCheckin, { groupId: GROUP, note: '读完第 3 章' }))
    expect(note.calls).toEqual(['runTransaction', 'tx document.get members', 'tx document.update checkins', 'tx document.update members'])
    expect(note.ops).toBeLessThanOrEqual(3)
    const fileId = `cloud://env-1.bucket/checkins/${GROUP}/2026-11-23/${uploaderKey(GROUP, MEMBER)}-abcdef1.jpg`
    await member.call(journey.registerPhoto, { groupId: GROUP, fileId })
    const photo = await cost(cloud, () => member.call(journey.editCheckin, { groupId: GROUP, photoFileId: fileId }))
    expect(photo.ops).toBeLessThanOrEqual(6)
  })

  it('a day’s feed page and a calendar month cost the same for a busy day / full month as for a quiet one: 6 and 5 operations', async () => {
    const fans = Array.from({ length: 30 }, (_, i) => testMember(`o_f${String(i).padStart(2, '0')}`, 'member', `成员${i}`))
    const { store, cloud } = await cloudbase({ members: fans })
    await testCaller(store).as(ADMIN).at(morning('2026-10-01')).call(saveDailyTask, { groupId: GROUP, day: '2026-10-20', title: '读第 2 章', body: '…' })
    for (const [i, fan] of fans.entries()) {
      const made = await testCaller(store).as(fan.openid).at(morning('2026-10-20')).call(checkIn, { groupId: GROUP, note: `第 ${i} 位` })
      if (i % 3 === 0) await testCaller(store).as(MEMBER).at(morning('2026-11-23')).call(journey.likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })
    }
    for (let d = 1; d <= 31; d++) await testCaller(store).as(MEMBER).at(morning(`2026-10-${String(d).padStart(2, '0')}`)).call(checkIn, { groupId: GROUP, note: `十月 ${d}` })
    const member = testCaller(store).as(MEMBER).at(morning('2026-11-23'))
    const busy = await cost(cloud, () => member.call(journey.listTodayFeed, { groupId: GROUP, day: '2026-10-20' }))
    expect(busy.calls).toEqual(['document.get groups', 'document.get members', 'collection.get checkins', 'collection.count checkins', 'document.get dailyTasks', 'collection.get checkinLikes'])
    const quiet = await cost(cloud, () => member.call(journey.listTodayFeed, { groupId: GROUP, day: '2026-10-21' }))
    expect([busy.ops, quiet.ops]).toEqual([6, 6])
    const fullMonth = await cost(cloud, () => member.call(journey.getCheckinCalendar, { groupId: GROUP, month: '2026-10' }))
    expect(fullMonth.calls).toEqual(['document.get groups', 'document.get members', 'collection.get checkins', 'collection.get dailyTasks', 'collection.get checkinLikes'])
    expect(fullMonth.ops).toBeLessThanOrEqual(5)
    const emptyMonth = await cost(cloud, () => member.call(journey.getCheckinCalendar, { groupId: GROUP, month: '2026-09' }))
    expect(emptyMonth.ops).toBeLessThanOrEqual(5)
  })
})

describe('into the WeChat group (CloudBase operations per tap)', () => {
  const QR = `local:${'a'.repeat(32)}.png`

  it('the member’s guide: 2 (group, membership); 「我已入群」: 3; the admin’s save of a new QR: 6 in one transaction; the not-joined list: 3', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    await recordPhotoUpload({ store, caller: userCaller(ADMIN), now: () => FIXED_NOW }, { groupId: GROUP, photoId: QR, location: '/tmp/qr.png', size: 1 })
    const save = await cost(cloud, () => api.as(ADMIN).call(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: null, instructions: '进群后改昵称' }))
    expect(save.calls).toEqual(['runTransaction', 'tx document.get groups', 'tx document.get members', 'tx document.get photos', 'tx document.update photos', 'tx document.update groups', 'tx collection.add auditLogs'])
    expect(save.ops).toBeLessThanOrEqual(6)

    const guide = await cost(cloud, () => api.as(MEMBER).call(getJoinGuide, { groupId: GROUP }))
    expect(guide.ops).toBeLessThanOrEqual(2)
    const confirm = await cost(cloud, () => api.as(MEMBER).call(confirmJoined, { groupId: GROUP }))
    expect(confirm.calls).toEqual(['document.get groups', 'document.get members', 'document.update members'])
    expect(confirm.ops).toBeLessThanOrEqual(3)
    const list = await cost(cloud, () => api.as(ADMIN).call(listNotJoined, { groupId: GROUP, days: 3 }))
    expect(list.ops).toBeLessThanOrEqual(3)
  })

  it('auto-approval: a submit a rule approves costs an approval (8 without an inviter’s credit; 11 through a trusted invite with the invite and the inviter); one that stays pending still 4 (5 with its invite); 已处理: 4', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    const trusted = (await api.as(MEMBER).call(getInviteCode, { groupId: GROUP })).inviteId
    const settings = await api.as(ADMIN).call(getAdmissionSettings, { groupId: GROUP })
    await api.as(ADMIN).call(updateAdmissionSettings, { groupId: GROUP, settings: { ...settings, autoApproval: { ...settings.autoApproval, activeInviter: true, trustedInviteIds: [trusted] } } })
    await api.as('o_warm').call(submitApplication, applyInput()) // the first after the change reads the new settings
    const pending = await cost(cloud, () => api.as('o_plain').call(submitApplication, applyInput()))
    expect(pending.ops).toBeLessThanOrEqual(4)
    const auto = await cost(cloud, () => api.as('o_auto').call(submitApplication, applyInput({ inviteId: trusted })))
    expect((await store.get('applications', applicationId(GROUP, 'o_auto')))?.status).toBe('approved')
    expect(auto.calls.filter((call) => !call.startsWith('tx ') && call !== 'runTransaction')).toEqual(['document.get invites'])
    expect(auto.ops).toBeLessThanOrEqual(11)
    // The active-inviter rule, inviter not active: the inviter's membership read, and the application waits.
    const adminInvite = (await api.as(ADMIN).call(getInviteCode, { groupId: GROUP })).inviteId
    const waits = await cost(cloud, () => api.as('o_wait').call(submitApplication, applyInput({ inviteId: adminInvite })))
    expect((await store.get('applications', applicationId(GROUP, 'o_wait')))?.status).toBe('pending')
    expect(waits.ops).toBeLessThanOrEqual(6)
    const history = await cost(cloud, () => api.as(ADMIN).call(listDecidedApplications, { groupId: GROUP }))
    expect(history.ops).toBeLessThanOrEqual(4)
  })

  it('the pending badge: 2 operations whatever the groups and applications; the hourly digest: the mark, one page of new applications, the groups, their admins, one message per admin, the mark again', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store, { now: () => FIXED_NOW })
    for (let i = 0; i < 12; i++) await api.as(`o_new${i}`).call(submitApplication, applyInput())
    const badge = await cost(cloud, () => api.as(ADMIN).call(getPendingCounts, {}))
    expect(badge.calls).toEqual(['collection.get members', 'collection.get applications'])
    const run = await cost(cloud, async () => {
      const result = await api.as(TIMER).at('2026-11-23T03:00:00.000Z').event('admissionPurge', { Type: 'Timer', TriggerName: 'applicationDigestHourly' })
      expect(result).toMatchObject({ ok: true, data: { admins: 2, applications: 12 } })
    })
    // 2 admins (owner and admin): 1 + 1 + 1 + 1 + 2 + 1, however many applications came (up to 100 a page).
    expect(run.ops).toBeLessThanOrEqual(7)
    const quiet = await cost(cloud, () => api.as(TIMER).at('2026-11-23T04:00:00.000Z').event('admissionPurge', { Type: 'Timer', TriggerName: 'applicationDigestHourly' }))
    expect(quiet.ops).toBeLessThanOrEqual(2)
  })

  it('需补充: asking costs 6 in one transaction (group, role, application; the application, audit, inbox), the answer 4 (group, application, its update, the asker’s inbox)', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store, { now: () => FIXED_NOW })
    await api.as('o_q').call(submitApplication, applyInput())
    const ask = await cost(cloud, () => api.as(ADMIN).call(askApplicant, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_q'), question: '你在郑州哪个区？' }))
    expect(ask.calls).toEqual(['runTransaction', 'tx document.get groups', 'tx document.get members', 'tx document.get applications', 'tx document.update applications', 'tx collection.add auditLogs', 'tx collection.add inboxMessages'])
    const answer = await cost(cloud, () => api.as('o_q').call(answerFollowUp, { groupId: GROUP, answer: '金水区' }))
    expect(answer.ops).toBeLessThanOrEqual(4)
  })

  it('an approval with a join guide set still costs 8 (the guide travels on the group it reads anyway)', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    await recordPhotoUpload({ store, caller: userCaller(ADMIN), now: () => FIXED_NOW }, { groupId: GROUP, photoId: QR, location: '/tmp/qr.png', size: 1 })
    await api.as(ADMIN).call(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: null, instructions: '进群后改昵称' })
    await api.as('o_fresh').call(submitApplication, applyInput())
    const approve = await cost(cloud, () => api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_fresh'), decision: 'approve', reason: '' }))
    expect(approve.ops).toBeLessThanOrEqual(8)
  })
})

describe('announcements and tasks: create once, edit, delete (CloudBase operations per tap)', () => {
  it('a post: 6 (role, announcement, the group’s recent list, audit); its retry: at most 4 and nothing written; edit 5, delete 7 (it leaves the recent list); a task delete: 5', async () => {
    const { store, cloud } = await cloudbase()
    const admin = testCaller(store).as(ADMIN)
    const input = { groupId: GROUP, title: '周六爬山', body: '早上八点集合', pinned: false, requestId: 'req-cost-00001' }
    const post = await cost(cloud, () => admin.call(postAnnouncement, input))
    expect(post.ops).toBeLessThanOrEqual(6)
    const retry = await cost(cloud, () => admin.call(postAnnouncement, input))
    expect(retry.ops).toBeLessThanOrEqual(4)
    expect(retry.calls.filter((call) => /(set|update|add) /.test(call) && !call.includes('announcements'))).toEqual([])
    expect(await store.count('announcements', { groupId: GROUP })).toBe(1)
    const [{ _id: id }] = await store.find('announcements', { where: { groupId: GROUP }, limit: 1 })
    expect((await cost(cloud, () => admin.call(editAnnouncement, { groupId: GROUP, announcementId: id, title: '改期', body: '九点' }))).ops).toBeLessThanOrEqual(5)
    expect((await cost(cloud, () => admin.call(deleteAnnouncement, { groupId: GROUP, announcementId: id }))).ops).toBeLessThanOrEqual(7)
    await admin.at(morning('2026-11-23')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第 4 章', body: '读完写一句感想' })
    expect((await cost(cloud, () => admin.at(morning('2026-11-23')).call(deleteDailyTask, { groupId: GROUP, day: '2026-11-24' }))).ops).toBeLessThanOrEqual(5)
  })
})

describe('lottery costs (CloudBase operations)', () => {
  const K = ENTRY_SHARDS

  /** A lottery (3 prizes) created by the admin on the fake, its group holding `members` extra members. */
  async function lotteryOnCloudbase(options: { members?: number; input?: Partial<Parameters<typeof lotteryInput>[0]> } = {}) {
    const extra = Array.from({ length: options.members ?? 0 }, (_, i) => testMember(`o_x${String(i).padStart(4, '0')}`, 'member', `成员${i}`))
    const { store, cloud } = await cloudbase({ members: extra })
    const api = testCaller(store, { now: () => FIXED_NOW, handlers: createFunctionHandlers({ wechat: createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1' }), templates: SUBSCRIBE_TEMPLATES, random: seededRandom('costs') }) })
    const created = await cost(cloud, () => api.as(ADMIN).call(createLottery, lotteryInput(options.input)))
    const [lottery] = await store.find('lotteries', {})
    return { store, cloud, api, lotteryId: lottery._id, created }
  }

  /** `n` entries written straight into the store (as `enter` writes them), with the gate shards' counts to match. */
  async function seedEntries(store: Store, lotteryId: string, n: number) {
    const counts = Array<number>(K).fill(0)
    for (let i = 0; i < n; i++) {
      const openid = `o_e${String(i).padStart(5, '0')}`
      const shard = shardOf(openid)
      counts[shard]++
      await store.create('lotteryEntries', {
        _id: lotteryEntryDocId(lotteryId, openid), lotteryId, groupId: GROUP, openid, memberKey: `m_${i}`, entryId: `e_${i.toString(16).padStart(16, '0')}`,
        name: `成员${i}`, maskedName: '成*', tickets: 1 + (i % 3), nonce: i.toString(16).padStart(32, '0'), shard, enteredAt: FIXED_NOW.toISOString(),
      })
    }
    for (let shard = 0; shard < K; shard++) await store.update('lotteryShards', lotteryShardId(lotteryId, shard), { count: counts[shard] })
  }

  it('creating and announcing: one inbox write per other member plus a constant (≤ M + K + 8 for M members)', async () => {
    const { created } = await lotteryOnCloudbase({ members: 40 })
    const members = 43
    expect(created.calls.filter((call) => call === 'document.set inboxMessages')).toHaveLength(members - 1)
    expect(created.ops).toBeLessThanOrEqual(members + 8 + K)
  })

  it('an entry: ≤ 9 operations (10 when the rule counts check-ins), its points on the membership in the transaction; a repeated tap ≤ 4', async () => {
    const { cloud, api, lotteryId } = await lotteryOnCloudbase()
    await api.as(OWNER).call(getLottery, { lotteryId }) // warms the instance's day rule
    // A membership written since scores exist carries the group's copy (as a check-in leaves it).
    await api.as(MEMBER).call(checkIn, { groupId: GROUP, linkTask: false })
    const enter = await cost(cloud, () => api.as(MEMBER).call(enterLottery, { lotteryId, nonce: NONCE(1) }))
    expect(enter.calls).toEqual([
      'document.get lotteries',
      'document.get members',
      'document.get lotteryEntries',
      'runTransaction',
      'tx document.get lotteryShards',
      'tx document.get members',
      'tx collection.add lotteryEntries',
      'tx document.update lotteryShards',
      'tx document.update members',
      'collection.count lotteryEntries',
    ])
    expect(enter.ops).toBeLessThanOrEqual(9)
    const again = await cost(cloud, () => api.as(MEMBER).call(enterLottery, { lotteryId, nonce: NONCE(1) }))
    expect(again.ops).toBeLessThanOrEqual(4)

    const weighted = await lotteryOnCloudbase({ input: { requestId: 'req_weighted_1', eligibility: { minCheckins: 0, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: null }, weighting: { maxTickets: 5 } } })
    await weighted.api.as(OWNER).call(getLottery, { lotteryId: weighted.lotteryId })
    const counted = await cost(weighted.cloud, () => weighted.api.as(MEMBER).call(enterLottery, { lotteryId: weighted.lotteryId, nonce: NONCE(1) }))
    expect(counted.calls).toContain('collection.count checkins')
    expect(counted.ops).toBeLessThanOrEqual(11) // + the count, and the group read once for a membership without its copy
  })

  it.each([10, 1000, 2500])('a draw over %i entrants: ⌈N/1000⌉ entry reads + 2 per winner + a constant (2K + 6)', async (n) => {
    const { store, cloud, api, lotteryId } = await lotteryOnCloudbase()
    await seedEntries(store, lotteryId, n)
    await api.as(OWNER).call(getLottery, { lotteryId }) // warms the instance's day rule
    const winners = 3
    let entrantCount = 0
    const draw = await cost(cloud, async () => {
      const lottery = await runDraw({ store, caller: TIMER, now: () => FIXED_NOW }, { random: seededRandom('x'), notifier: { notify: async () => false }, storage: { photoLinks: async () => ({}) } }, lotteryId, { force: false, actor: null })
      entrantCount = lottery.frozenCount ?? 0
    })
    expect(entrantCount).toBe(n)
    expect(draw.calls.filter((call) => call === 'collection.get lotteryEntries')).toHaveLength(Math.max(1, Math.ceil(n / 1000)))
    expect(draw.ops).toBeLessThanOrEqual(Math.ceil(n / 1000) + 2 * winners + 2 * K + 6)
    console.log(`[lottery costs] draw over ${n} entrants, ${winners} winners: ${draw.ops} operations in ${draw.transactions} transactions`)
    // The admin's view afterwards, and a second draw call: nothing more written.
    const again = await cost(cloud, () => api.as(ADMIN).call(drawLottery, { lotteryId }))
    expect(again.calls.filter((call) => /add|set|update|remove/.test(call))).toEqual([])
  })

  it('the lottery page ≤ 6 operations while open (7 counting check-ins), ≤ 6 once drawn; a claim ≤ 6; an idle timer minute 1', async () => {
    const { store, cloud, api, lotteryId } = await lotteryOnCloudbase()
    await api.as(MEMBER).call(enterLottery, { lotteryId, nonce: NONCE(1) })
    const open = await cost(cloud, () => api.as(OWNER).call(getLottery, { lotteryId }))
    expect(open.ops).toBeLessThanOrEqual(6)
    await api.as(ADMIN).call(drawLottery, { lotteryId })
    const drawn = await cost(cloud, () => api.as(MEMBER).call(getLottery, { lotteryId }))
    expect(drawn.ops).toBeLessThanOrEqual(6)
    const claim = await cost(cloud, () => api.as(MEMBER).call(claimLotteryPrize, { lotteryId, name: '李娜', phone: '13800138000', address: '', note: '' }))
    expect(claim.ops).toBeLessThanOrEqual(6)
    const idle = await cost(cloud, () => api.as(TIMER).event('lottery', { Type: 'Timer' }))
    expect(idle.calls).toEqual(['collection.get lotteries'])
    expect(await store.count('lotteryWins', { lotteryId })).toBe(1)
  })
})

describe('what is new on the board (CloudBase operations per tap, the same for a group of 5 or 500)', () => {
  it('a post writes the announcement and the group’s recent list, never one document per member', async () => {
    const { store, cloud } = await cloudbase({ group: { memberCount: 500 } })
    const post = await cost(cloud, () => testCaller(store).as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周六爬山', body: '八点集合', pinned: false }))
    expect(post.calls).toEqual([
      'document.get groups',
      'document.get members',
      'runTransaction',
      'tx collection.add announcements',
      'tx document.get groups',
      'tx document.update groups',
      'tx collection.add auditLogs',
    ])
    expect(post.ops).toBe(6)
  })

  it('badges cost nothing more on the group home and my groups, the inbox 2 queries; reading is 3 + 1 per announcement; an admin’s list 1 count per recent one', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    await api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    const first = await api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周六爬山', body: '八点集合', pinned: false })
    await api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周日休息', body: '不打卡', pinned: true })

    const home = await cost(cloud, () => api.as(MEMBER).call(getGroupProfile, { groupId: GROUP }))
    // The badges come from the group and the membership; the today panel adds the day's task by id and the
    // latest pinned announcement, and — for a member who never checked in (no counters on the membership) — the
    // two documents the counters used to live in.
    expect(home.calls).toEqual([
      'document.get groups',
      'document.get members',
      'document.get dailyTasks',
      'collection.get announcements',
      'document.get checkinStats',
      'document.get checkinMonths',
    ])
    const mine = await cost(cloud, () => api.as(MEMBER).call(listMyGroups, {}))
    expect(mine.ops).toBe(2)
    const inbox = await cost(cloud, () => api.as(MEMBER).call(listInbox, {}))
    expect(inbox.ops).toBeLessThanOrEqual(5)

    const list = await cost(cloud, () => api.as(MEMBER).call(listAnnouncements, { groupId: GROUP }))
    expect(list.ops).toBeLessThanOrEqual(5)
    const read = await cost(cloud, () => api.as(MEMBER).call(markAnnouncementsRead, { groupId: GROUP, announcementIds: [first.id] }))
    expect(read.calls).toEqual(['document.get groups', 'document.get members', 'runTransaction', 'tx document.set announcementReads', 'tx document.update members'])
    const adminList = await cost(cloud, () => api.as(ADMIN).call(listAnnouncements, { groupId: GROUP }))
    expect(adminList.ops).toBe(4 + 2)
  })

  it('confirming the rules: 5 (the membership keeps a copy, so the banner needs no read of its own); publishing a version: 10 (the first one also keeps the version the group started with)', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    const ack = await cost(cloud, () => api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 2 }))
    expect(ack.ops).toBeLessThanOrEqual(5)
    const publish = await cost(cloud, () => api.as(ADMIN).call(publishRules, { groupId: GROUP, clauses: ['不发广告', '友善交流'], requestId: 'req-cost-rules1' }))
    expect(publish.ops).toBeLessThanOrEqual(10)
  })
})

describe('group settings costs (CloudBase operations per tap)', () => {
  const form = { groupId: GROUP, name: '周末徒步·郑州群', intro: '每周六一起走郑州周边的山', timezone: 'Asia/Shanghai', dayStartHour: 0, makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, taskPublishTime: '08:00', capacity: 500 }

  it('reading: 2 (group, membership); saving: 4 in one transaction (group, membership, group update, audit); a preview: 2, nothing written', async () => {
    const { store, cloud } = await cloudbase()
    const owner = testCaller(store).as(OWNER).at(morning('2026-11-23'))
    const read = await cost(cloud, () => owner.call(contracts.getGroupSettings, { groupId: GROUP }))
    expect(read.calls).toEqual(['document.get groups', 'document.get members'])
    const preview = await cost(cloud, () => owner.call(contracts.saveGroupSettings, { ...form, dayStartHour: 4, preview: true }))
    expect(preview.calls).toEqual(['runTransaction', 'tx document.get groups', 'tx document.get members'])
    const saved = await cost(cloud, () => owner.call(contracts.saveGroupSettings, { ...form, dayStartHour: 4, makeUp: { enabled: true, windowDays: 2, monthlyLimit: 3 } }))
    expect(saved.calls).toEqual(['runTransaction', 'tx document.get groups', 'tx document.get members', 'tx document.update groups', 'tx collection.add auditLogs'])
    expect(saved.ops).toBe(4)
  })

  it('a check-in after the day rule and make-up policy changed still costs 3 (the saving instance keeps the new rule)', async () => {
    const { store, cloud } = await cloudbase()
    const member = testCaller(store).as(MEMBER)
    await member.at(morning('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false })
    await testCaller(store).as(OWNER).at(morning('2026-11-22')).call(contracts.saveGroupSettings, { ...form, dayStartHour: 4, makeUp: { enabled: false, windowDays: 3, monthlyLimit: 2 } })
    const after = await cost(cloud, () => member.at(morning('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false }))
    expect(after.calls).toEqual(['runTransaction', 'tx document.get members', 'tx collection.add checkins', 'tx document.update members'])
    expect(after.ops).toBeLessThanOrEqual(3)
  })
})

describe('the group home (CloudBase operations to open the group page)', () => {
  it('a member: the profile (4: group, membership, today’s task, latest pinned) + the join guide + the open lotteries; an admin also the pending counts', async () => {
    const { store, cloud } = await cloudbase()
    const api = testCaller(store)
    await api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    await api.as(ADMIN).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    await api.as(MEMBER).call(checkIn, { groupId: GROUP, linkTask: false })
    await api.as(ADMIN).call(checkIn, { groupId: GROUP, linkTask: false })
    await api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周日休息', body: '不打卡', pinned: true })

    const profile = await cost(cloud, () => api.as(MEMBER).call(getGroupProfile, { groupId: GROUP }))
    expect(profile.calls).toEqual(['document.get groups', 'document.get members', 'document.get dailyTasks', 'collection.get announcements'])
    const today = (await api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).today
    expect(today).toMatchObject({ checkedIn: true, streak: 1, pinned: { title: '周日休息' } })

    const openPage = (caller: string, admin: boolean) =>
      cost(cloud, () =>
        Promise.all([
          api.as(caller).call(getGroupProfile, { groupId: GROUP }),
          api.as(caller).call(getJoinGuide, { groupId: GROUP }),
          api.as(caller).call(LIST_OPEN, { groupId: GROUP, filter: 'open' }),
          ...(admin ? [api.as(caller).call(getPendingCounts, {})] : []),
        ]),
      )
    const member = await openPage(MEMBER, false)
    const admin = await openPage(ADMIN, true)
    // A member 9 operations in all, an admin 11 (the pending counts).
    expect({ member: member.ops, admin: admin.ops }).toEqual({ member: 9, admin: 11 })
  })
})

describe('export costs (CloudBase operations): each export records its file; the cleanup pays per file', () => {
  it('an export costs one write more than its reads (the file’s record); the cleanup: 1 query an idle hour, per 50 files 1 query + 1 deleteFile, 1 remove per file', async () => {
    const { store, cloud } = await cloudbase()
    const sdk = createFakeOpenapi()
    const exports = createCloudbaseExportStorage(sdk)
    let now = FIXED_NOW
    const api = testCaller(store, { now: () => now, handlers: createFunctionHandlers({ wechat: createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1' }), templates: SUBSCRIBE_TEMPLATES, exports }) })

    const members = await cost(cloud, () => api.as(ADMIN).call(contracts.exportMembers, { groupId: GROUP }))
    expect(members.calls).toEqual(['document.get groups', 'document.get members', 'collection.get members', 'collection.add exportFiles'])
    const checkins = await cost(cloud, () => api.as(ADMIN).call(contracts.exportCheckins, { groupId: GROUP, from: '2026-11-01', to: '2026-11-23' }))
    expect(checkins.calls).toEqual(['document.get groups', 'document.get members', 'collection.get checkins', 'collection.add exportFiles'])

    const timer = () => api.as(TIMER).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly' })
    const idle = await cost(cloud, timer)
    expect(idle.calls).toEqual(['collection.get exportFiles'])

    for (let i = 0; i < 118; i++) await api.as(ADMIN).call(contracts.exportMembers, { groupId: GROUP })
    now = new Date(FIXED_NOW.getTime() + 2 * 3600 * 1000)
    sdk.calls.length = 0
    const cleanup = await cost(cloud, timer)
    expect(cleanup.calls.filter((c) => c === 'collection.get exportFiles')).toHaveLength(3)
    expect(cleanup.calls.filter((c) => c === 'document.remove exportFiles')).toHaveLength(120)
    expect(cleanup.ops).toBe(123)
    expect(sdk.calls.map((c) => c.api)).toEqual(['deleteFile', 'deleteFile', 'deleteFile'])
    expect((await cost(cloud, timer)).ops).toBe(1)
  })
})
