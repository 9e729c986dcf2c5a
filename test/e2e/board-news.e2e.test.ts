/**
 * News reaches a member, end to end in real headless Chromium on the local runtime (H5 build, real handlers
 * on SQLite, the server's clock at 2026-11-23 10:00 Shanghai): an admin posts an announcement and publishes
 * a rules version on the admin pages; the member's group home shows 群规已更新，请确认 and the unread count on
 * 公告, the inbox 群动态; reading the announcements and confirming the rules clears both, and the admins see
 * one reader. Needs `npm run build:h5` first.
 */
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'
import { ROUTES } from '../../contracts/routes'

describe('a new announcement and rules version reach a member (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })

  it('banner and badges until the member confirms and reads; the admins then count one reader', async () => {
    const { page } = app
    // The member has confirmed version 1.
    await page.goto(`${app.runtime.url}/${ROUTES.rules}?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-member')
    await click(page, '#rules-acknowledge')
    await expectText(page, '#rules-acknowledged', '你已确认第 1 版群规')

    await page.goto(`${app.runtime.url}/packages/admin/pages/announcements/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-admin')
    await fill(page, '#announcement-title', '本周共读改到周日')
    await fill(page, '#announcement-body', '周日上午十点，图书馆三楼。')
    await click(page, '#announcement-post')
    await expectText(page, '#announcements-list', '本周共读改到周日')

    await page.goto(`${app.runtime.url}/packages/admin/pages/rules/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#rules-version', '当前：第 1 版')
    const clauses = await visible(page, '#rules-editor-text textarea').inputValue()
    await fill(page, '#rules-editor-text', `${clauses}\n周日共读改在上午十点。`)
    await click(page, '#rules-publish')
    await expectText(page, '#rules-version', '当前：第 2 版')

    // The member: the group home says what is new.
    await page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-member')
    await expectText(page, '#rules-banner', '群规已更新，请确认')
    await expectText(page, '#entry-announcements-badge', '3')
    await page.goto(`${app.runtime.url}/${ROUTES.inbox}`)
    await expectText(page, `#board-notice-${DEMO_GROUP_ID}`, '3 条新公告 · 群规待确认')

    // Reading the announcements marks them read.
    await page.goto(`${app.runtime.url}/${ROUTES.announcements}?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#announcements', '本周共读改到周日')
    let reads = 0
    for (let i = 0; i < 100 && reads < 3; i++) {
      reads = await app.store.count('announcementReads', { groupId: DEMO_GROUP_ID })
      if (reads < 3) await page.waitForTimeout(100)
    }
    expect(reads).toBe(3)

    // The banner leads to the rules; confirming there clears it.
    await page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#rules-banner-confirm')
    await expectText(page, '#rules-changes', '新增周日共读改在上午十点。')
    await click(page, '#rules-acknowledge')
    await expectText(page, '#rules-acknowledged', '你已确认第 2 版群规')
    await page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#entry-announcements', '公告')
    expect(await page.locator('#rules-banner >> visible=true').count()).toBe(0)
    expect(await page.locator('#entry-announcements-badge >> visible=true').count()).toBe(0)

    // The admins see the reader.
    await page.goto(`${app.runtime.url}/packages/admin/pages/announcements/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-admin')
    await expectText(page, '#announcements-list', '已读 1/20')
  })

  it('a link with the path a page had before it moved into a subpackage (an old inbox message) opens it where it is now', async () => {
    const { page } = app
    await page.goto(`${app.runtime.url}/pages/announcements/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-member')
    await expectText(page, '#announcements', '本月共读')
    expect(new URL(page.url()).pathname).toBe(`/${ROUTES.announcements}`)
    expect(new URL(page.url()).searchParams.get('id')).toBe(DEMO_GROUP_ID)
  })
})
