/**
 * The CloudBase entries (`cloudfunctions/<name>/index.ts`) over the recording fake of wx-server-sdk:
 * identity comes from getWXContext().OPENID only, and data lives in the CloudBase adapter.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { main as groupMain } from '../../cloudfunctions/group/index'
import { main as setupMain } from '../../cloudfunctions/setup/index'
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
})
