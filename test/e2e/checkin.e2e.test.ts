/**
 * End to end in real headless Chromium on the local runtime (H5 build, real handlers on SQLite, the
 * server's clock fixed at 2026-11-23 10:00 Shanghai): a member opens the group, goes to 打卡, reads today's
 * task, checks in with a note and a photo, sees 打卡成功 with the new streak, the streak, the calendar and
 * today's feed update, and opens the photo full screen; an
 * admin publishes new rules and the member sees what changed and acknowledges.
 * Needs `npm run build:h5` first (npm test does it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'
import { ROUTES } from '../../contracts/routes'

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe('daily check-in in the H5 app (Chromium)', () => {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-uploads-'))
  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }))
  const app = useH5App({ now: () => FIXED_NOW, uploadDir })

  it('a member reads today’s task, checks in with a note and a photo, and sees streak, calendar and feed update', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#group-viewer-role', '成员')
    await click(app.page, '#entry-checkin')

    await expectText(app.page, '#today-task-title', '《活着》第 7 天：家珍')
    await expectText(app.page, '#streak-current', '连续 5 天')
    expect(await visible(app.page, '#calendar-day-2026-11-23').getAttribute('data-state')).toBe('empty')
    expect(await visible(app.page, '#calendar-day-2026-11-22').getAttribute('data-state')).toBe('checked')
    const countBefore = await visible(app.page, '#feed-count').innerText()

    await fill(app.page, '#checkin-note', '家珍走得很平静，福贵说她“死得很好”。')
    const chooser = app.page.waitForEvent('filechooser')
    await click(app.page, '#photo-add')
    await (await chooser).setFiles({ name: 'app.page.png', mimeType: 'image/png', buffer: PNG_1x1 })
    await visible(app.page, '#photo-remove').waitFor({ state: 'visible', timeout: 15000 })
    await click(app.page, '#checkin-button')

    // The moment: 打卡成功 with the new streak, over the page until tapped away.
    await expectText(app.page, '#checkin-success-title', '打卡成功')
    await expectText(app.page, '#checkin-success-streak', '已连续打卡 6 天')
    await click(app.page, '#checkin-success-close')
    await app.page.locator('#checkin-success').waitFor({ state: 'detached', timeout: 15000 })

    await expectText(app.page, '#checkin-done', '今日已打卡')
    await expectText(app.page, '#checkin-done-note', '死得很好')
    await expectText(app.page, '#streak-current', '连续 6 天')
    await expectText(app.page, '#streak-total', '累计 10 天')
    await app.page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('#calendar-day-2026-11-23')) as HTMLElement[]
      return cells.some((cell) => cell.offsetParent !== null && cell.getAttribute('data-state') === 'checked')
    }, undefined, { timeout: 15000 })
    await expectText(app.page, '#today-feed', '李娜-郑州-小学教师')
    await expectText(app.page, '#today-feed', '死得很好')
    expect(await visible(app.page, '#feed-count').innerText()).not.toBe(countBefore)
    expect(fs.readdirSync(uploadDir)).toHaveLength(1)
    const photo = visible(app.page, '#checkin-done img')
    // Shown through a short-lived signed link the view issued (no public uploads folder), which serves the image.
    const src = (await photo.getAttribute('src')) ?? ''
    expect(src).toMatch(/^\/photos\/[a-f0-9]{32}\.png\?exp=\d+&sig=[a-f0-9]{64}$/)
    expect((await fetch(`${app.runtime.url}${src}`)).status).toBe(200)

    // Tapped, the photo opens full screen (components/image-viewer), and a tap closes it.
    await click(app.page, '#checkin-done-photo')
    const preview = app.page.locator('#image-viewer')
    await preview.waitFor({ state: 'visible', timeout: 15000 })
    expect(await preview.locator('img').first().getAttribute('src')).toContain(src.split('?')[0])
    await preview.click()
    await preview.waitFor({ state: 'detached', timeout: 15000 })
  })

  it('an admin publishes new rules; the member sees what changed and acknowledges', async () => {
    await app.page.goto(`${app.runtime.url}/${ROUTES.rules}?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    await click(app.page, '#rules-acknowledge')
    await expectText(app.page, '#rules-acknowledged', '你已确认第 1 版群规')

    // The editor is on the admins' own page (编辑群规).
    await click(app.page, '#persona-admin')
    await click(app.page, '#rules-manage')
    const editor = visible(app.page, '#rules-editor-text textarea')
    const current = await editor.inputValue()
    await editor.fill(`${current}\n每周日晚 8 点语音分享，自愿参加。`)
    await click(app.page, '#rules-publish')
    await expectText(app.page, '#rules-version', '第 2 版')

    await app.page.goto(`${app.runtime.url}/${ROUTES.rules}?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#rules-changes', '每周日晚 8 点语音分享')
    await expectText(app.page, '#rules-changes', '新增')
    await click(app.page, '#rules-acknowledge')
    await expectText(app.page, '#rules-acknowledged', '你已确认第 2 版群规')
  })
})
