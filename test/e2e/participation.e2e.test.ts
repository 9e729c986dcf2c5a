/**
 * Participation end to end in real headless Chromium on the local runtime (H5 build, real handlers on SQLite,
 * the demo community's month of check-ins closed by the tally, the server's clock fixed at 2026-11-23 10:00
 * Shanghai): the admin opens the dashboard from the group page, sees the three uCharts charts painted on their
 * canvases and the silent members, nudges one and removes another with a reason (each confirmed in Taro's
 * modal) — the removed member's inbox says why — and downloads the members CSV; a member opens the leaderboard, sees their own rank pinned, and
 * their progress toward the group's goal 「连续打卡 21 天送书 — 还差 16 天」.
 * Needs `npm run build:h5` first (npm test does it).
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'

/** Pixels of the visible canvas inside `selector` that are neither blank nor the chart's white background. */
async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = Array.from(document.querySelectorAll(`${sel} canvas`)).find((c) => (c as HTMLElement).offsetParent !== null) as HTMLCanvasElement | undefined
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240)) painted++
    return painted
  }, selector)
}

async function confirmModal(page: Page, title: string): Promise<void> {
  await expectText(page, '.taro-modal__title', title)
  await click(page, '.taro-model__confirm')
}

describe('participation in the H5 app (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })

  it('the admin sees the charts and the silent members, nudges one and removes another with a reason', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await click(app.page, '#entry-dashboard')

    await expectText(app.page, '#dashboard-group', '早起读书会·郑州3群')
    await expectText(app.page, '#dashboard-today-count', '人已打卡')
    await expectText(app.page, '#chart-rate-summary', '共 30 天')
    for (const chart of ['#chart-active', '#chart-rate', '#chart-new']) {
      await app.page.waitForFunction(
        (sel) => {
          const canvas = Array.from(document.querySelectorAll(`${sel} canvas`)).find((c) => (c as HTMLElement).offsetParent !== null) as HTMLCanvasElement | undefined
          if (!canvas) return false
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
          for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240)) return true
          return false
        },
        chart,
        { timeout: 15000 },
      )
      // A drawn chart, not a stray pixel: axes, labels and the series.
      expect(await paintedPixels(app.page, chart)).toBeGreaterThan(500)
    }

    await expectText(app.page, '#dashboard-inactive-title', '连续 7 天以上未打卡（4 人）')
    await expectText(app.page, '#inactive-0', '吴昊-郑州-大学生')
    await expectText(app.page, '#inactive-1', '孙鹏-郑州-律师')

    await click(app.page, '#nudge-0')
    await confirmModal(app.page, '提醒 吴昊-郑州-大学生？')
    await expectText(app.page, '#dashboard-message', '已提醒 1 人')
    await expectText(app.page, '#inactive-0', '已提醒')

    await fill(app.page, '#remove-reason', '连续 30 天未打卡，按群规移出')
    await click(app.page, '#remove-1')
    await confirmModal(app.page, '移出 孙鹏-郑州-律师？')
    await expectText(app.page, '#dashboard-message', '已移出 1 人')
    await expectText(app.page, '#dashboard-inactive-title', '（3 人）')
    expect(await visible(app.page, '#dashboard-inactive').innerText()).not.toContain('孙鹏')

    expect(await app.store.get('members', memberId(DEMO_GROUP_ID, 'o_demo_m12'))).toBeNull()
    const removedInbox = await app.store.find('inboxMessages', { where: { openid: 'o_demo_m12' }, limit: 10 })
    expect(removedInbox.map((m) => m.body).join('\n')).toContain('连续 30 天未打卡，按群规移出')
    const nudgedInbox = await app.store.find('inboxMessages', { where: { openid: 'o_demo_m10' }, limit: 10 })
    expect(nudgedInbox.map((m) => m.title)).toContain('「早起读书会·郑州3群」想你了')

    // Exports: in the browser the CSV is a download, with its Chinese intact behind the BOM.
    await click(app.page, '#dashboard-open-exports')
    const download = app.page.waitForEvent('download')
    await click(app.page, '#export-members')
    const file = await download
    expect(file.suggestedFilename()).toBe('早起读书会·郑州3群-成员-2026-11-23.csv')
    const csv = fs.readFileSync((await file.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('李娜-郑州-小学教师')
    expect(csv).not.toContain('孙鹏')
    await expectText(app.page, '#export-file', '（19 行）')
  })

  it('a member sees the leaderboard with their own rank, and their progress toward the goal', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#group-viewer-role', '成员')
    expect(await app.page.locator('#entry-dashboard >> visible=true').count()).toBe(0)
    await click(app.page, '#entry-leaderboard')

    await expectText(app.page, '#my-rank', '我的排名')
    await expectText(app.page, '#rank-row-0', '分')
    await click(app.page, '#period-streak')
    await expectText(app.page, '#rank-row-0', '周敏-郑州-社群运营')
    await expectText(app.page, '#rank-row-3', '张伟-洛阳-软件工程师')
    await expectText(app.page, '#my-rank-score', '连续 5 天')
    await expectText(app.page, '.ranking-row.is-viewer', '李娜-郑州-小学教师（我）')

    await click(app.page, '#my-rank')
    await expectText(app.page, '#progress-goal-text', '连续打卡 21 天送书 — 还差 16 天')
    await expectText(app.page, '#progress-goal-count', '5/21 天')
    await expectText(app.page, '#progress-streak-now', '当前连续 5 天')
  })
})
