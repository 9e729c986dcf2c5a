/**
 * @jest-environment jsdom
 */
/**
 * The built publishing page (dist/weapp/packages/admin/pages/tasks/index) in miniprogram-simulate, on the real
 * handlers and the seeded demo community (a week of published tasks and tomorrow's written ahead): an admin
 * rewrites tomorrow's task and it is listed under 待发布 with its publish time; an admin posts a pinned
 * announcement and members see it pinned on the announcements page; a member gets the admins-only hint.
 * Needs `npm run build:weapp` first.
 */
import { listAnnouncements, type AnnouncementList } from '../../contracts/board'
import { localInstant, formatLocal } from '../../domain/days'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'

const PAGE = 'packages/admin/pages/tasks/index'
const TIMEZONE = 'Asia/Shanghai'

describe('weapp tasks page', () => {
  const weapp = setUpWeappPages()

  it('saves tomorrow’s task: it is listed under 待发布 with its publish time, not among the published', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#tasks-scheduled', '《活着》第 8 天：苦根与老牛')
    // The form starts on tomorrow at the group's publish time.
    const day = /日期：(\d{4}-\d{2}-\d{2})/.exec(await page.waitForText('#task-day', '日期：'))![1]
    expect(page.text('#task-time')).toBe('发布时间：08:00')

    page.input('#task-title', '《活着》读后感：一句话')
    page.input('#task-body', '写下读完全书后最想说的一句话。')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#task-save')
    await page.waitForText('#tasks-scheduled', '《活着》读后感：一句话')
    const publishAt = localInstant(day, '08:00', TIMEZONE)
    const scheduled = page.text('#tasks-scheduled')
    expect(scheduled).toContain(`${formatLocal(publishAt, TIMEZONE)} 发布`)
    expect(scheduled).toContain(day)
    expect(scheduled).not.toContain('苦根与老牛')
    expect(page.text('#tasks-published')).not.toContain('读后感')
    // The form is cleared for the next one.
    expect(page.text('#task-title-counter')).toBe('0/60')

    const save = page.calls.find((c) => (c.data as { action: string }).action === 'saveTask')
    expect(save?.data).toEqual({
      action: 'saveTask',
      input: { groupId: DEMO_GROUP_ID, day, title: '《活着》读后感：一句话', body: '写下读完全书后最想说的一句话。', publishTime: '08:00', requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{10}$/) },
    })
  })

  it('posts a pinned announcement: members see it pinned on the announcements page', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-form', '发布公告')
    page.input('#announcement-title', '下周共读：《平凡的世界》')
    page.input('#announcement-body', '下周一开始，每天一章。')
    page.change('#announcement-pinned', true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#announcement-post')
    // Posted: the form is cleared.
    await page.waitForText('#announcement-title-counter', '0/60')
    const post = page.calls.find((c) => (c.data as { action: string }).action === 'postAnnouncement')
    expect(post?.data).toEqual({
      action: 'postAnnouncement',
      input: { groupId: DEMO_GROUP_ID, title: '下周共读：《平凡的世界》', body: '下周一开始，每天一章。', pinned: true, requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{10}$/) },
    })

    const member = weapp.backend.callFunctionAs(personaOpenid('member'))
    const list = (await member({ name: listAnnouncements.fn, data: { action: listAnnouncements.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: AnnouncementList }
    expect(list.data.pinned.map((a) => a.title)).toEqual(['下周共读：《平凡的世界》', '本月共读：余华《活着》'])
    page.unload()

    const announcements = await weapp.open('pages/announcements/index', { query: { id: DEMO_GROUP_ID }, callFunction: member })
    const shown = await announcements.waitForText(`#announcement-${list.data.pinned[0].id}`, '下周共读：《平凡的世界》')
    expect(shown).toContain('置顶')
    // The newest pin comes first, above the month's book list.
    expect(announcements.text('#announcements')).toMatch(/^置顶下周共读：《平凡的世界》.*置顶本月共读/)
  })

  it('shows a member the admins-only hint and no forms', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#tasks-admins-only', '仅群主和管理员可以发布任务、公告和群规')
    expect(page.query('#task-form')).toBeNull()
    expect(page.query('#announcement-form')).toBeNull()
    expect(page.query('#tasks-scheduled')).toBeNull()
    // Members still see the published tasks, but not tomorrow's.
    expect(page.text('#tasks-published')).toContain('《活着》第 7 天：家珍')
    expect(page.text('#tasks-published')).not.toContain('读后感')
  })

  it('a double tap on 发布公告 posts one announcement', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-form', '发布公告')
    page.input('#announcement-title', '双击测试通知')
    page.input('#announcement-body', '只应出现一次。')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#announcement-post')
    page.tap('#announcement-post')
    await page.waitForText('#announcement-title-counter', '0/60')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const posts = await weapp.backend.store.find('announcements', { where: { groupId: DEMO_GROUP_ID, title: '双击测试通知' }, limit: 10 })
    expect(posts).toHaveLength(1)
  })

  it('edits a scheduled task in the form and deletes it after confirming', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    // Tomorrow's task, as the first test above wrote it.
    const scheduled = await page.waitForText('#tasks-scheduled', '《活着》读后感：一句话')
    expect(scheduled).toContain('编辑')
    const task = (await weapp.backend.store.find('dailyTasks', { where: { groupId: DEMO_GROUP_ID, title: '《活着》读后感：一句话' }, limit: 1 }))[0]
    page.tap(`#task-edit-${task.day}`)
    await page.waitForText('#task-form', `正在编辑 ${task.day} 的任务`)
    page.input('#task-title', '《活着》读后感：一句话（更正）')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#task-save')
    await page.waitForText('#tasks-scheduled', '《活着》读后感：一句话（更正）')
    expect((await weapp.backend.store.get('dailyTasks', task._id))?.title).toBe('《活着》读后感：一句话（更正）')

    page.tap(`#task-delete-${task.day}`)
    await waitFor(() => !page.text('#tasks-scheduled').includes('一句话（更正）'), 5000, () => 'the deleted task to leave the list')
    expect(await weapp.backend.store.get('dailyTasks', task._id)).toBeNull()
  })
})
