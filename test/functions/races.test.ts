/**
 * Requests that race, through the real handlers: on the CloudBase adapter over the wx-server-sdk fake with
 * interleaving transactions (snapshot reads, write conflicts at commit, retries), and on SQLite with
 * concurrent calls. These reach the branches that only a race takes:
 * - check-in: a second request for the same day whose insert meets the winner's id (`usecases/checkin.ts`,
 *   "another request won the race") answers with the winner's check-in;
 * - reminders: two timer runs at once remind once (the once-a-day check inside the transaction);
 * - approvals: more approvals than seats at once never overfill the group, and a transaction that loses
 *   every retry answers CONFLICT ("try again"), not INTERNAL;
 * - photos: one photo offered to two check-ins at once is taken by one; registrations at once never pass
 *   the daily quota.
 */
import { decideApplication, submitApplication } from '../../contracts/admission'
import { checkIn, makeUpCheckin, registerPhoto, setReminder } from '../../contracts/checkin'
import { applicationId } from '../../domain/admission'
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { reminderId } from '../../domain/reminders'
import { DAILY_PHOTO_QUOTA, photoRecordId } from '../../domain/photos'
import { photoPathPrefix } from '../../usecases/photos'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeCloud, type FakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, GROUP, MEMBER, TIMER, applyInput, makeStore, seedGroup, testCaller } from '../support/fixture'

const MORNING = new Date('2026-11-23T01:00:00Z') // 09:00 in Shanghai
const EVENING = new Date('2026-11-23T12:30:00Z') // 20:30 in Shanghai

async function interleavingCloudbase(): Promise<{ store: Store; cloud: FakeCloud }> {
  const cloud = createFakeCloud({ transactions: 'concurrent' })
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  await seedGroup(store)
  return { store, cloud }
}

describe('check-in races (CloudBase, transactions interleaving)', () => {
  it('a request whose insert meets the check-in another request committed meanwhile answers with that one', async () => {
    const { store, cloud } = await interleavingCloudbase()
    const member = testCaller(store, { now: () => MORNING }).as(MEMBER)
    // Hold the first request just before it inserts the check-in; let a second one check in meanwhile.
    const gate = cloud.pauseBefore({ op: 'collection.add', collection: 'checkins', inTransaction: true })
    const late = member.result(checkIn, { groupId: GROUP, note: 'late' })
    await gate.reached
    const early = await member.call(checkIn, { groupId: GROUP, note: 'early' })
    expect(early).toMatchObject({ created: true, checkin: { note: 'early' }, streak: { current: 1, total: 1 } })
    gate.release()

    expect(await late).toEqual({ ok: true, data: { ...early, created: false } })
    expect(await store.count('checkins', { groupId: GROUP, openid: MEMBER })).toBe(1)
    expect(await store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-23'))).toMatchObject({ note: 'early' })
    expect(await store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toMatchObject({ totalDays: 1, currentStreak: 1 })
  })

  it('50 check-ins of one member at once: the losers re-run after the write conflict and find the winner', async () => {
    const { store } = await interleavingCloudbase()
    const member = testCaller(store, { now: () => MORNING }).as(MEMBER)
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => member.result(checkIn, { groupId: GROUP, note: `tap ${i}` })))
    expect(results.map((r) => r.ok)).toEqual(Array(50).fill(true))
    const created = results.filter((r) => r.ok && r.data.created)
    expect(created).toHaveLength(1)
    const winner = created[0].ok ? created[0].data.checkin : null
    for (const r of results) expect(r).toMatchObject({ ok: true, data: { checkin: { id: winner?.id, note: winner?.note } } })
    expect(await store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toMatchObject({ totalDays: 1, currentStreak: 1 })
  })
})

describe('reminder races: two timer runs at once remind once', () => {
  async function subscribeAndRunTwice(store: Store) {
    const api = testCaller(store, { now: () => MORNING })
    await api.as(MEMBER).call(setReminder, { groupId: GROUP, enabled: true, time: '20:00' })
    const timer = api.as(TIMER).at(EVENING)
    return Promise.all([timer.event('reminders', { Type: 'Timer' }), timer.event('reminders', { Type: 'Timer' })])
  }

  async function expectRemindedOnce(store: Store, runs: Awaited<ReturnType<typeof subscribeAndRunTwice>>) {
    expect(runs.map((run) => run.ok)).toEqual([true, true])
    expect(await store.count('inboxMessages', { openid: MEMBER })).toBe(1)
    expect(await store.get('reminderSubscriptions', reminderId(GROUP, MEMBER))).toMatchObject({ enabled: true, lastSentDay: '2026-11-23' })
  }

  it('on CloudBase with interleaving transactions (the loser re-runs after the write conflict)', async () => {
    const { store } = await interleavingCloudbase()
    await expectRemindedOnce(store, await subscribeAndRunTwice(store))
  })

  it('a member who switches the reminder off while the job runs is not reminded', async () => {
    const { store, cloud } = await interleavingCloudbase()
    const api = testCaller(store, { now: () => MORNING })
    await api.as(MEMBER).call(setReminder, { groupId: GROUP, enabled: true, time: '20:00' })
    // The job has read the subscription (enabled) and is about to remind in a transaction; the member switches off first.
    const gate = cloud.pauseBefore({ op: 'runTransaction' })
    const run = api.as(TIMER).at(EVENING).event('reminders', { Type: 'Timer' })
    await gate.reached
    await api.as(MEMBER).at(EVENING).call(setReminder, { groupId: GROUP, enabled: false, time: '20:00' })
    gate.release()
    expect(await run).toEqual({ ok: true, data: { considered: 1, reminded: 0, messagesSent: 0 } })
    expect(await store.count('inboxMessages', { openid: MEMBER })).toBe(0)
    expect(await store.get('reminderSubscriptions', reminderId(GROUP, MEMBER))).toMatchObject({ enabled: false, lastSentDay: null })
  })

  it('on SQLite with concurrent calls', async () => {
    const store = await makeStore()
    await seedGroup(store)
    await expectRemindedOnce(store, await subscribeAndRunTwice(store))
  })
})

describe('approval races (CloudBase, transactions interleaving)', () => {
  it('20 approvals into 5 seats at once: exactly 5 are admitted, the other 15 hear the group is full (the adapter retries the conflicts)', async () => {
    const { store } = await interleavingCloudbase()
    await store.update('groups', GROUP, { capacity: 8 }) // 3 members: 5 seats left
    const applicants = Array.from({ length: 20 }, (_, i) => `o_a${String(i).padStart(2, '0')}`)
    const api = testCaller(store, { now: () => MORNING })
    for (const openid of applicants) await api.as(openid).call(submitApplication, applyInput())

    const results = await Promise.all(
      applicants.map((openid) => api.as(ADMIN).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve', reason: '' })),
    )
    const approved = results.filter((r) => r.ok && r.data.outcome === 'approved')
    const refused = results.filter((r) => !r.ok)
    expect(approved).toHaveLength(5)
    expect(refused).toHaveLength(15)
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '群已满员（上限 8 人），无法通过新的申请' } })
    expect(await store.count('members', { groupId: GROUP })).toBe(8)
    expect((await store.get('groups', GROUP))?.memberCount).toBe(8)
  })

  it('a transaction that loses every retry, the adapter\'s too, still answers CONFLICT "try again", not INTERNAL', async () => {
    const cloud = createFakeCloud({ transactions: 'concurrent' })
    const store = createCloudbaseStore(cloud.database(), { transactionRetry: { attempts: 1 } })
    await store.ensureSchema()
    await seedGroup(store)
    await store.update('groups', GROUP, { capacity: 8 })
    const applicants = Array.from({ length: 20 }, (_, i) => `o_a${String(i).padStart(2, '0')}`)
    const api = testCaller(store, { now: () => MORNING })
    for (const openid of applicants) await api.as(openid).call(submitApplication, applyInput())
    const results = await Promise.all(
      applicants.map((openid) => api.as(ADMIN).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve', reason: '' })),
    )
    const busy = results.filter((r) => !r.ok && r.error.message === '同一时间操作的人太多，请稍后再试')
    expect(busy.length).toBeGreaterThan(0)
    for (const result of busy) expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const members = await store.count('members', { groupId: GROUP })
    expect(members).toBeLessThanOrEqual(8)
    expect((await store.get('groups', GROUP))?.memberCount).toBe(members)
  })
})

