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
import { checkIn, decideApplication, decideApplications, getAdmissionSettings, getCheckinOverview, updateAdmissionSettings, listApplications, makeUpCheckin, saveDailyTask, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { inviteIdFor } from '../../usecases/admission/invites'
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
import { NONCE, lotteryInput } from '../support/lottery'

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

  it('an entry: ≤ 7 operations (8 when the rule counts check-ins); a repeated tap ≤ 4', async () => {
    const { cloud, api, lotteryId } = await lotteryOnCloudbase()
    await api.as(OWNER).call(getLottery, { lotteryId }) // warms the instance's day rule
    const enter = await cost(cloud, () => api.as(MEMBER).call(enterLottery, { lotteryId, nonce: NONCE(1) }))
    expect(enter.calls).toEqual([
      'document.get lotteries',
      'document.get members',
      'document.get lotteryEntries',
      'runTransaction',
      'tx document.get lotteryShards',
      'tx collection.add lotteryEntries',
      'tx document.update lotteryShards',
      'collection.count lotteryEntries',
    ])
    expect(enter.ops).toBeLessThanOrEqual(7)
    const again = await cost(cloud, () => api.as(MEMBER).call(enterLottery, { lotteryId, nonce: NONCE(1) }))
    expect(again.ops).toBeLessThanOrEqual(4)

    const weighted = await lotteryOnCloudbase({ input: { requestId: 'req_weighted_1', eligibility: { minCheckins: 0, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: null }, weighting: { maxTickets: 5 } } })
    await weighted.api.as(OWNER).call(getLottery, { lotteryId: weighted.lotteryId })
    const counted = await cost(weighted.cloud, () => weighted.api.as(MEMBER).call(enterLottery, { lotteryId: weighted.lotteryId, nonce: NONCE(1) }))
    expect(counted.calls).toContain('collection.count checkins')
    expect(counted.ops).toBeLessThanOrEqual(8)
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
