/**
 * Check-in through the real `checkin` handlers on SQLite: day boundaries (timezone, day-start hour,
 * a DST zone), streaks across month and year ends, make-ups and their limits, idempotency (also 50 at
 * once), today's feed, and who may do it.
 */
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { shiftDay } from '../../domain/days'
import { checkIn, getCheckinCalendar, getCheckinOverview, listTodayFeed, makeUpCheckin, registerPhoto, saveDailyTask, setReminder } from '../../contracts'
import { photoPathPrefix } from '../../usecases/photos'
import { opaqueViewId } from '../../usecases/member-keys'
import { GROUP, MEMBER, ADMIN, OUTSIDER, OWNER, STRANGER, makeFixture, testMember } from '../support/fixture'

/** The UTC instant of a Shanghai wall-clock time. */
function shanghai(day: string, time = '09:00'): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString()
}

describe('check-in days', () => {
  it('with a 04:00 day start, 02:00 counts for the day before and 05:00 for the new day', async () => {
    const fx = await makeFixture({ group: { dayStartHour: 4 } })
    const late = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '02:00')).call(checkIn, { groupId: GROUP, note: '熬夜读完' })
    expect(late.checkin.day).toBe('2026-11-22')
    const morning = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '05:00')).call(checkIn, { groupId: GROUP })
    expect(morning.checkin.day).toBe('2026-11-23')
    expect(morning.created).toBe(true)
    expect(morning.streak).toMatchObject({ current: 2, longest: 2, total: 2 })
  })

  it('without a day start, 23:59 and 00:00 Shanghai time are different days', async () => {
    const fx = await makeFixture()
    const a = await fx.api.as(MEMBER).at(shanghai('2026-11-22', '23:59')).call(checkIn, { groupId: GROUP })
    const b = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '00:00')).call(checkIn, { groupId: GROUP })
    expect([a.checkin.day, b.checkin.day]).toEqual(['2026-11-22', '2026-11-23'])
    expect(b.streak.current).toBe(2)
  })

  it('in America/New_York, late-evening check-ins on both sides of the spring-forward switch make a streak', async () => {
    const fx = await makeFixture({ group: { timezone: 'America/New_York' } })
    const days = []
    for (const at of ['2026-03-08T04:30:00Z', '2026-03-09T03:30:00Z', '2026-03-10T03:30:00Z']) {
      // 23:30 EST on Mar 7, 23:30 EDT on Mar 8, 23:30 EDT on Mar 9
      days.push((await fx.api.as(MEMBER).at(at).call(checkIn, { groupId: GROUP })).checkin.day)
    }
    expect(days).toEqual(['2026-03-07', '2026-03-08', '2026-03-09'])
    const overview = await fx.api.as(MEMBER).at('2026-03-10T03:45:00Z').call(getCheckinOverview, { groupId: GROUP })
    expect(overview.today).toBe('2026-03-09')
    expect(overview.streak).toMatchObject({ current: 3, longest: 3, total: 3 })
  })

  it('in Europe/Berlin, the 25-hour fall-back day is one day', async () => {
    const fx = await makeFixture({ group: { timezone: 'Europe/Berlin' } })
    const first = await fx.api.as(MEMBER).at('2026-10-24T22:30:00Z').call(checkIn, { groupId: GROUP }) // 00:30 CEST Oct 25
    const second = await fx.api.as(MEMBER).at('2026-10-25T22:30:00Z').call(checkIn, { groupId: GROUP }) // 23:30 CET Oct 25
    expect(first.checkin.day).toBe('2026-10-25')
    expect(second).toMatchObject({ created: false, checkin: { id: first.checkin.id } })
  })
})

