/**
 * The check-in journey through the real `checkin` handlers, on SQLite and on CloudBase over the wx-server-sdk
 * fake with interleaving transactions: likes (one per member per check-in, idempotent under concurrent taps,
 * unlike, counts and names, never a write to the check-in), editing today's own check-in (note, an owned photo,
 * audit), a day's feed for past days, and a month's calendar with each day's entry.
 */
import { checkIn, editCheckin, getCheckinCalendar, getCheckinOverview, likeCheckin, listTodayFeed, makeUpCheckin, registerPhoto, saveDailyTask } from '../../contracts'
import { checkinId } from '../../domain/checkin'
import { likesId } from '../../domain/likes'
import { createCloudbaseStore } from '../../store/cloudbase'
import { opaqueViewId } from '../../usecases/member-keys'
import { photoPathPrefix } from '../../usecases/photos'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, GROUP, MEMBER, OUTSIDER, OWNER, STRANGER, makeFixture, testMember, type Fixture } from '../support/fixture'

const shanghai = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`).toISOString()
const TODAY = '2026-11-23'
const viewIdOf = (openid: string, day = TODAY) => opaqueViewId(checkinId(GROUP, openid, day))
const cloudPhoto = (openid: string, nonce: string, day = TODAY) => `cloud://env-1.bucket/${photoPathPrefix(GROUP, day, openid)}${nonce}.jpg`

const EXTRA = Array.from({ length: 12 }, (_, i) => testMember(`o_fan${String(i).padStart(2, '0')}`, 'member', `粉丝${i}`))

async function fixtures(): Promise<Array<[string, () => Promise<Fixture>]>> {
  return [
    ['SQLite', () => makeFixture({ members: EXTRA, now: shanghai(TODAY) })],
    [
      'CloudBase (interleaving transactions)',
      async () => {
        const store = createCloudbaseStore(createFakeCloud({ transactions: 'concurrent' }).database())
        await store.ensureSchema()
        return makeFixture({ store, members: EXTRA, now: shanghai(TODAY) })
      },
    ],
  ]
}

describe.each([
  ['SQLite', false],
  ['CloudBase (interleaving transactions)', true],
])('likes on %s', (_name, cloudbase) => {
  const make = async () => (await fixtures())[cloudbase ? 1 : 0][1]()

  it('a like counts once per member, however many taps arrive at once; unlike takes it back; the check-in is never written', async () => {
    const fx = await make()
    const made = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '读完第 3 章' })
    const before = await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))
    const taps = await Promise.all(Array.from({ length: 10 }, () => fx.api.as(ADMIN).result(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })))
    expect(taps.every((tap) => tap.ok)).toBe(true)
    const doc = await fx.store.get('checkinLikes', likesId(GROUP, made.checkin.id))
    expect(doc).toMatchObject({ count: 1, likers: [{ name: '王强-郑州-工程师' }], checkinId: checkinId(GROUP, MEMBER, TODAY), day: TODAY })
    // Many members at once: each counted once.
    const fans = await Promise.all(EXTRA.map((fan) => fx.api.as(fan.openid).result(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true, knownCount: 1 })))
    expect(fans.every((tap) => tap.ok)).toBe(true)
    expect(await fx.store.get('checkinLikes', likesId(GROUP, made.checkin.id))).toMatchObject({ count: 13 })
    expect(await fx.api.as(ADMIN).call(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: false, knownCount: 13 })).toMatchObject({ count: 12, mine: false })
    expect(await fx.api.as(ADMIN).call(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: false, knownCount: 12 })).toMatchObject({ count: 12, mine: false })
    // The author's check-in document is exactly as it was: likes live elsewhere.
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toEqual(before)
    // The feed shows the count, whether the viewer liked it, and names members already see; no keys or ids.
    const feed = await fx.api.as('o_fan03').call(listTodayFeed, { groupId: GROUP })
    expect(feed.items[0].likes).toMatchObject({ count: 12, mine: true })
    expect(feed.items[0].likes!.names).toContain('粉丝3-郑州-工程师')
    expect(JSON.stringify(feed)).not.toMatch(/o_fan|m_[a-f0-9]{24}/)
    expect((await fx.api.as(OWNER).call(listTodayFeed, { groupId: GROUP })).items[0].likes).toMatchObject({ count: 12, mine: false })
  })

  it('a like racing the author’s edit: both land', async () => {
    const fx = await make()
    const made = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '初稿' })
    const [edit, ...likes] = await Promise.all([
      fx.api.as(MEMBER).result(editCheckin, { groupId: GROUP, note: '改过的感想' }),
      ...EXTRA.slice(0, 5).map((fan) => fx.api.as(fan.openid).result(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })),
    ])
    expect(edit.ok).toBe(true)
    expect(likes.every((like) => like.ok)).toBe(true)
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toMatchObject({ note: '改过的感想' })
    expect(await fx.store.get('checkinLikes', likesId(GROUP, made.checkin.id))).toMatchObject({ count: 5 })
  })
})

