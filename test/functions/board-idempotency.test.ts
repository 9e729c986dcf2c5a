/**
 * Creating is idempotent and published things can be edited and deleted (through the real `board`
 * handlers on SQLite): a client's `requestId` makes a retried (or concurrently doubled) announcement one
 * announcement, a retried rules publish the same version, a retried task save no second write; admins edit
 * and delete announcements and tasks, a published task edited shows 已编辑, and every change is audited.
 */
import {
  deleteAnnouncement,
  deleteDailyTask,
  editAnnouncement,
  listAnnouncements,
  listDailyTasks,
  postAnnouncement,
  publishRules,
  saveDailyTask,
} from '../../contracts'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture } from '../support/fixture'

const AT = '2026-11-23T02:00:00.000Z'
const auditActions = async (fx: Awaited<ReturnType<typeof makeFixture>>) =>
  (await fx.store.find('auditLogs', { where: { groupId: GROUP }, orderBy: [{ field: 'at', direction: 'asc' }], limit: 100 })).map((entry) => entry.action)

describe('idempotent creates', () => {
  it('a double-tapped announcement (same request id, sequential or 20 at once) is one announcement, answered the same', async () => {
    const fx = await makeFixture({ now: AT })
    const input = { groupId: GROUP, title: '周六爬山', body: '早上八点集合', pinned: true, requestId: 'req-announce-0001' }
    const first = await fx.api.as(ADMIN).call(postAnnouncement, input)
    const again = await fx.api.as(ADMIN).call(postAnnouncement, input)
    expect(again).toEqual(first)
    const burst = await Promise.all(Array.from({ length: 20 }, () => fx.api.as(ADMIN).result(postAnnouncement, { ...input, requestId: 'req-announce-0002' })))
    expect(burst.every((r) => r.ok)).toBe(true)
    expect(new Set(burst.map((r) => (r.ok ? r.data.id : '')))).toHaveProperty('size', 1)
    expect(await fx.store.count('announcements', { groupId: GROUP })).toBe(2)
    expect((await auditActions(fx)).filter((a) => a === 'announcement.post')).toHaveLength(2)
    // Another admin's request with the same id is their own announcement; a new request id is a new one.
    await fx.api.as(OWNER).call(postAnnouncement, input)
    await fx.api.as(ADMIN).call(postAnnouncement, { ...input, requestId: 'req-announce-0003' })
    expect(await fx.store.count('announcements', { groupId: GROUP })).toBe(4)
  })

  it('a retried rules publish answers the version it published; a different request with the same clauses is refused as unchanged', async () => {
    const fx = await makeFixture({ now: AT })
    const input = { groupId: GROUP, clauses: ['不发广告', '周末活动请接龙'], requestId: 'req-rules-0001' }
    const first = await fx.api.as(ADMIN).call(publishRules, input)
    expect(await fx.api.as(ADMIN).call(publishRules, input)).toEqual(first)
    expect((await fx.store.get('groups', GROUP))?.rules.version).toBe(first.version)
    expect(await fx.api.as(ADMIN).result(publishRules, { ...input, requestId: 'req-rules-0002' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await auditActions(fx)).filter((a) => a === 'rules.publish')).toHaveLength(1)
  })

  it('a retried task save writes nothing the second time', async () => {
    const fx = await makeFixture({ now: AT })
    const input = { groupId: GROUP, day: '2026-11-24', title: '读第一章', body: '写一句感想', requestId: 'req-task-00001' }
    const first = await fx.api.as(ADMIN).call(saveDailyTask, input)
    fx.clock.set('2026-11-23T03:00:00.000Z')
    expect(await fx.api.as(ADMIN).call(saveDailyTask, input)).toEqual(first)
    expect((await fx.store.get('dailyTasks', `${GROUP}:2026-11-24`))?.updatedAt).toBe(AT)
    expect(await auditActions(fx)).toEqual(['task.create'])
  })
})

describe('editing and deleting', () => {
  it('admins edit an announcement (shown as edited) and delete it; members may not; both audited', async () => {
    const fx = await makeFixture({ now: AT })
    const posted = await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周六爬山', body: '八点集合', pinned: false })
    expect(posted.editedAt).toBeNull()
    fx.clock.set('2026-11-23T04:00:00.000Z')
    const edited = await fx.api.as(OWNER).call(editAnnouncement, { groupId: GROUP, announcementId: posted.id, title: '周六爬山（改期）', body: '九点集合' })
    expect(edited).toMatchObject({ title: '周六爬山（改期）', body: '九点集合', editedAt: '2026-11-23T04:00:00.000Z', createdAt: AT })
    expect((await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })).items[0]).toMatchObject({ title: '周六爬山（改期）', editedAt: '2026-11-23T04:00:00.000Z' })
    expect(await fx.api.as(MEMBER).result(editAnnouncement, { groupId: GROUP, announcementId: posted.id, title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(MEMBER).result(deleteAnnouncement, { groupId: GROUP, announcementId: posted.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(ADMIN).call(deleteAnnouncement, { groupId: GROUP, announcementId: posted.id })).toEqual({ deleted: posted.id })
    expect(await fx.api.as(ADMIN).result(deleteAnnouncement, { groupId: GROUP, announcementId: posted.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await fx.store.count('announcements', { groupId: GROUP })).toBe(0)
    expect((await auditActions(fx)).sort()).toEqual(['announcement.delete', 'announcement.edit', 'announcement.post'])
  })

  it('a scheduled task edited is not marked; a published one edited shows 已编辑; admins delete tasks', async () => {
    const fx = await makeFixture({ now: AT })
    await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第一章', body: '写一句感想' })
    const rescheduled = await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第二章', body: '写一句感想', publishTime: '09:00' })
    expect(rescheduled).toMatchObject({ title: '读第二章', published: false, edited: false })
    fx.clock.set('2026-11-24T02:00:00.000Z')
    const edited = await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-24', title: '读第二章（更正）', body: '写一句感想', publishTime: '09:00' })
    expect(edited).toMatchObject({ published: true, edited: true })
    expect((await fx.api.as(MEMBER).call(listDailyTasks, { groupId: GROUP })).items[0]).toMatchObject({ title: '读第二章（更正）', edited: true })
    expect(await fx.api.as(MEMBER).result(deleteDailyTask, { groupId: GROUP, day: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(ADMIN).call(deleteDailyTask, { groupId: GROUP, day: '2026-11-24' })).toEqual({ deleted: `${GROUP}:2026-11-24` })
    expect(await fx.api.as(ADMIN).result(deleteDailyTask, { groupId: GROUP, day: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/任务/) } })
    expect((await fx.api.as(MEMBER).call(listDailyTasks, { groupId: GROUP })).items).toEqual([])
    expect((await auditActions(fx)).sort()).toEqual(['task.create', 'task.delete', 'task.update', 'task.update'])
  })
})
