/**
 * The `board` function through its real handlers on SQLite: versioned rules (publish, diff, acknowledge),
 * announcements (post, pin, order), daily tasks (scheduled publish, server-side visibility). Who may call each
 * action (members read, only admins publish) is in authorization-matrix.test.ts.
 */
import { formatLocal } from '../../domain/days'
import { ruleVersionId } from '../../domain/rules'
import {
  acknowledgeRules,
  getCheckinOverview,
  getRules,
  listAnnouncements,
  listDailyTasks,
  postAnnouncement,
  publishRules,
  saveDailyTask,
  setAnnouncementPinned,
} from '../../contracts'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture } from '../support/fixture'

const AT = '2026-11-23T02:00:00.000Z' // 10:00 in Shanghai

/** The group these tests start from: rules version 1, the fixture clock at AT. */
const boardFixture = (group = {}) =>
  makeFixture({ group: { rules: { version: 1, clauses: ['不发广告', '每天 8 点发布任务'], publishedAt: '2026-01-01T00:00:00.000Z' }, ...group }, now: AT })

describe('rules', () => {
  it('publishing creates version N+1, keeps version N, and members see what changed since they acknowledged', async () => {
    const fx = await boardFixture()
    await fx.api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 1 })
    const published = await fx.api.as(ADMIN).call(publishRules, { groupId: GROUP, clauses: ['不发广告', '每天 7 点发布任务', '', '打卡写一句感悟'] })
    expect(published).toEqual({ version: 2, clauses: ['不发广告', '每天 7 点发布任务', '打卡写一句感悟'], publishedAt: AT })
    expect(await fx.store.get('ruleVersions', ruleVersionId(GROUP, 1))).toMatchObject({ version: 1, clauses: ['不发广告', '每天 8 点发布任务'], publishedBy: null })
    expect(await fx.store.get('ruleVersions', ruleVersionId(GROUP, 2))).toMatchObject({ version: 2, publishedBy: ADMIN })
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(2)

    const view = await fx.api.as(MEMBER).call(getRules, { groupId: GROUP })
    expect(view).toMatchObject({ acknowledgedVersion: 1, canPublish: false, current: { version: 2 } })
    expect(view.changes).toEqual([
      { kind: 'changed', before: '每天 8 点发布任务', after: '每天 7 点发布任务' },
      { kind: 'added', after: '打卡写一句感悟' },
    ])
    await fx.api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    expect(await fx.api.as(MEMBER).call(getRules, { groupId: GROUP })).toMatchObject({ acknowledgedVersion: 2, changes: [] })
    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'rules.publish' } })
    expect(audit.map((a) => a.detail)).toEqual([{ version: 2 }])
  })

  it('refuses acknowledging an outdated version, unchanged or empty rules', async () => {
    const fx = await boardFixture()
    expect(await fx.api.as(MEMBER).result(acknowledgeRules, { groupId: GROUP, version: 2 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '群规刚刚更新了，请阅读最新版本后再确认' } })
    expect(await fx.api.as(ADMIN).result(publishRules, { groupId: GROUP, clauses: ['不发广告', '每天 8 点发布任务'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '群规没有变化，无需发布新版本' } })
    expect(await fx.api.as(ADMIN).result(publishRules, { groupId: GROUP, clauses: ['  '] })).toMatchObject({ ok: false, error: { message: '请至少写一条群规' } })
    expect(await fx.api.as(ADMIN).result(publishRules, { groupId: GROUP, clauses: ['x'.repeat(301)] })).toMatchObject({ ok: false, error: { message: '最多 300 个字' } })
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(1)
    expect(await fx.store.count('ruleVersions')).toBe(0)
  })

  it('two admins publishing at once make exactly one new version', async () => {
    const fx = await boardFixture()
    const results = await Promise.all([
      fx.api.as(ADMIN).result(publishRules, { groupId: GROUP, clauses: ['甲'] }),
      fx.api.as(OWNER).result(publishRules, { groupId: GROUP, clauses: ['乙'] }),
    ])
    const versions = results.filter((r) => r.ok).map((r) => r.data.version)
    expect(versions.sort()).toEqual(results.every((r) => r.ok) ? [2, 3] : [2])
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(1 + versions.length)
    expect(await fx.store.count('ruleVersions')).toBe(1 + versions.length)
  })
})