describe('who may like what', () => {
  it('members only; a check-in of another group or none at all is NOT_FOUND with nothing written; strangers are unauthenticated', async () => {
    const fx = await makeFixture({ now: shanghai(TODAY) })
    const made = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP })
    expect(await fx.api.as(OUTSIDER).result(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(OUTSIDER).result(likeCheckin, { groupId: GROUP, checkinId: 'a'.repeat(24), liked: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(STRANGER).result(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const missing = { ok: false, error: { code: 'NOT_FOUND', message: '这条打卡不存在或已不可见' } }
    expect(await fx.api.as(ADMIN).result(likeCheckin, { groupId: GROUP, checkinId: 'a'.repeat(24), liked: true })).toMatchObject(missing)
    // A page that claims a count for a check-in nobody liked still has it proven first.
    expect(await fx.api.as(ADMIN).result(likeCheckin, { groupId: GROUP, checkinId: 'b'.repeat(24), liked: true, knownCount: 3 })).toMatchObject(missing)
    expect(await fx.store.count('checkinLikes')).toBe(0)
    // Unliking what nobody liked is fine and writes nothing.
    expect(await fx.api.as(ADMIN).call(likeCheckin, { groupId: GROUP, checkinId: 'c'.repeat(24), liked: false })).toEqual({ count: 0, mine: false, names: [] })
    expect(await fx.store.count('checkinLikes')).toBe(0)
    // One's own check-in may be liked, like WeChat's own moments.
    expect(await fx.api.as(MEMBER).call(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })).toEqual({ count: 1, mine: true, names: ['李娜-郑州-工程师'] })
  })
})

describe('editing today’s check-in', () => {
  it('the author changes today’s note; the overview, the feed and the calendar show it, marked edited', async () => {
    const fx = await makeFixture({ now: shanghai(TODAY) })
    await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '读完第 3 章' })
    fx.clock.set(shanghai(TODAY, '21:00'))
    const edited = await fx.api.as(MEMBER).call(editCheckin, { groupId: GROUP, note: '  读完第 3、4 章  ' })
    expect(edited).toMatchObject({ note: '读完第 3、4 章', editedAt: fx.clock.now().toISOString(), isMine: true })
    expect((await fx.api.as(MEMBER).call(getCheckinOverview, { groupId: GROUP })).myCheckin).toMatchObject({ note: '读完第 3、4 章', editedAt: fx.clock.now().toISOString() })
    expect((await fx.api.as(ADMIN).call(listTodayFeed, { groupId: GROUP })).items[0]).toMatchObject({ note: '读完第 3、4 章', isMine: false })
    expect((await fx.api.as(MEMBER).call(getCheckinCalendar, { groupId: GROUP, month: '2026-11' })).entries[0]).toMatchObject({ note: '读完第 3、4 章' })
    // Tapping check-in again answers the edited check-in (from the membership's copy), changing nothing.
    expect(await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '再点一次' })).toMatchObject({ created: false, checkin: { note: '读完第 3、4 章', editedAt: fx.clock.now().toISOString() } })
    // The same note again writes nothing.
    const snapshot = await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))
    fx.clock.set(shanghai(TODAY, '22:00'))
    await fx.api.as(MEMBER).call(editCheckin, { groupId: GROUP, note: '读完第 3、4 章' })
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toEqual(snapshot)
  })

  it('only today’s, in the group’s day: yesterday’s check-in cannot be edited, and without a check-in today there is nothing to edit', async () => {
    const fx = await makeFixture({ group: { dayStartHour: 4 }, now: shanghai('2026-11-22') })
    await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '昨天' })
    // 02:00 on the 23rd is still the 22nd with a 04:00 day start: editable.
    fx.clock.set(shanghai(TODAY, '02:00'))
    expect(await fx.api.as(MEMBER).call(editCheckin, { groupId: GROUP, note: '凌晨补一句' })).toMatchObject({ day: '2026-11-22', note: '凌晨补一句' })
    fx.clock.set(shanghai(TODAY, '05:00'))
    expect(await fx.api.as(MEMBER).result(editCheckin, { groupId: GROUP, note: '改昨天的' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '今天还没有打卡，先打卡再修改' } })
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-22'))).toMatchObject({ note: '凌晨补一句' })
    expect(await fx.api.as(OUTSIDER).result(editCheckin, { groupId: GROUP, note: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(STRANGER).result(editCheckin, { groupId: GROUP, note: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('adds the author’s own unused photo once (audited); someone else’s photo or a second photo is refused with nothing written', async () => {
    const fx = await makeFixture({ now: shanghai(TODAY) })
    await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '先打卡' })
    const mine = cloudPhoto(MEMBER, 'mine001')
    const theirs = cloudPhoto(ADMIN, 'admin01')
    await fx.api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: mine })
    await fx.api.as(ADMIN).call(registerPhoto, { groupId: GROUP, fileId: theirs })
    expect(await fx.api.as(MEMBER).result(editCheckin, { groupId: GROUP, photoFileId: theirs })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toMatchObject({ photoFileId: null })
    const added = await fx.api.as(MEMBER).call(editCheckin, { groupId: GROUP, photoFileId: mine })
    expect(added.photoUrl).toEqual(expect.any(String))
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toMatchObject({ photoFileId: mine, note: '先打卡' })
    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP } })
    expect(audit.map((entry) => [entry.action, entry.actorOpenid, entry.detail])).toEqual([['checkin.photoAdded', MEMBER, { day: TODAY }]])
    const second = cloudPhoto(MEMBER, 'mine002')
    await fx.api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: second })
    expect(await fx.api.as(MEMBER).result(editCheckin, { groupId: GROUP, photoFileId: second })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条打卡已经有照片了' } })
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, TODAY))).toMatchObject({ photoFileId: mine })
  })
})

