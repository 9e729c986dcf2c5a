/**
 * The `board` function through its real handlers on SQLite: versioned rules (publish, diff, acknowledge),
 * announcements (post, pin, order), daily tasks (scheduled publish, server-side visibility), and the
 * authorization matrix (members read, only admins publish).
 */
import type { AnnouncementList, RulesView, TaskList } from '../../contracts/board'
import { formatLocal } from '../../domain/days'
import { ruleVersionId } from '../../domain/rules'
import { ADMIN, GROUP, MEMBER, OUTSIDER, OWNER, makeCheckinFixture } from '../support/checkin'

const AT = '2026-11-23T02:00:00.000Z' // 10:00 in Shanghai

describe('rules', () => {
  it('publishing creates version N+1, keeps version N, and members see what changed since they acknowledged', async () => {
    const fx = await makeCheckinFixture()
    await fx.ok('board', 'acknowledgeRules', { groupId: GROUP, version: 1 }, MEMBER, AT)
    const published = await fx.ok('board', 'publishRules', { groupId: GROUP, clauses: ['不发广告', '每天 7 点发布任务', '', '打卡写一句感悟'] }, ADMIN, AT)
    expect(published).toEqual({ version: 2, clauses: ['不发广告', '每天 7 点发布任务', '打卡写一句感悟'], publishedAt: AT })
    expect(await fx.store.get('ruleVersions', ruleVersionId(GROUP, 1))).toMatchObject({ version: 1, clauses: ['不发广告', '每天 8 点发布任务'], publishedBy: null })
    expect(await fx.store.get('ruleVersions', ruleVersionId(GROUP, 2))).toMatchObject({ version: 2, publishedBy: ADMIN })
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(2)

    const view = await fx.ok('board', 'getRules', { groupId: GROUP }, MEMBER, AT)
    expect(view).toMatchObject({ acknowledgedVersion: 1, canPublish: false, current: { version: 2 } })
    expect(view.changes).toEqual([
      { kind: 'changed', before: '每天 8 点发布任务', after: '每天 7 点发布任务' },
      { kind: 'added', after: '打卡写一句感悟' },
    ])
    await fx.ok('board', 'acknowledgeRules', { groupId: GROUP, version: 2 }, MEMBER, AT)
    expect(await fx.ok('board', 'getRules', { groupId: GROUP }, MEMBER, AT)).toMatchObject({ acknowledgedVersion: 2, changes: [] })
    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'rules.publish' } })
    expect(audit.map((a) => a.detail)).toEqual([{ version: 2 }])
  })

  it('refuses acknowledging an outdated version, unchanged or empty rules', async () => {
    const fx = await makeCheckinFixture()
    expect(await fx.call('board', 'acknowledgeRules', { groupId: GROUP, version: 2 }, MEMBER, AT)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '群规刚刚更新了，请阅读最新版本后再确认' } })
    expect(await fx.call('board', 'publishRules', { groupId: GROUP, clauses: ['不发广告', '每天 8 点发布任务'] }, ADMIN, AT)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '群规没有变化，无需发布新版本' } })
    expect(await fx.call('board', 'publishRules', { groupId: GROUP, clauses: ['  '] }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '请至少写一条群规' } })
    expect(await fx.call('board', 'publishRules', { groupId: GROUP, clauses: ['x'.repeat(301)] }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '最多 300 个字' } })
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(1)
    expect(await fx.store.count('ruleVersions')).toBe(0)
  })

  it('two admins publishing at once make exactly one new version', async () => {
    const fx = await makeCheckinFixture()
    const results = await Promise.all([
      fx.call('board', 'publishRules', { groupId: GROUP, clauses: ['甲'] }, ADMIN, AT),
      fx.call('board', 'publishRules', { groupId: GROUP, clauses: ['乙'] }, OWNER, AT),
    ])
    const versions = results.filter((r) => r.ok).map((r) => (r.data as { version: number }).version)
    expect(versions.sort()).toEqual(results.every((r) => r.ok) ? [2, 3] : [2])
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(1 + versions.length)
    expect(await fx.store.count('ruleVersions')).toBe(1 + versions.length)
  })
})