describe('photo races (CloudBase, transactions interleaving)', () => {
  const photoOf = (nonce: string) => `cloud://env-test.bucket/${photoPathPrefix(GROUP, '2026-11-23', MEMBER)}${nonce}.jpg`

  it('one photo offered to today’s check-in and a make-up at once: exactly one takes it, the other is refused and writes nothing', async () => {
    const { store, cloud } = await interleavingCloudbase()
    await store.update('groups', GROUP, { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } })
    const member = testCaller(store, { now: () => MORNING }).as(MEMBER)
    await member.call(registerPhoto, { groupId: GROUP, fileId: photoOf('shared1') })
    // Hold today's check-in just before it marks the photo used; the make-up claims it meanwhile.
    const gate = cloud.pauseBefore({ op: 'document.update', collection: 'photos', inTransaction: true })
    const today = member.result(checkIn, { groupId: GROUP, photoFileId: photoOf('shared1') })
    await gate.reached
    const makeUp = member.result(makeUpCheckin, { groupId: GROUP, day: '2026-11-22', photoFileId: photoOf('shared1') })
    const first = await makeUp
    gate.release()
    const second = await today
    // The make-up committed first; today's check-in meets the write conflict, re-runs, finds the photo used.
    expect(first).toMatchObject({ ok: true, data: { created: true, checkin: { makeUp: true } } })
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await store.count('checkins', { groupId: GROUP, openid: MEMBER })).toBe(1)
    const used = (await store.get('photos', photoRecordId(GROUP, photoOf('shared1'))!))?.checkinId
    const made = await store.find('checkins', { where: { groupId: GROUP, openid: MEMBER } })
    expect(used).toBe(made[0]._id)
  })

  it(`${DAILY_PHOTO_QUOTA + 10} registrations at once never pass the daily quota, and the counter matches the records`, async () => {
    const { store } = await interleavingCloudbase()
    const member = testCaller(store, { now: () => MORNING }).as(MEMBER)
    const results = await Promise.all(Array.from({ length: DAILY_PHOTO_QUOTA + 10 }, (_, i) => member.result(registerPhoto, { groupId: GROUP, fileId: photoOf(`nonce${i}x`) })))
    const accepted = results.filter((r) => r.ok).length
    expect(accepted).toBeLessThanOrEqual(DAILY_PHOTO_QUOTA)
    expect(accepted).toBeGreaterThan(0)
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('CONFLICT')
    expect(await store.count('photos', { groupId: GROUP, openid: MEMBER })).toBe(accepted)
    expect((await store.get('photoQuotas', `${GROUP}:${MEMBER}:2026-11-23`))?.count).toBe(accepted)
  })
})
