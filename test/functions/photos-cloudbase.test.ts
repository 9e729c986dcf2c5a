/**
 * Check-in photos over the CloudBase store adapter (wx-server-sdk fake) and the CloudBase storage calls
 * (openapi fake), pinning what each operation costs: registering is 3 document operations in one
 * transaction; a check-in with a photo adds a by-id read and an update of its record inside the
 * transaction (no queries there); a feed page links all its photos with one getTempFileURL; the cleanup
 * deletes a page of files with one deleteFile.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { createFakeOpenapi } from '../fakes/wx-openapi'
import { createCheckinFunction } from '../../cloudfunctions/checkin/handlers'
import { createPhotoCleanupFunction } from '../../cloudfunctions/photoCleanup/handlers'
import { checkIn, listTodayFeed, registerPhoto } from '../../contracts'
import { photoRecordId } from '../../domain/photos'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createCloudbaseStore } from '../../store/cloudbase'
import { photoPathPrefix } from '../../usecases/photos'
import { ADMIN, GROUP, MEMBER, OWNER, TIMER, seedGroup, testCaller } from '../support/fixture'

const TODAY = '2026-11-23'
const NOW = '2026-11-23T02:00:00.000Z'
const photoOf = (openid: string, nonce = 'abc123') => `cloud://env-test.bucket/${photoPathPrefix(GROUP, TODAY, openid)}${nonce}.jpg`

async function setup() {
  const cloud = fakeSdk.createFakeCloud()
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  await seedGroup(store)
  const sdk = createFakeOpenapi()
  const services = createCloudbaseWechatServices(sdk)
  const api = testCaller(store, { now: () => new Date(NOW), handlers: { checkin: createCheckinFunction(services), photoCleanup: createPhotoCleanupFunction(services, createCloudbaseExportStorage(sdk)) } })
  cloud.calls.length = 0
  return { cloud, store, sdk, api }
}

const dbOps = (calls: fakeSdk.RecordedCall[]) => calls.map((c) => `${c.inTransaction ? 'tx ' : ''}${c.op} ${c.collection ?? ''}`.trim())

describe('photos on CloudBase: the SDK calls each step makes', () => {
  it('registering: the group and membership by id, then one transaction of quota get + set and the record’s add', async () => {
    const { cloud, api } = await setup()
    expect(await api.as(MEMBER).result(registerPhoto, { groupId: GROUP, fileId: photoOf(MEMBER) })).toMatchObject({ ok: true })
    expect(dbOps(cloud.calls).filter((op) => op !== 'runTransaction')).toEqual([
      'document.get groups',
      'document.get members',
      'tx document.get photoQuotas',
      'tx document.set photoQuotas',
      'tx collection.add photos',
    ])
  })

  it('a check-in with a photo reads its record by id and updates it inside the transaction, never querying there', async () => {
    const { cloud, api } = await setup()
    await api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: photoOf(MEMBER) })
    cloud.calls.length = 0
    expect(await api.as(MEMBER).result(checkIn, { groupId: GROUP, photoFileId: photoOf(MEMBER), linkTask: false })).toMatchObject({ ok: true, data: { created: true } })
    const inTx = cloud.calls.filter((c) => c.inTransaction)
    expect(inTx.some((c) => c.op === 'collection.get' || c.op === 'collection.count')).toBe(false)
    expect(inTx.filter((c) => c.collection === 'photos').map((c) => [c.op, c.id])).toEqual([
      ['document.get', photoRecordId(GROUP, photoOf(MEMBER))],
      ['document.update', photoRecordId(GROUP, photoOf(MEMBER))],
    ])
  })

  it('a feed page links every photo on it with one getTempFileURL; a page without photos calls none', async () => {
    const { api, sdk } = await setup()
    expect((await api.as(ADMIN).call(listTodayFeed, { groupId: GROUP })).items).toEqual([])
    for (const openid of [OWNER, ADMIN, MEMBER]) {
      await api.as(openid).call(registerPhoto, { groupId: GROUP, fileId: photoOf(openid) })
      await api.as(openid).call(checkIn, { groupId: GROUP, photoFileId: photoOf(openid), linkTask: false })
    }
    sdk.calls.length = 0
    const feed = await api.as(MEMBER).call(listTodayFeed, { groupId: GROUP })
    expect(sdk.calls).toEqual([{ api: 'getTempFileURL', args: { fileList: expect.arrayContaining([photoOf(OWNER), photoOf(ADMIN), photoOf(MEMBER)]) } }])
    expect(feed.items.map((item) => item.photoUrl).sort()).toEqual(
      [OWNER, ADMIN, MEMBER].map((openid) => photoOf(openid).replace('cloud://env-test.bucket/', 'https://env-test.tcb.qcloud.la/')).sort(),
    )
  })

  it('the cleanup removes each orphan’s record by id and deletes the page’s files with one deleteFile', async () => {
    const { cloud, store, api, sdk } = await setup()
    await api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: photoOf(MEMBER, 'orphan1') })
    await api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: photoOf(MEMBER, 'orphan2') })
    cloud.calls.length = 0
    sdk.calls.length = 0
    const later = testCaller(store, { now: () => new Date('2026-11-24T03:00:00.000Z'), handlers: { photoCleanup: createPhotoCleanupFunction(createCloudbaseWechatServices(sdk), createCloudbaseExportStorage(sdk)) } })
    expect(await later.as(TIMER).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanOrphanPhotosHourly' })).toEqual({ ok: true, data: { deleted: 2, staleCounters: 0 } })
    expect(dbOps(cloud.calls).filter((op) => op !== 'runTransaction')).toEqual([
      'collection.get photos',
      'tx document.get photos',
      'tx document.remove photos',
      'tx document.get photos',
      'tx document.remove photos',
      'collection.get photoQuotas',
    ])
    expect(sdk.calls).toEqual([{ api: 'deleteFile', args: { fileList: [photoOf(MEMBER, 'orphan1'), photoOf(MEMBER, 'orphan2')] } }])
  })
})
