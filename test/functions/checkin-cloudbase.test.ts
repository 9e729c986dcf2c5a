/**
 * Check-in over the CloudBase store adapter on the wx-server-sdk fake: 50 concurrent check-ins of one
 * member make one check-in and add one to the counters; a make-up reads the month documents by id inside
 * the transaction; the `checkin` entry takes identity from getWXContext().OPENID; the `reminders` job
 * writes inbox entries and sends the subscribe message once per day.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { main as checkinMain } from '../../cloudfunctions/checkin/index'
import { createCheckinFunction } from '../../cloudfunctions/checkin/handlers'
import { createRemindersFunction } from '../../cloudfunctions/reminders/handlers'
import { checkIn, makeUpCheckin } from '../../contracts'
import { SUBSCRIBE_TEMPLATES, withTemplateIds } from '../../contracts/subscribe-templates'
import { createLocalWechatServices } from '../../platform/wechat-services-local'
import type { SubscribeMessage } from '../../usecases/ports/wechat'
import type { GroupDoc } from '../../domain/group'
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { createCloudbaseStore } from '../../store/cloudbase'
import { memberKey } from '../../usecases/member-keys'
import type { Store } from '../../store/port'
import { userCaller } from '../../usecases/context'
import { GROUP, MEMBER, OUTSIDER, TIMER, seedGroup, testCaller } from '../support/fixture'

jest.mock('wx-server-sdk', () => jest.requireActual('../fakes/wx-server-sdk'))

const GROUP_NAME = '晨读打卡·测试群'
const checkinFunction = createCheckinFunction(createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' }))

async function cloudbaseStore(group: Partial<GroupDoc> = {}): Promise<{ store: Store; cloud: fakeSdk.FakeCloud }> {
  const cloud = fakeSdk.createFakeCloud()
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  await seedGroup(store, { group: { name: GROUP_NAME, ...group } })
  return { store, cloud }
}

const at = (iso: string) => () => new Date(iso)

describe('check-in over the CloudBase adapter (wx-server-sdk fake)', () => {
  it('50 concurrent check-ins of one member: exactly one check-in, counters +1', async () => {
    const { store } = await cloudbaseStore()
    const member = testCaller(store).as(MEMBER)
    expect(await member.at('2026-11-22T01:00:00Z').result(checkIn, { groupId: GROUP })).toMatchObject({ ok: true, data: { created: true } })
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => member.at('2026-11-23T01:00:00Z').result(checkIn, { groupId: GROUP, note: `tap ${i}` })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && r.data.created)).toHaveLength(1)
    expect(await store.count('checkins', { groupId: GROUP, openid: MEMBER })).toBe(2)
    expect(await store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-23'))).not.toBeNull()
    expect(await store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toMatchObject({ totalDays: 2, currentStreak: 2, longestStreak: 2 })
  })

  it('a make-up reads only the membership inside the transaction (runs, quota, counters live there), and never queries there', async () => {
    const { store, cloud } = await cloudbaseStore({ makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } })
    const member = testCaller(store).as(MEMBER)
    await member.at('2026-10-31T01:00:00Z').call(checkIn, { groupId: GROUP })
    await member.at('2026-11-02T01:00:00Z').call(checkIn, { groupId: GROUP })
    cloud.calls.length = 0
    expect(await member.at('2026-11-02T02:00:00Z').result(makeUpCheckin, { groupId: GROUP, day: '2026-11-01' })).toMatchObject({
      ok: true,
      data: { created: true, checkin: { makeUp: true }, streak: { current: 3, longest: 3, total: 3 }, makeUp: { usedThisMonth: 1, left: 1, candidates: ['2026-10-30'] } },
    })
    expect(cloud.calls.map((c) => `${c.inTransaction ? 'tx ' : ''}${c.op} ${c.collection ?? ''}`.trim())).toEqual([
      'document.get groups',
      'document.get dailyTasks',
      'runTransaction',
      'tx document.get members',
      'tx collection.add checkins',
      'tx document.update members',
    ])
  })
})

describe('the checkin entry on CloudBase', () => {
  beforeAll(async () => {
    fakeSdk.resetFakeCloud()
    const store = createCloudbaseStore(fakeSdk.database())
    await store.ensureSchema()
    await seedGroup(store)
  })

  it('checks in as getWXContext().OPENID, ignoring identity in the event', async () => {
    fakeSdk.setWXContext({ OPENID: OUTSIDER })
    expect(await checkinMain({ action: 'checkIn', input: { groupId: GROUP, openid: MEMBER } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    fakeSdk.setWXContext({ OPENID: MEMBER })
    expect(await checkinMain({ action: 'checkIn', input: { groupId: GROUP, note: '读完了' } })).toMatchObject({ ok: true, data: { created: true, checkin: { note: '读完了', isMine: true } } })
  })
})

describe('the reminders job', () => {
  it('reminds a subscriber at their time once a day (inbox + subscribe message), skips whoever checked in, refuses users', async () => {
    const { store } = await cloudbaseStore()
    const extra = 'o_m4'
    await store.create('members', { _id: `${GROUP}:${extra}`, groupId: GROUP, openid: extra, memberKey: memberKey(GROUP, extra), role: 'member', intro: { name: '甲', region: '郑州', occupation: '医生' }, joinedAt: '2026-01-01T00:00:00.000Z' })
    const subscribe = (openid: string) => checkinFunction({ action: 'setReminder', input: { groupId: GROUP, enabled: true, time: '20:00' } }, { store, caller: userCaller(openid), now: at('2026-11-23T01:00:00Z') })
    await subscribe(MEMBER)
    await subscribe(extra)
    await checkinFunction({ action: 'checkIn', input: { groupId: GROUP } }, { store, caller: userCaller(extra), now: at('2026-11-23T01:00:00Z') })

    const send = jest.fn(async (_message: SubscribeMessage) => undefined)
    const job = createRemindersFunction({ sendSubscribeMessage: send }, withTemplateIds(SUBSCRIBE_TEMPLATES, { checkinReminder: 'tmpl_checkin' }))
    const timer = { Type: 'Timer', TriggerName: 'checkinReminders' }
    expect(await job(timer, { store, caller: TIMER, now: at('2026-11-23T11:59:00Z') })).toEqual({ ok: true, data: { considered: 2, reminded: 0, messagesSent: 0 } })
    expect(await job(timer, { store, caller: TIMER, now: at('2026-11-23T12:00:00Z') })).toEqual({ ok: true, data: { considered: 2, reminded: 1, messagesSent: 1 } })
    expect(await job(timer, { store, caller: TIMER, now: at('2026-11-23T12:15:00Z') })).toEqual({ ok: true, data: { considered: 2, reminded: 0, messagesSent: 0 } })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledWith({
      touser: MEMBER,
      templateId: 'tmpl_checkin',
      page: `packages/member/pages/checkin/index?id=${GROUP}`,
      data: { thing1: { value: '晨读打卡·测试群' }, thing2: { value: '今天还没打卡，读完来打卡吧' } },
    })
    const inbox = await store.find('inboxMessages', { where: { openid: MEMBER } })
    expect(inbox).toMatchObject([{ kind: 'checkin.reminder', title: '「晨读打卡·测试群」今天还没打卡', link: `/packages/member/pages/checkin/index?id=${GROUP}` }])
    expect(await store.count('inboxMessages', { openid: extra })).toBe(0)

    expect(await job({ action: 'run', input: {} }, { store, caller: userCaller(MEMBER), now: at('2026-11-24T12:00:00Z') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Next day, again once.
    expect(await job(timer, { store, caller: TIMER, now: at('2026-11-24T12:30:00Z') })).toMatchObject({ ok: true, data: { reminded: 2 } })
  })

  it('writes the inbox entry only while the reminder template has no id (as in the local runtime)', async () => {
    const { store } = await cloudbaseStore()
    await checkinFunction({ action: 'setReminder', input: { groupId: GROUP, enabled: true, time: '07:00' } }, { store, caller: userCaller(MEMBER), now: at('2026-11-23T01:00:00Z') })
    const wechat = createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' })
    const job = createRemindersFunction(wechat, SUBSCRIBE_TEMPLATES)
    expect(await job({ Type: 'Timer' }, { store, caller: TIMER, now: at('2026-11-23T01:00:00Z') })).toEqual({ ok: true, data: { considered: 1, reminded: 1, messagesSent: 0 } })
    expect(await store.count('inboxMessages', { openid: MEMBER })).toBe(1)
    expect(wechat.sent).toEqual([])
  })
})