describe('a day’s feed and the month calendar', () => {
  it('the feed goes back to a past day (its check-ins, count and likes) and refuses a day to come', async () => {
    const fx = await makeFixture({ now: shanghai('2026-11-20') })
    await fx.api.as(ADMIN).call(checkIn, { groupId: GROUP, note: '二十号' })
    fx.clock.set(shanghai('2026-11-20', '10:00'))
    await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '我也二十号' })
    fx.clock.set(shanghai(TODAY))
    await fx.api.as(OWNER).call(checkIn, { groupId: GROUP, note: '今天' })
    await fx.api.as(OWNER).call(likeCheckin, { groupId: GROUP, checkinId: viewIdOf(ADMIN, '2026-11-20'), liked: true })
    const past = await fx.api.as(MEMBER).call(listTodayFeed, { groupId: GROUP, day: '2026-11-20' })
    expect(past).toMatchObject({ day: '2026-11-20', today: TODAY, checkedInCount: 2 })
    expect(past.items.map((item) => [item.note, item.isMine, item.likes?.count])).toEqual([['我也二十号', true, 0], ['二十号', false, 1]])
    expect((await fx.api.as(MEMBER).call(listTodayFeed, { groupId: GROUP })).items.map((item) => item.note)).toEqual(['今天'])
    expect(await fx.api.as(MEMBER).result(listTodayFeed, { groupId: GROUP, day: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '还没到这一天' } })
  })

  it('last month’s calendar carries each day’s entry: note, make-up mark, task title, photo link and likes', async () => {
    const fx = await makeFixture({ now: shanghai('2026-10-30'), group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-10-30', title: '读第 9 章', body: '写一句' })
    const photo = cloudPhoto(MEMBER, 'oct3001', '2026-10-30')
    await fx.api.as(MEMBER).call(registerPhoto, { groupId: GROUP, fileId: photo })
    await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '三十号', photoFileId: photo })
    fx.clock.set(shanghai('2026-10-31'))
    await fx.api.as(MEMBER).call(makeUpCheckin, { groupId: GROUP, day: '2026-10-29', note: '补二十九' })
    fx.clock.set(shanghai(TODAY))
    await fx.api.as(ADMIN).call(likeCheckin, { groupId: GROUP, checkinId: viewIdOf(MEMBER, '2026-10-30'), liked: true })
    const october = await fx.api.as(MEMBER).call(getCheckinCalendar, { groupId: GROUP, month: '2026-10' })
    expect(october.days).toEqual([{ day: '2026-10-29', makeUp: true }, { day: '2026-10-30', makeUp: false }])
    expect(october.entries.map((entry) => [entry.day, entry.note, entry.makeUp, entry.taskTitle, entry.photoUrl !== null, entry.likes?.count])).toEqual([
      ['2026-10-29', '补二十九', true, null, false, 0],
      ['2026-10-30', '三十号', false, '读第 9 章', true, 1],
    ])
    expect(october.timezone).toBe('Asia/Shanghai')
    // Only the caller's own entries.
    expect((await fx.api.as(ADMIN).call(getCheckinCalendar, { groupId: GROUP, month: '2026-10' })).entries).toEqual([])
  })
})
