/**
 * @jest-environment jsdom
 */
/**
 * The built publishing page (dist/weapp/packages/admin/pages/tasks/index) in miniprogram-simulate, on the real
 * handlers and the seeded demo community (a week of published tasks and tomorrow's written ahead): an admin
 * rewrites tomorrow's task (day and time in tappable picker fields) and it is listed under 待发布 with its
 * publish time; edits and deletes it; a member gets the admins-only hint. Posting announcements is on their own
 * admin page (manage-announcements-page.test.ts).
 * Needs `npm run build:weapp` first.
 */
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
    // The day and time are tappable fields showing the value (the day with its weekday).
    const day = /^(\d{4}-\d{2}-\d{2}) 周[一二三四五六日]$/.exec(await page.waitForText('#task-day-value', '周'))![1]
    expect(page.text('#task-time-value')).toBe('08:00')

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
