/**
 * The group settings page end to end in real headless Chromium on the local runtime (H5 build, real handlers on
 * SQLite, the server's clock at 2026-11-23 10:00 Shanghai): an admin turns make-ups off and a member's check-in
 * page no longer offers them, then back on with a 1-day window and the member is offered yesterday only; the
 * owner moves the day start to 04:00 with the hour picker, reads in the confirmation which day it takes over,
 * and the change is scheduled from 2026-11-24 (the check-in already made today keeps its day).
 * Needs `npm run build:h5` first.
 */
import type { Page } from 'playwright-core'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { click, expectText, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'
import { ROUTES } from '../../contracts/routes'

const SETTINGS = `/packages/admin/pages/group-settings/index?id=${DEMO_GROUP_ID}`
const CHECKIN = `/${ROUTES.checkin}?id=${DEMO_GROUP_ID}`
/** The H5 picker's row height (Taro's weui picker). */
const ROW = 34

/** Open the picker whose shown value is `valueSelector`, drag its column `rows` rows up, and confirm. */
async function pick(page: Page, valueSelector: string, rows: number): Promise<void> {
  await click(page, valueSelector)
  const column = page.locator('.weui-picker__group:visible').first()
  await column.waitFor({ state: 'visible' })
  // The slide-up animation: wait until the column stops moving.
  await page.waitForTimeout(400)
  const box = (await column.boundingBox())!
  const x = box.x + box.width / 2
  // Start at the edge the drag moves away from: leaving the column ends the drag (mouseleave).
  const y = rows > 0 ? box.y + box.height - 10 : box.y + 10
  await page.mouse.move(x, y)
  await page.mouse.down()
  // Row by row, letting the column re-render between moves (it adds each move to its last drawn position).
  for (let row = 1; row <= Math.abs(rows); row++) {
    await page.mouse.move(x, y - Math.sign(rows) * row * ROW)
    await page.waitForTimeout(60)
  }
  // Half a row more, then let go: the column rounds to the nearest row.
  await page.mouse.move(x, y - Math.sign(rows) * (Math.abs(rows) + 0.4) * ROW)
  await page.waitForTimeout(60)
  await page.mouse.up()
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).first().click()
}

describe('group settings in the H5 app (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })

  it('an admin turns make-ups off, then on with a 1-day window: the member’s check-in page follows', async () => {
    await app.page.goto(`${app.runtime.url}${SETTINGS}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#gs-owner-only', '仅群主可修改时区、日界和人数上限')
    await expectText(app.page, '#gs-window', '最近 3 天')

    await click(app.page, '#gs-make-up-enabled')
    await click(app.page, '#gs-save')
    await expectText(app.page, '#gs-notice', '已保存')
    expect((await app.store.get('groups', DEMO_GROUP_ID))?.makeUp).toMatchObject({ enabled: false })

    await app.page.goto(`${app.runtime.url}${CHECKIN}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#streak-current', '连续')
    expect(await app.page.locator('#makeup').count()).toBe(0)

    await app.page.goto(`${app.runtime.url}${SETTINGS}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#gs-make-up', '允许补卡')
    await click(app.page, '#gs-make-up-enabled')
    await expectText(app.page, '#gs-window', '最近 3 天')
    await pick(app.page, '#gs-window', -2)
    await expectText(app.page, '#gs-window', '最近 1 天')
    await click(app.page, '#gs-save')
    await expectText(app.page, '#gs-notice', '已保存')
    expect((await app.store.get('groups', DEMO_GROUP_ID))?.makeUp).toEqual({ enabled: true, windowDays: 1, monthlyLimit: 2 })

    await app.page.goto(`${app.runtime.url}${CHECKIN}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#streak-current', '连续')
    // At most yesterday is offered now (the demo member has checked in the last days: maybe nothing at all).
    const offered = await app.page.locator('#makeup [id^="makeup-2"]').evaluateAll((nodes) => nodes.map((node) => node.id))
    expect(offered.every((id) => id === 'makeup-2026-11-22')).toBe(true)
    await expectText(app.page, '#makeup', '补卡（本月还可补')
  })

  it('the owner moves the day start to 04:00 with the hour picker; the confirmation says from which day', async () => {
    await app.page.goto(`${app.runtime.url}${SETTINGS}`)
    await click(app.page, '#persona-owner')
    await expectText(app.page, '#gs-day-start', '00:00')
    expect(await app.page.locator('#gs-owner-only').count()).toBe(0)
    await pick(app.page, '#gs-day-start', 4)
    await expectText(app.page, '#gs-day-start', '04:00')
    await click(app.page, '#gs-save')
    // Taro's modal: the plan, as the server made it.
    const modal = app.page.locator('.taro-modal__content').filter({ hasText: '修改打卡日？' }).first()
    await modal.waitFor({ state: 'visible', timeout: 10000 })
    const explanation = await modal.innerText()
    expect(explanation).toContain('今天（2026-11-23）照旧')
    expect(explanation).toContain('从 2026-11-24 起按 北京时间 每天 04:00 开始')
    expect(explanation).toContain('2026-11-24 这一天从 11-24 00:00（北京时间）到 11-25 04:00（北京时间），共 28 小时')
    await app.page.getByText('确定', { exact: true }).last().click()
    await expectText(app.page, '#gs-pending', '已安排：从 2026-11-24')
    expect(await app.store.get('groups', DEMO_GROUP_ID)).toMatchObject({ dayStartHour: 4, dayRuleChange: { fromDay: '2026-11-24', before: { dayStartHour: 0 } } })
    // Today is still 2026-11-23 for everyone.
    await app.page.goto(`${app.runtime.url}${CHECKIN}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#streak-current', '连续')
    expect(await visible(app.page, '#calendar-day-2026-11-23').count()).toBeGreaterThan(0)
  })
})