describe('streaks and calendar', () => {
  it('run across a year end, and the calendar shows each month', async () => {
    const fx = await makeFixture()
    for (const day of ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']) {
      await fx.api.as(MEMBER).at(shanghai(day)).call(checkIn, { groupId: GROUP })
    }
    const overview = await fx.api.as(MEMBER).at(shanghai('2027-01-03', '07:00')).call(getCheckinOverview, { groupId: GROUP })
    expect(overview.streak).toMatchObject({ current: 4, longest: 4, total: 4, lastDay: '2027-01-02' })
    expect(overview.calendar).toEqual({ month: '2027-01', days: [{ day: '2027-01-01', makeUp: false }, { day: '2027-01-02', makeUp: false }] })
    const december = await fx.api.as(MEMBER).at(shanghai('2027-01-03')).call(getCheckinCalendar, { groupId: GROUP, month: '2026-12' })
    expect(december.days.map((d) => d.day)).toEqual(['2026-12-30', '2026-12-31'])
    // A missed day ends the visible streak but keeps the longest.
    const later = await fx.api.as(MEMBER).at(shanghai('2027-01-04')).call(getCheckinOverview, { groupId: GROUP })
    expect(later.streak).toMatchObject({ current: 0, longest: 4 })
  })

  it('counters are updated with each check-in, never recomputed from history', async () => {
    const fx = await makeFixture()
    await fx.api.as(MEMBER).at(shanghai('2026-11-20')).call(checkIn, { groupId: GROUP })
    await fx.api.as(MEMBER).at(shanghai('2026-11-21')).call(checkIn, { groupId: GROUP })
    await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP })
    expect(await fx.store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toMatchObject({
      totalDays: 3, currentStreak: 1, longestStreak: 2, lastDay: '2026-11-23', makeUpDays: 0,
    })
  })
})

describe('make-up check-ins (补卡)', () => {
  const policy = { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } }

  it('fills a missed day, joins the runs on both sides, and is marked as a make-up', async () => {
    const fx = await makeFixture({ group: policy })
    for (const day of ['2026-11-18', '2026-11-19', '2026-11-21', '2026-11-22']) await fx.api.as(MEMBER).at(shanghai(day)).call(checkIn, { groupId: GROUP })
    const before = await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(getCheckinOverview, { groupId: GROUP })
    expect(before.streak).toMatchObject({ current: 2, longest: 2 })
    expect(before.makeUp).toMatchObject({ left: 2, candidates: ['2026-11-20'] })

    const filled = await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(makeUpCheckin, { groupId: GROUP, day: '2026-11-20', note: '补上周五' })
    expect(filled).toMatchObject({ created: true, checkin: { day: '2026-11-20', makeUp: true }, streak: { current: 5, longest: 5, total: 5, makeUpDays: 1 } })
    const after = await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(getCheckinOverview, { groupId: GROUP })
    expect(after.calendar.days).toContainEqual({ day: '2026-11-20', makeUp: true })
    expect(after.makeUp).toMatchObject({ usedThisMonth: 1, left: 1, candidates: [] })
    // Checking in today continues the joined run.
    const today = await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP })
    expect(today.streak).toMatchObject({ current: 6, longest: 6, total: 6 })
  })

  it('joins a run that reaches back into the previous month', async () => {
    const fx = await makeFixture({ group: policy })
    for (let day = '2026-10-25'; day <= '2026-10-31'; day = shiftDay(day, 1)) await fx.api.as(MEMBER).at(shanghai(day)).call(checkIn, { groupId: GROUP })
    await fx.api.as(MEMBER).at(shanghai('2026-11-02')).call(checkIn, { groupId: GROUP })
    const filled = await fx.api.as(MEMBER).at(shanghai('2026-11-02')).call(makeUpCheckin, { groupId: GROUP, day: '2026-11-01' })
    expect(filled.streak).toMatchObject({ current: 9, longest: 9, total: 9 })
  })

  it('refuses outside the window, today, before joining, and when the group does not allow it — changing nothing', async () => {
    const fx = await makeFixture({ group: policy })
    const at = shanghai('2026-11-23')
    expect(await fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-19' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只能补最近 3 天内的卡' } })
    expect(await fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-23' })).toMatchObject({ ok: false, error: { message: '只能为已经过去的日期补卡' } })
    expect(await fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await fx.store.update('members', `${GROUP}:${MEMBER}`, { joinedAt: new Date(shanghai('2026-11-22', '10:00')).toISOString() })
    expect(await fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-21' })).toMatchObject({ ok: false, error: { message: '不能为入群之前的日期补卡' } })
    const off = await makeFixture()
    expect(await off.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-22' })).toMatchObject({ ok: false, error: { message: '本群未开启补卡' } })
    expect(await fx.store.count('checkins', { groupId: GROUP })).toBe(0)
    expect(await fx.store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toBeNull()
  })

  it('allows at most the monthly limit, counted in the month the make-up is done', async () => {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 7, monthlyLimit: 2 } } })
    const at = shanghai('2026-12-03')
    await fx.api.as(MEMBER).at(at).call(makeUpCheckin, { groupId: GROUP, day: '2026-11-30' })
    await fx.api.as(MEMBER).at(at).call(makeUpCheckin, { groupId: GROUP, day: '2026-12-01' })
    expect(await fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day: '2026-12-02' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '本月补卡次数已用完（每月 2 次）' } })
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, '2026-12-02'))).toBeNull()
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null))!.totalDays).toBe(2)
  })

  it('concurrent make-ups cannot exceed the monthly limit', async () => {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 7, monthlyLimit: 2 } } })
    const at = shanghai('2026-11-28')
    const results = await Promise.all(
      ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'].map((day) => fx.api.as(MEMBER).at(at).result(makeUpCheckin, { groupId: GROUP, day })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(await fx.store.count('checkins', { groupId: GROUP, openid: MEMBER })).toBe(2)
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null))!.totalDays).toBe(2)
  })
})