describe('announcements', () => {
  it('admins post, pin and unpin; members read pinned first, then newest first', async () => {
    const fx = await boardFixture()
    const old = await fx.api.as(ADMIN).at('2026-11-20T02:00:00Z').call(postAnnouncement, { groupId: GROUP, title: '本月共读书目', body: '《活着》' })
    await fx.api.as(OWNER).at('2026-11-21T02:00:00Z').call(postAnnouncement, { groupId: GROUP, title: '周六线下读书会', body: '郑东新区图书馆' })
    await fx.api.as(ADMIN).at('2026-11-22T02:00:00Z').call(postAnnouncement, { groupId: GROUP, title: '打卡规则调整', body: '补卡窗口 3 天' })
    await fx.api.as(ADMIN).call(setAnnouncementPinned, { groupId: GROUP, announcementId: old.id, pinned: true })
    const list = await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })
    expect(list.pinned.map((a) => a.title)).toEqual(['本月共读书目'])
    expect(list.items.map((a) => a.title)).toEqual(['打卡规则调整', '周六线下读书会'])
    expect(list.canManage).toBe(false)
    await fx.api.as(OWNER).call(setAnnouncementPinned, { groupId: GROUP, announcementId: old.id, pinned: false })
    const after = await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })
    expect(after.pinned).toEqual([])
    expect(after.items.map((a) => a.title)).toEqual(['打卡规则调整', '周六线下读书会', '本月共读书目'])
    expect((await fx.store.find('auditLogs', { where: { groupId: GROUP } })).map((a) => a.action).sort()).toEqual(
      ['announcement.pin', 'announcement.post', 'announcement.post', 'announcement.post', 'announcement.unpin'],
    )
  })

  it('refuses an announcement of another group and malformed input', async () => {
    const fx = await boardFixture()
    expect(await fx.api.as(ADMIN).result(setAnnouncementPinned, { groupId: GROUP, announcementId: 'ann_1_abc', pinned: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await fx.api.as(ADMIN).result(postAnnouncement, { groupId: GROUP, title: '', body: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { title: '此项必填' } } })
    expect(await fx.api.as(ADMIN).result(postAnnouncement, { groupId: GROUP, title: 't', body: 'x'.repeat(2001) })).toMatchObject({ ok: false, error: { message: '最多 2000 个字' } })
    expect(await fx.store.count('announcements')).toBe(0)
  })
})