describe('announcements', () => {
  it('admins post, pin and unpin; members read pinned first, then newest first', async () => {
    const fx = await makeCheckinFixture()
    const old = await fx.ok('board', 'postAnnouncement', { groupId: GROUP, title: '本月共读书目', body: '《活着》' }, ADMIN, '2026-11-20T02:00:00Z')
    await fx.ok('board', 'postAnnouncement', { groupId: GROUP, title: '周六线下读书会', body: '郑东新区图书馆' }, OWNER, '2026-11-21T02:00:00Z')
    await fx.ok('board', 'postAnnouncement', { groupId: GROUP, title: '打卡规则调整', body: '补卡窗口 3 天' }, ADMIN, '2026-11-22T02:00:00Z')
    await fx.ok('board', 'setAnnouncementPinned', { groupId: GROUP, announcementId: old.id, pinned: true }, ADMIN, AT)
    const list = await fx.ok('board', 'listAnnouncements', { groupId: GROUP }, MEMBER, AT)
    expect(list.pinned.map((a: { title: string }) => a.title)).toEqual(['本月共读书目'])
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(['打卡规则调整', '周六线下读书会'])
    expect(list.canManage).toBe(false)
    await fx.ok('board', 'setAnnouncementPinned', { groupId: GROUP, announcementId: old.id, pinned: false }, OWNER, AT)
    const after = await fx.ok('board', 'listAnnouncements', { groupId: GROUP }, MEMBER, AT)
    expect(after.pinned).toEqual([])
    expect(after.items.map((a: { title: string }) => a.title)).toEqual(['打卡规则调整', '周六线下读书会', '本月共读书目'])
    expect((await fx.store.find('auditLogs', { where: { groupId: GROUP } })).map((a) => a.action).sort()).toEqual(
      ['announcement.pin', 'announcement.post', 'announcement.post', 'announcement.post', 'announcement.unpin'],
    )
  })

  it('refuses an announcement of another group and malformed input', async () => {
    const fx = await makeCheckinFixture()
    expect(await fx.call('board', 'setAnnouncementPinned', { groupId: GROUP, announcementId: 'ann_1_abc', pinned: true }, ADMIN, AT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await fx.call('board', 'postAnnouncement', { groupId: GROUP, title: '', body: 'x' }, ADMIN, AT)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { title: '此项必填' } } })
    expect(await fx.call('board', 'postAnnouncement', { groupId: GROUP, title: 't', body: 'x'.repeat(2001) }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '最多 2000 个字' } })
    expect(await fx.store.count('announcements')).toBe(0)
  })
})

describe('daily tasks', () => {
  it('a task is invisible to members before its publish time (08:00 Shanghai by default), visible from it', async () => {
    const fx = await makeCheckinFixture()
    const saved = await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-11-24', title: '《活着》第 4 章', body: '读完写一句感悟' }, ADMIN, AT)
    expect(saved).toMatchObject({ publishAt: '2026-11-24T00:00:00.000Z', published: false })
    const beforeAt = '2026-11-23T23:59:59.000Z'
    expect((await fx.ok('board', 'listTasks', { groupId: GROUP }, MEMBER, beforeAt)).items).toEqual([])
    expect((await fx.ok('checkin', 'overview', { groupId: GROUP }, MEMBER, beforeAt)).todayTask).toBeNull()
    const adminView = await fx.ok('board', 'listTasks', { groupId: GROUP }, ADMIN, beforeAt)
    expect(adminView.scheduled.map((t: { title: string }) => t.title)).toEqual(['《活着》第 4 章'])
    const memberEarly = await fx.ok('board', 'listTasks', { groupId: GROUP }, MEMBER, beforeAt)
    expect(memberEarly.scheduled).toEqual([])

    const at8 = '2026-11-24T00:00:00.000Z'
    expect((await fx.ok('board', 'listTasks', { groupId: GROUP }, MEMBER, at8)).items.map((t: { title: string }) => t.title)).toEqual(['《活着》第 4 章'])
    expect((await fx.ok('checkin', 'overview', { groupId: GROUP }, MEMBER, at8)).todayTask).toMatchObject({ title: '《活着》第 4 章', published: true })
  })

  it('takes a publish time in the group timezone, also in a DST zone', async () => {
    const fx = await makeCheckinFixture({ timezone: 'America/New_York' })
    const winter = await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-03-07', title: 'a', body: 'b' }, ADMIN, '2026-03-06T12:00:00Z')
    const summer = await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-03-08', title: 'a', body: 'b', publishTime: '07:30' }, ADMIN, '2026-03-06T12:00:00Z')
    expect([winter.publishAt, summer.publishAt]).toEqual(['2026-03-07T13:00:00.000Z', '2026-03-08T11:30:00.000Z'])
  })

  it('refuses past days, days too far ahead and bad times; rewriting a day keeps one task', async () => {
    const fx = await makeCheckinFixture()
    expect(await fx.call('board', 'saveTask', { groupId: GROUP, day: '2026-11-22', title: 'a', body: 'b' }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '不能为已经过去的日期写任务' } })
    expect(await fx.call('board', 'saveTask', { groupId: GROUP, day: '2027-03-01', title: 'a', body: 'b' }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '最多提前 60 天写任务' } })
    expect(await fx.call('board', 'saveTask', { groupId: GROUP, day: '2026-11-24', title: 'a', body: 'b', publishTime: '8:00' }, ADMIN, AT)).toMatchObject({ ok: false, error: { message: '时间格式应为 HH:mm，例如 08:00' } })
    await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-11-24', title: '初稿', body: 'b' }, ADMIN, AT)
    await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-11-24', title: '定稿', body: 'b' }, OWNER, AT)
    const tasks = await fx.store.find('dailyTasks', { where: { groupId: GROUP } })
    expect(tasks.map((t) => t.title)).toEqual(['定稿'])
  })
})

