/**
 * Check-in photos are owned (through the real `checkin` and `photoCleanup` handlers on SQLite): a member
 * registers only a cloud path under their own key for a group they belong to; a check-in takes only its
 * author's own unused upload for that group (every other photo is refused with nothing written); the daily
 * quota; views link photos for members only; the orphan cleanup is timer-only and removes unused uploads
 * after a day, files included, and past days' upload counters.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkIn, cleanOrphanPhotos, getCheckinOverview, listTodayFeed, makeUpCheckin, registerPhoto } from '../../contracts'
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { DAILY_PHOTO_QUOTA, photoRecordId } from '../../domain/photos'
import { memberKey } from '../../usecases/member-keys'
import { photoPathPrefix, recordPhotoUpload, uploaderKey } from '../../usecases/photos'
import { ADMIN, GROUP, MEMBER, OUTSIDER, TIMER, makeFixture, testGroup, testMember, type Fixture } from '../support/fixture'

const TODAY = '2026-11-23'
const cloudPhoto = (groupId: string, openid: string, nonce = 'abc123', day = TODAY) =>
  `cloud://env-1.bucket/${photoPathPrefix(groupId, day, openid)}${nonce}.jpg`

async function register(fx: Fixture, openid: string, fileId: string) {
  return fx.api.as(openid).result(registerPhoto, { groupId: fileId.split('/')[4] ?? GROUP, fileId })
}

describe('registering a cloud photo', () => {
  it('records the caller’s own upload under their key: owner, group, location, day, unused', async () => {
    const fx = await makeFixture()
    const fileId = cloudPhoto(GROUP, MEMBER)
    expect(fileId).toBe(`cloud://env-1.bucket/checkins/${GROUP}/${TODAY}/${uploaderKey(GROUP, MEMBER)}-abc123.jpg`)
    expect(fileId).not.toContain(MEMBER)
    expect(await register(fx, MEMBER, fileId)).toEqual({ ok: true, data: { photoId: fileId } })
    expect(await fx.store.get('photos', photoRecordId(GROUP, fileId)!)).toMatchObject({
      groupId: GROUP, openid: MEMBER, photoId: fileId, location: fileId, size: null, day: TODAY, checkinId: null, createdAt: fx.clock.now().toISOString(),
    })
    // Registering it again changes nothing and counts once.
    expect(await register(fx, MEMBER, fileId)).toMatchObject({ ok: true })
    expect(await fx.store.get('photoQuotas', `${GROUP}:${MEMBER}:${TODAY}`)).toMatchObject({ count: 1 })
  })

  it('refuses a path under someone else’s key, a path of another group, a path outside checkins/, and outsiders', async () => {
    const fx = await makeFixture()
    const notYours = { ok: false, error: { code: 'INVALID_INPUT', message: '只能登记你本人为本群上传的照片' } }
    expect(await register(fx, MEMBER, cloudPhoto(GROUP, ADMIN))).toMatchObject(notYours)
    expect(await fx.api.as(MEMBER).result(registerPhoto, { groupId: GROUP, fileId: cloudPhoto('g-other', MEMBER) })).toMatchObject(notYours)
    expect(await fx.api.as(MEMBER).result(registerPhoto, { groupId: GROUP, fileId: 'cloud://env-1.bucket/invite-codes/i_0123456789.png' })).toMatchObject(notYours)
    expect(await register(fx, OUTSIDER, cloudPhoto(GROUP, OUTSIDER))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.store.count('photos')).toBe(0)
  })

  it(`caps uploads at ${DAILY_PHOTO_QUOTA} per member per group per day, with a Chinese message`, async () => {
    const fx = await makeFixture()
    for (let i = 0; i < DAILY_PHOTO_QUOTA; i++) expect((await register(fx, MEMBER, cloudPhoto(GROUP, MEMBER, `nonce${i}`))).ok).toBe(true)
    expect(await register(fx, MEMBER, cloudPhoto(GROUP, MEMBER, 'onemore'))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `今天在本群已上传 ${DAILY_PHOTO_QUOTA} 张照片，明天再来吧` },
    })
    expect(await fx.store.count('photos')).toBe(DAILY_PHOTO_QUOTA)
    // Another member, and the next day, have their own count.
    expect((await register(fx, ADMIN, cloudPhoto(GROUP, ADMIN))).ok).toBe(true)
    fx.clock.set('2026-11-24T02:00:00.000Z')
    expect((await register(fx, MEMBER, cloudPhoto(GROUP, MEMBER, 'tomorrow', '2026-11-24'))).ok).toBe(true)
  })
})

describe('a check-in references only its author’s own unused upload for that group', () => {
  async function fixtureWithSecondGroup() {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    await fx.store.create('groups', testGroup({ _id: 'g-other', memberCount: 1 }))
    await fx.store.create('members', { ...testMember(MEMBER), _id: memberId('g-other', MEMBER), groupId: 'g-other', memberKey: memberKey('g-other', MEMBER) })
    return fx
  }

  it('takes the author’s own photo, marks it used, and the views link it', async () => {
    const fx = await makeFixture()
    const photo = cloudPhoto(GROUP, MEMBER)
    await register(fx, MEMBER, photo)
    const result = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: ' 今天读了 30 页 ', photoFileId: photo })
    expect(result.checkin).toMatchObject({ note: '今天读了 30 页', photoUrl: photo, makeUp: false, isMine: true })
    expect(await fx.store.get('photos', photoRecordId(GROUP, photo)!)).toMatchObject({ checkinId: checkinId(GROUP, MEMBER, TODAY) })
    expect((await fx.api.as(MEMBER).call(getCheckinOverview, { groupId: GROUP })).myCheckin?.photoUrl).toBe(photo)
    expect((await fx.api.as(ADMIN).call(listTodayFeed, { groupId: GROUP })).items[0].photoUrl).toBe(photo)
    expect(await fx.api.as(OUTSIDER).result(listTodayFeed, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses another member’s photo, a never-uploaded id, a crafted cloud:// path, a photo of another group and a reused photo — writing nothing', async () => {
    const fx = await fixtureWithSecondGroup()
    const refused = { ok: false, error: { code: 'INVALID_INPUT', message: '这张照片不可用：只能使用你本人为本群上传、且未用于其他打卡的照片' } }
    const adminsPhoto = cloudPhoto(GROUP, ADMIN)
    await register(fx, ADMIN, adminsPhoto)
    const otherGroupPhoto = cloudPhoto('g-other', MEMBER)
    expect((await fx.api.as(MEMBER).result(registerPhoto, { groupId: 'g-other', fileId: otherGroupPhoto })).ok).toBe(true)
    const never = [`local:${'a'.repeat(32)}.png`, cloudPhoto(GROUP, MEMBER, 'neveruploaded')]
    const crafted = 'cloud://env-1.bucket/checkins/../../secret/a.jpg'

    for (const photoFileId of [adminsPhoto, ...never, crafted, otherGroupPhoto]) {
      expect(await fx.api.as(MEMBER).result(checkIn, { groupId: GROUP, photoFileId })).toMatchObject(refused)
    }
    expect(await fx.store.count('checkins', { groupId: GROUP })).toBe(0)
    expect((await fx.store.get('members', `${GROUP}:${MEMBER}`))?.checkin).toBeUndefined()
    expect(await fx.store.get('photos', photoRecordId(GROUP, adminsPhoto)!)).toMatchObject({ checkinId: null })

    // Reused: today's check-in took it; a make-up for yesterday may not.
    const mine = cloudPhoto(GROUP, MEMBER)
    await register(fx, MEMBER, mine)
    expect((await fx.api.as(MEMBER).result(checkIn, { groupId: GROUP, photoFileId: mine })).ok).toBe(true)
    expect(await fx.api.as(MEMBER).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-22', photoFileId: mine })).toMatchObject(refused)
    expect(await fx.store.count('checkins', { groupId: GROUP })).toBe(1)
    expect(await fx.store.get('photos', photoRecordId(GROUP, mine)!)).toMatchObject({ checkinId: checkinId(GROUP, MEMBER, TODAY) })
  })
})

describe('the orphan photo cleanup', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orphans-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('is timer-only, and deletes uploads unused after a day (record and file), keeping used and young ones', async () => {
    const fx = await makeFixture()
    const upload = async (hex: string, at: string) => {
      const file = path.join(dir, `${hex.repeat(32)}.png`)
      fs.writeFileSync(file, 'png')
      await recordPhotoUpload(fx.ctx(MEMBER, new Date(at)), { groupId: GROUP, photoId: `local:${hex.repeat(32)}.png`, location: file, size: 3 })
      return { file, photoId: `local:${hex.repeat(32)}.png` }
    }
    const old = await upload('a', '2026-11-21T02:00:00.000Z')
    const used = await upload('b', '2026-11-21T03:00:00.000Z')
    const young = await upload('c', '2026-11-23T01:00:00.000Z')
    await fx.api.as(MEMBER).at('2026-11-21T04:00:00.000Z').call(checkIn, { groupId: GROUP, photoFileId: used.photoId })

    expect(await fx.api.as(MEMBER).result(cleanOrphanPhotos, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.store.count('photos')).toBe(3)

    const timer = () => fx.api.as(TIMER).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanOrphanPhotosHourly' })
    // The upload counter of the 21st (past in every timezone) goes too; today's stays.
    expect(await timer()).toEqual({ ok: true, data: { deleted: 1, staleCounters: 1 } })
    expect((await fx.store.find('photoQuotas', { limit: 10 })).map((q) => q.day)).toEqual(['2026-11-23'])
    expect(fs.existsSync(old.file)).toBe(false)
    expect(fs.existsSync(used.file)).toBe(true)
    expect(fs.existsSync(young.file)).toBe(true)
    expect((await fx.store.find('photos', { limit: 10 })).map((p) => p.photoId).sort()).toEqual([used.photoId, young.photoId].sort())
    expect(await timer()).toEqual({ ok: true, data: { deleted: 0, staleCounters: 0 } })
  })
})