describe('idempotent check-in', () => {
  it('a second check-in the same day returns the first one and changes nothing', async () => {
    const fx = await makeFixture()
    const first = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '08:10')).call(checkIn, { groupId: GROUP, note: '第一次' })
    const second = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '21:00')).call(checkIn, { groupId: GROUP, note: '第二次' })
    expect(second).toMatchObject({ created: false, checkin: { id: first.checkin.id, note: '第一次' }, streak: { total: 1, current: 1 } })
  })

  it('50 concurrent check-ins of one member: exactly one check-in, counters +1', async () => {
    const fx = await makeFixture()
    await fx.api.as(MEMBER).at(shanghai('2026-11-22')).call(checkIn, { groupId: GROUP })
    const at = shanghai('2026-11-23')
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => fx.api.as(MEMBER).at(at).result(checkIn, { groupId: GROUP, note: `tap ${i}` })))
    expect(results.every((r) => r.ok)).toBe(true)
    const created = results.filter((r) => r.ok && r.data.created)
    expect(created).toHaveLength(1)
    const ids = new Set(results.map((r) => (r.ok ? r.data.checkin.id : null)))
    // Views carry an opaque id of the check-in (its document id names the author).
    expect([...ids]).toEqual([opaqueViewId(checkinId(GROUP, MEMBER, '2026-11-23'))])
    expect(await fx.store.count('checkins', { groupId: GROUP, openid: MEMBER })).toBe(2)
    expect(await fx.store.get('members', memberId(GROUP, MEMBER)).then((m) => m?.checkin ?? null)).toMatchObject({ totalDays: 2, currentStreak: 2, longestStreak: 2 })
  })
})

