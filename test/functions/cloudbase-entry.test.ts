/**
 * The CloudBase entries (`cloudfunctions/<name>/index.ts`) over the recording fake of wx-server-sdk:
 * who is calling comes from getWXContext() and the timer event's shape only (`cloudbaseCaller`), and data
 * lives in the CloudBase adapter.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { main as groupMain } from '../../cloudfunctions/group/index'
import { main as setupMain } from '../../cloudfunctions/setup/index'
import { main as purgeMain } from '../../cloudfunctions/admissionPurge/index'
import { cloudbaseCaller } from '../../platform/cloudbase'
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { createCloudbaseStore } from '../../store/cloudbase'
import { COLLECTION_NAMES } from '../../store/schema'
import { FIXED_NOW } from '../support/fixture'

jest.mock('wx-server-sdk', () => jest.requireActual('../fakes/wx-server-sdk'))

describe('CloudBase function entries', () => {
  beforeAll(async () => {
    fakeSdk.setWXContext({})
    // The console's 云端测试 calls without an OPENID: that is how an operator creates the collections.
    expect(await setupMain({ action: 'ensureCollections', input: {} })).toEqual({ ok: true, data: { created: COLLECTION_NAMES } })
    await seedDemoCommunity(createCloudbaseStore(fakeSdk.database()), FIXED_NOW)
  })

  it('initialises the SDK once per warm instance, for the environment the function runs in', async () => {
    const init = jest.spyOn(fakeSdk.fakeCloud(), 'init')
    let coldMain: typeof groupMain = groupMain
    jest.isolateModules(() => {
      coldMain = require('../../cloudfunctions/group/index').main
    })
    fakeSdk.setWXContext({ OPENID: 'o_x' })
    await coldMain({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } })
    await coldMain({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } })
    expect(init).toHaveBeenCalledTimes(1)
    expect(init).toHaveBeenCalledWith({ env: fakeSdk.DYNAMIC_CURRENT_ENV })
    init.mockRestore()
  })

  it('serves getProfile with the caller from getWXContext().OPENID', async () => {
    fakeSdk.setWXContext({ OPENID: personaOpenid('admin') })
    fakeSdk.fakeCloud().clearCalls()
    const result = await groupMain({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } })
    expect(result).toMatchObject({ ok: true, data: { id: DEMO_GROUP_ID, memberCount: 20, viewerRole: 'admin' } })
    expect(fakeSdk.fakeCloud().calls.map((c) => `${c.op} ${c.collection}`)).toEqual([
      'document.get groups',
      'document.get members',
      // The demo admin has never confirmed the rules: the banner looks for an older confirmation once.
      'collection.get ruleAcks',
      // The today panel: the day's task by id and the latest pinned announcement (the check-in counters are on the membership).
      'document.get dailyTasks',
      'collection.get announcements',
    ])
  })

  it('takes no identity from the event, even the userInfo WeChat adds', async () => {
    fakeSdk.setWXContext({})
    const result = await groupMain({ action: 'listMine', input: { openid: personaOpenid('member') }, userInfo: { openId: personaOpenid('member') } })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('answers bad input with a typed error, not an exception', async () => {
    fakeSdk.setWXContext({ OPENID: 'o_x' })
    await expect(groupMain({ action: 'getProfile', input: { groupId: '../../etc' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '群编号格式不正确' },
    })
    await expect(groupMain(undefined)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses setup from a mini program user', async () => {
    fakeSdk.setWXContext({ OPENID: 'o_someone' })
    await expect(setupMain({ action: 'ensureCollections', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('runs the purge on its timer event without an OPENID, and refuses it to a user, a client without an OPENID and the console', async () => {
    const timerEvent = { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: FIXED_NOW.toISOString() }
    fakeSdk.setWXContext({ SOURCE: 'wx_trigger' })
    expect(await purgeMain(timerEvent)).toEqual({ ok: true, data: { purged: 0 } })
    fakeSdk.setWXContext({ OPENID: 'o_someone', SOURCE: 'wx_client' })
    expect(await purgeMain(timerEvent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    fakeSdk.setWXContext({ SOURCE: 'wx_client' })
    expect(await purgeMain(timerEvent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    fakeSdk.setWXContext({})
    expect(await purgeMain({ action: 'purgeRejected', input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses setup to a client call that arrives without an OPENID', async () => {
    fakeSdk.setWXContext({ SOURCE: 'wx_client' })
    await expect(setupMain({ action: 'ensureCollections', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('cloudbaseCaller', () => {
  const timer = { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: '2026-11-23T19:30:00Z' }
  it.each([
    ['an OPENID is a user, whatever the event', { OPENID: 'o_x', SOURCE: 'wx_client' }, timer, { kind: 'user', openid: 'o_x' }],
    ['no OPENID from the mini program is a stranger', { SOURCE: 'wx_client' }, { action: 'x' }, { kind: 'stranger' }],
    ['no OPENID from a client, through another function, is a stranger', { SOURCE: 'wx_client,scf' }, timer, { kind: 'stranger' }],
    ['no OPENID from the crawler or the HTTP API is a stranger', { SOURCE: 'wx_crawler' }, { action: 'x' }, { kind: 'stranger' }],
    ['the timer event without an OPENID is the timer', { SOURCE: 'wx_trigger' }, timer, { kind: 'timer', trigger: 'purgeRejectedDaily' }],
    ['anything else without an OPENID is the console', {}, { action: 'ensureCollections' }, { kind: 'console' }],
    ['the DevTools call is the console', { SOURCE: 'wx_devtools' }, { action: 'ensureCollections' }, { kind: 'console' }],
    ['a lower-case timer type is not the timer event', {}, { Type: 'timer' }, { kind: 'console' }],
  ])('%s', (_what, context, event, expected) => {
    expect(cloudbaseCaller(context, event)).toEqual(expected)
  })
})
