/**
 * Publishing without surprises, end to end in real headless Chromium on the local runtime (H5 build, real
 * handlers on SQLite, the server's clock at 2026-11-23 10:00 Shanghai): a double-tapped 发布公告 on the admins'
 * announcements page creates one announcement; an admin edits tomorrow's scheduled task from the list. Needs `npm run build:h5` first.
 */
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'

describe('announcements and tasks: create once, edit (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })

  it('a double tap on 发布公告 creates one announcement', async () => {
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/announcements/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#announcement-form', '发布公告')
    await fill(app.page, '#announcement-title', '周六共读改到图书馆')
    await fill(app.page, '#announcement-body', '下午两点，三楼。')
    await visible(app.page, '#announcement-post').dblclick()
    await expectText(app.page, '#announcement-title-counter', '0/60')
    await app.page.waitForTimeout(300)
    expect(await app.store.count('announcements', { groupId: DEMO_GROUP_ID, title: '周六共读改到图书馆' })).toBe(1)
    // Listed once below the form, with nobody having read it yet.
    await expectText(app.page, '#announcements-list', '周六共读改到图书馆')
    expect(await app.page.locator('#announcements-list').innerText()).not.toMatch(/周六共读改到图书馆[\s\S]*周六共读改到图书馆/)
  })

  it('an admin edits a scheduled task from the list', async () => {
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/tasks/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#tasks-scheduled', '2026-11-24')
    await click(app.page, '#task-edit-2026-11-24')
    await expectText(app.page, '#task-form', '正在编辑 2026-11-24 的任务')
    await fill(app.page, '#task-title', '《活着》第 8 天（改）')
    await click(app.page, '#task-save')
    await expectText(app.page, '#tasks-scheduled', '《活着》第 8 天（改）')
    expect(await app.store.get('dailyTasks', `${DEMO_GROUP_ID}:2026-11-24`)).toMatchObject({ title: '《活着》第 8 天（改）' })
  })
})