describe('daily tasks', () => {
  it('a task is invisible to members before its publish time (08:00 Shanghai by default), visible from it', async () => {
    const fx = await boardFixture()
    const saved = await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '《活着》第 4 章', body: '读完写一句感悟' })
    expect(saved).toMatchObject({ publishAt: '2026-11-24T00:00:00.000Z', published: false })
    const beforeAt = '2026-11-23T23:59:59.000Z'
    expect((await fx.api.as(MEMBER).at(beforeAt).call(listDailyTasks, { groupId: GROUP })).items).toEqual([])
    expect((await fx.api.as(MEMBER).at(beforeAt).call(getCheckinOverview, { groupId: GROUP })).todayTask).toBeNull()
    const adminView = await fx.api.as(ADMIN).at(beforeAt).call(listDailyTasks, { groupId: GROUP })
    expect(adminView.scheduled.map((t) => t.title)).toEqual(['《活着》第 4 章'])
    const memberEarly = await fx.api.as(MEMBER).at(beforeAt).call(listDailyTasks, { groupId: GROUP })
    expect(memberEarly.scheduled).toEqual([])

    const at8 = '2026-11-24T00:00:00.000Z'
    expect((await fx.api.as(MEMBER).at(at8).call(listDailyTasks, { groupId: GROUP })).items.map((t) => t.title)).toEqual(['《活着》第 4 章'])
    expect((await fx.api.as(MEMBER).at(at8).call(getCheckinOverview, { groupId: GROUP })).todayTask).toMatchObject({ title: '《活着》第 4 章', published: true })
  })

  it('takes a publish time in the group timezone, also in a DST zone', async () => {
    const fx = await boardFixture({ timezone: 'America/New_York' })
    const winter = await fx.api.as(ADMIN).at('2026-03-06T12:00:00Z').call(saveDailyTask, { groupId: GROUP, day: '2026-03-07', title: 'a', body: 'b' })
    const summer = await fx.api.as(ADMIN).at('2026-03-06T12:00:00Z').call(saveDailyTask, { groupId: GROUP, day: '2026-03-08', title: 'a', body: 'b', publishTime: '07:30' })
    expect([winter.publishAt, summer.publishAt]).toEqual(['2026-03-07T13:00:00.000Z', '2026-03-08T11:30:00.000Z'])
  })

  it('refuses past days, days too far ahead and bad times; rewriting a day keeps one task', async () => {
    const fx = await boardFixture()
    expect(await fx.api.as(ADMIN).result(saveDailyTask, { groupId: GROUP, day: '2026-11-22', title: 'a', body: 'b' })).toMatchObject({ ok: false, error: { message: '不能为已经过去的日期写任务' } })
    expect(await fx.api.as(ADMIN).result(saveDailyTask, { groupId: GROUP, day: '2027-03-01', title: 'a', body: 'b' })).toMatchObject({ ok: false, error: { message: '最多提前 60 天写任务' } })
    expect(await fx.api.as(ADMIN).result(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: 'a', body: 'b', publishTime: '8:00' })).toMatchObject({ ok: false, error: { message: '时间格式应为 HH:mm，例如 08:00' } })
    await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '初稿', body: 'b' })
    await fx.api.as(OWNER).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '定稿', body: 'b' })
    const tasks = await fx.store.find('dailyTasks', { where: { groupId: GROUP } })
    expect(tasks.map((t) => t.title)).toEqual(['定稿'])
  })
})

describe('times in the group’s own timezone', () => {
  // 02:00 UTC is 21:00 the evening before in New York (EST, UTC-5) and 10:00 in Shanghai.
  it('rules, announcements and tasks of a New York group carry its timezone, and format in New York time', async () => {
    const fx = await boardFixture({ timezone: 'America/New_York' })
    await fx.api.as(ADMIN).call(publishRules, { groupId: GROUP, clauses: ['不发广告', '周日休息'] })
    await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '本周六线下读书会', body: '…' })
    await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-23', title: '《活着》第 3 章', body: '…', publishTime: '08:00' })

    const rules = await fx.api.as(MEMBER).call(getRules, { groupId: GROUP })
    expect(rules.timezone).toBe('America/New_York')
    expect(formatLocal(rules.current.publishedAt, rules.timezone, 'YYYY-MM-DD')).toBe('2026-11-22')

    const announcements = await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })
    expect(announcements.timezone).toBe('America/New_York')
    expect(formatLocal(announcements.items[0].createdAt, announcements.timezone)).toBe('11-22 21:00')

    const tasks = await fx.api.as(ADMIN).call(listDailyTasks, { groupId: GROUP })
    expect(tasks).toMatchObject({ timezone: 'America/New_York', today: '2026-11-22' })
    expect(tasks.scheduled[0].publishAt).toBe('2026-11-23T13:00:00.000Z')
    expect(formatLocal(tasks.scheduled[0].publishAt, tasks.timezone)).toBe('11-23 08:00')
  })

  it('a group without a timezone reads as Asia/Shanghai', async () => {
    const fx = await boardFixture({ timezone: '' })
    expect((await fx.api.as(MEMBER).call(listDailyTasks, { groupId: GROUP })).timezone).toBe('Asia/Shanghai')
  })
})