describe("today's task, feed and access", () => {
  it('links the published task of the day; an unpublished one is not linked', async () => {
    const fx = await makeFixture({ members: [testMember('o_m4')] })
    await fx.api.as(ADMIN).at(shanghai('2026-11-22', '20:00')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-23', title: '《活着》第 3 章', body: '读完写一句感悟' })
    const early = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '07:59')).call(checkIn, { groupId: GROUP })
    expect(early.checkin.taskTitle).toBeNull()
    await fx.api.as('o_m4').at(shanghai('2026-11-23', '08:00')).call(checkIn, { groupId: GROUP, note: '好书' })
    // The check-in links the task by id; the views show its title only when it was published at check-in time.
    const feed = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '09:00')).call(listTodayFeed, { groupId: GROUP })
    expect(feed.items.map((item) => [item.note, item.taskTitle])).toEqual([
      ['好书', '《活着》第 3 章'],
      ['', null],
    ])
    const overview = await fx.api.as('o_m4').at(shanghai('2026-11-23', '09:00')).call(getCheckinOverview, { groupId: GROUP })
    expect(overview.myCheckin?.taskTitle).toBe('《活着》第 3 章')
  })

  it('the feed lists today’s check-ins newest first, in pages, with the count against members', async () => {
    const extra = Array.from({ length: 22 }, (_, i) => `o_f${String(i).padStart(2, '0')}`)
    const fx = await makeFixture({ members: extra.map((openid) => testMember(openid)) })
    for (const [i, openid] of extra.entries()) {
      await fx.api.as(openid).at(shanghai('2026-11-23', `09:${String(i).padStart(2, '0')}`)).call(checkIn, { groupId: GROUP, note: `note ${i}` })
    }
    await fx.api.as(MEMBER).at(shanghai('2026-11-22')).call(checkIn, { groupId: GROUP }) // yesterday: not in today's feed
    const first = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '12:00')).call(listTodayFeed, { groupId: GROUP })
    expect(first).toMatchObject({ day: '2026-11-23', checkedInCount: 22, memberCount: 25, next: 20 })
    expect(first.items).toHaveLength(20)
    expect(first.items[0].note).toBe('note 21')
    expect(first.items[19].note).toBe('note 2')
    const second = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '12:00')).call(listTodayFeed, { groupId: GROUP, cursor: 20 })
    expect(second.items.map((i) => i.note)).toEqual(['note 1', 'note 0'])
    expect(second.next).toBeNull()
  })

  it('refuses non-members with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    const at = shanghai('2026-11-23')
    for (const [action, input] of [
      [getCheckinOverview, { groupId: GROUP }],
      [checkIn, { groupId: GROUP }],
      [makeUpCheckin, { groupId: GROUP, day: '2026-11-22' }],
      [getCheckinCalendar, { groupId: GROUP, month: '2026-11' }],
      [listTodayFeed, { groupId: GROUP }],
      [setReminder, { groupId: GROUP, enabled: true, time: '20:00' }],
    ] as const) {
      expect(await fx.api.as(OUTSIDER).at(at).result(action, input)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行此操作' } })
      expect(await fx.api.as(STRANGER).at(at).result(action, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    expect(await fx.store.count('checkins', { groupId: GROUP })).toBe(0)
    // every role may check in
    for (const openid of [OWNER, ADMIN, MEMBER]) expect((await fx.api.as(openid).at(at).result(checkIn, { groupId: GROUP })).ok).toBe(true)
  })

  it('validates input with Chinese messages', async () => {
    const fx = await makeFixture()
    const at = shanghai('2026-11-23')
    expect(await fx.api.as(MEMBER).at(at).result(checkIn, { groupId: GROUP, note: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '最多 500 个字' } })
    expect(await fx.api.as(MEMBER).at(at).result(checkIn, { groupId: GROUP, photoFileId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '照片编号格式不正确' } })
    expect(await fx.api.as(MEMBER).at(at).result(getCheckinCalendar, { groupId: GROUP, month: '2026-1' })).toMatchObject({ ok: false, error: { message: '月份格式应为 YYYY-MM' } })
    for (const month of ['2026-13', '2026-00', '2026-99']) {
      expect(await fx.api.as(MEMBER).at(at).result(getCheckinCalendar, { groupId: GROUP, month })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '月份应在 01 到 12 之间', fields: { month: '月份应在 01 到 12 之间' } } })
    }
    expect(await fx.api.as(MEMBER).at(at).result(getCheckinCalendar, { groupId: GROUP, month: '2026-12' })).toMatchObject({ ok: true })
    expect(await fx.api.as(MEMBER).at(at).result(setReminder, { groupId: GROUP, enabled: true, time: '25:00' })).toMatchObject({ ok: false, error: { message: '时间格式应为 HH:mm，例如 08:00' } })
    expect(await fx.store.count('checkins', { groupId: GROUP })).toBe(0)
  })

  it('keeps the member’s registered photo and a note on the check-in (the view links the photo)', async () => {
    const fx = await makeFixture()
    // A photo must now be the author's own registered upload (test/functions/photos.test.ts has the refusals).
    const photo = `cloud://env-1.bucket/${photoPathPrefix(GROUP, '2026-11-23', MEMBER)}abc123.jpg`
    await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(registerPhoto, { groupId: GROUP, fileId: photo })
    const result = await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP, note: ' 今天读了 30 页 ', photoFileId: photo })
    expect(result.checkin).toMatchObject({ note: '今天读了 30 页', photoUrl: photo, makeUp: false, isMine: true })
  })
})