describe('authorization matrix', () => {
  const writes: Array<[string, Record<string, unknown>]> = [
    ['publishRules', { groupId: GROUP, clauses: ['新规'] }],
    ['postAnnouncement', { groupId: GROUP, title: 't', body: 'b' }],
    ['setAnnouncementPinned', { groupId: GROUP, announcementId: 'ann_1_abc', pinned: true }],
    ['saveTask', { groupId: GROUP, day: '2026-11-24', title: 't', body: 'b' }],
  ]
  const reads: Array<[string, Record<string, unknown>]> = [
    ['getRules', { groupId: GROUP }],
    ['acknowledgeRules', { groupId: GROUP, version: 1 }],
    ['listAnnouncements', { groupId: GROUP }],
    ['listTasks', { groupId: GROUP }],
  ]

  it.each(writes)('%s: members and outsiders are FORBIDDEN, nothing changes', async (action, input) => {
    const fx = await makeCheckinFixture()
    for (const openid of [MEMBER, OUTSIDER]) {
      expect(await fx.call('board', action, input, openid, AT)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行此操作' } })
    }
    expect(await fx.store.count('announcements')).toBe(0)
    expect(await fx.store.count('dailyTasks')).toBe(0)
    expect((await fx.store.get('groups', GROUP))!.rules.version).toBe(1)
  })

  it.each(reads)('%s: members may, outsiders are FORBIDDEN', async (action, input) => {
    const fx = await makeCheckinFixture()
    expect((await fx.call('board', action, input, MEMBER, AT)).ok).toBe(true)
    expect(await fx.call('board', action, input, OUTSIDER, AT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('times in the group’s own timezone', () => {
  // 02:00 UTC is 21:00 the evening before in New York (EST, UTC-5) and 10:00 in Shanghai.
  it('rules, announcements and tasks of a New York group carry its timezone, and format in New York time', async () => {
    const fx = await makeCheckinFixture({ timezone: 'America/New_York' })
    await fx.ok('board', 'publishRules', { groupId: GROUP, clauses: ['不发广告', '周日休息'] }, ADMIN, AT)
    await fx.ok('board', 'postAnnouncement', { groupId: GROUP, title: '本周六线下读书会', body: '…' }, ADMIN, AT)
    await fx.ok('board', 'saveTask', { groupId: GROUP, day: '2026-11-23', title: '《活着》第 3 章', body: '…', publishTime: '08:00' }, ADMIN, AT)

    const rules = await fx.ok<RulesView>('board', 'getRules', { groupId: GROUP }, MEMBER, AT)
    expect(rules.timezone).toBe('America/New_York')
    expect(formatLocal(rules.current.publishedAt, rules.timezone, 'YYYY-MM-DD')).toBe('2026-11-22')

    const announcements = await fx.ok<AnnouncementList>('board', 'listAnnouncements', { groupId: GROUP }, MEMBER, AT)
    expect(announcements.timezone).toBe('America/New_York')
    expect(formatLocal(announcements.items[0].createdAt, announcements.timezone)).toBe('11-22 21:00')

    const tasks = await fx.ok<TaskList>('board', 'listTasks', { groupId: GROUP }, ADMIN, AT)
    expect(tasks).toMatchObject({ timezone: 'America/New_York', today: '2026-11-22' })
    expect(tasks.scheduled[0].publishAt).toBe('2026-11-23T13:00:00.000Z')
    expect(formatLocal(tasks.scheduled[0].publishAt, tasks.timezone)).toBe('11-23 08:00')
  })

  it('a group without a timezone reads as Asia/Shanghai', async () => {
    const fx = await makeCheckinFixture({ timezone: '' })
    expect((await fx.ok<TaskList>('board', 'listTasks', { groupId: GROUP }, MEMBER, AT)).timezone).toBe('Asia/Shanghai')
  })
})
