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
import { acknowledgeRules, getGroupProfile, listAnnouncements, listInbox, listMyGroups, markAnnouncementsRead, publishRules } from '../../contracts'
import { confirmJoined, deleteAnnouncement, deleteDailyTask, editAnnouncement, getJoinGuide, listNotJoined, postAnnouncement, updateJoinGuide } from '../../contracts'
import { recordPhotoUpload } from '../../usecases/photos'
import { userCaller } from '../../usecases/context'
import { checkIn, decideApplication, decideApplications, getAdmissionSettings, getCheckinOverview, updateAdmissionSettings, listApplications, makeUpCheckin, saveDailyTask, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { inviteIdFor } from '../../usecases/admission/invites'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeCloud, type FakeCloud, type RecordedCall } from '../fakes/wx-server-sdk'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, applyInput, seedGroup, testCaller, testMember } from '../support/fixture'

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
    expect(page.ops).toBeLessThanOrEqual(5)
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
    const started = Date.now()
    let decided = 0
    const batch = await cost(cloud, async () => {
      decided = (await api.as(ADMIN).call(decideApplications, { groupId: GROUP, applicationIds: ids, decision, reason: '' })).decided
    })
    const elapsed = Date.now() - started
    if (process.env.SHOW_COSTS) console.log(decision, batch.ops, 'ops', batch.transactions, 'transactions', elapsed, 'ms')
    expect(decided).toBe(50)
    expect(batch.transactions).toBe(5)
    // Per chunk: group + decider + 10 applications read; per application 3 writes (+ the membership when
    // approving); approving also writes the member count once and looks the applicants' memberships up once.
    expect(batch.ops).toBeLessThanOrEqual(decision === 'approve' ? 5 * (2 + 10 + 40 + 1 + 1) : 5 * (2 + 10 + 30))
    expect(elapsed).toBeLessThan(1500)
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
    expect(home.calls).toEqual(['document.get groups', 'document.get members'])
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
