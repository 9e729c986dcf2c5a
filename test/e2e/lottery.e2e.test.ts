/**
 * End to end in real headless Chromium on the local runtime (H5 build, real handlers on SQLite, the demo
 * community; server and browser clocks fixed at 2026-11-23 10:00 Shanghai): an admin creates a weighted
 * lottery on the phone (the first prize with an uploaded picture, then shown on the lottery page), members enter (two through the app, one more through the API), the admin draws after
 * confirming, a winner claims with contact details, and another member — who did not enter — opens the result
 * and 「验证开奖」 recomputes commitment, digest and winners in the browser and passes.
 * Needs `npm run build:h5` first (npm test does it).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { LotteryView } from '../../contracts/lottery'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'

/** A plain member of the demo group who is no persona: the one who checks the draw. */
const ANOTHER_MEMBER = 'o_demo_m07'
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe('a verifiable lottery in the H5 app (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })

  async function api<T>(openid: string, action: string, input: object): Promise<T> {
    const response = await fetch(`${app.runtime.url}/api/lottery`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': openid },
      body: JSON.stringify({ action, input }),
    })
    const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } }
    if (!body.ok) throw new Error(`lottery.${action}: ${body.error?.message}`)
    return body.data
  }

  it('admin creates a weighted lottery, members enter, the admin draws, a winner claims, another member verifies the draw', async () => {
    const page = app.page
    await page.clock.setFixedTime(FIXED_NOW)

    // The admin creates it from the group's lottery list.
    await page.goto(`${app.runtime.url}/packages/lottery/pages/list/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-admin')
    await click(page, '#lottery-create')
    await fill(page, '#create-title', '十二月打卡之星')
    await fill(page, '#create-description', '打卡越多，机会越大。')
    await fill(page, '#create-tier-0-name', 'Kindle 电子书阅读器')
    // A picture of the first prize, uploaded from the form.
    const chooser = page.waitForEvent('filechooser')
    await click(page, '#create-tier-0-image-add')
    await (await chooser).setFiles({ name: 'kindle.png', mimeType: 'image/png', buffer: PNG_1x1 })
    await visible(page, '#create-tier-0-image-remove').waitFor({ state: 'visible', timeout: 15000 })
    await click(page, '#create-add-tier')
    await fill(page, '#create-tier-1-name', '读书会定制书签')
    await click(page, '#create-tier-1-quantity-plus')
    await expectText(page, '#create-tier-1-quantity-value', '2 份')
    await click(page, '#create-weighted')
    await expectText(page, '#create-max-tickets-value', '5 张')
    await click(page, '#create-rule-manual')
    await click(page, '#create-submit')
    await page.waitForURL(/\/packages\/admin\/pages\/lottery-manage\/index\?id=lot_[a-f0-9]{24}/, { timeout: 15000 })
    const lotteryId = new URL(page.url()).searchParams.get('id')!
    await expectText(page, '#manage-phase', '进行中')
    await expectText(page, '#manage-entrant-count', '0')

    // The admin (a member too) enters from the member page.
    await click(page, '#manage-open-member-page')
    await expectText(page, '#lottery-title', '十二月打卡之星')
    // The first prize shows its picture, through a signed local link.
    const prizeImage = visible(page, '.lottery-prize__image img')
    await prizeImage.waitFor({ state: 'visible', timeout: 15000 })
    expect((await prizeImage.getAttribute('src')) ?? '').toMatch(/^\/photos\/[a-f0-9]{32}\.png\?exp=\d+&sig=[a-f0-9]{64}$/)
    await expectText(page, '#lottery-odds', '最多 5 张')
    const commitment = (await visible(page, '#lottery-commitment-value').innerText()).trim()
    expect(commitment).toMatch(/^[0-9a-f]{64}$/)
    await click(page, '#lottery-enter')
    await expectText(page, '#lottery-my-entry', '你已参加')

    // The member enters too; their tickets follow their check-ins this week.
    await click(page, '#persona-member')
    await expectText(page, '#lottery-will-get', '参加后你有')
    await click(page, '#lottery-enter')
    await expectText(page, '#lottery-my-entry', '你已参加')
    await expectText(page, '#lottery-entrants', '已有 2 人参与')
    // A third member enters from their own phone (here: the API, with a device nonce of their own).
    await api('o_demo_m05', 'enter', { lotteryId, nonce: randomBytes(16).toString('hex') })

    // The admin draws: a confirmation first, then the result.
    await page.goto(`${app.runtime.url}/packages/admin/pages/lottery-manage/index?id=${lotteryId}`)
    await click(page, '#persona-admin')
    await expectText(page, '#manage-entrant-count', '3')
    await click(page, '#manage-draw')
    await expectText(page, '#manage-confirm-question', '现在开奖？')
    await click(page, '#manage-confirm-yes')
    await expectText(page, '#manage-phase', '已开奖')
    await expectText(page, '#manage-winners', '李娜-郑州-小学教师')
    // The entrant list exports as a CSV download, UTF-8 with a byte-order mark.
    const download = page.waitForEvent('download')
    await click(page, '#manage-export-entrants')
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.csv$/)
    const csv = fs.readFileSync((await file.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('李娜-郑州-小学教师')
    expect(csv.trim().split('\r\n')).toHaveLength(4)

    // Three entrants, three prizes: the member won, and claims.
    await page.goto(`${app.runtime.url}/packages/lottery/pages/lottery/index?id=${lotteryId}`)
    await click(page, '#persona-member')
    await expectText(page, '#lottery-won', '恭喜！你抽中了')
    await fill(page, '#claim-name', '李娜')
    await fill(page, '#claim-phone', '13800001234')
    await click(page, '#claim-submit')
    await expectText(page, '#lottery-claimed', '已领奖')
    const view = await api<LotteryView>(personaOpenid('member'), 'get', { lotteryId })
    expect(view.myWin?.status).toBe('claimed')
    expect(view.weighting).toEqual({ maxTickets: 5 })
    expect(view.drawRule).toEqual({ kind: 'manual' })

    // Another member, who did not enter, opens the result on their phone and verifies it there.
    await page.route('**/api/**', (route) => route.continue({ headers: { ...route.request().headers(), 'x-wx-openid': ANOTHER_MEMBER } }))
    await page.reload()
    await expectText(page, '#lottery-not-won', '你没有参加这次抽奖')
    await expectText(page, '#lottery-results', '一等奖 · Kindle 电子书阅读器')
    expect(await visible(page, '#lottery-results').innerText()).not.toContain('李娜')
    await click(page, '#lottery-verify-button')
    await expectText(page, '#lottery-verify-verdict', '验证通过')
    await expectText(page, '#lottery-check-commitment', '✓')
    await expectText(page, '#lottery-check-digest', '✓')
    await expectText(page, '#lottery-check-round-0', '✓')
    expect(await visible(page, '#lottery-verify-result').innerText()).not.toContain('✗')
    expect((await visible(page, '#lottery-commitment-value').innerText()).trim()).toBe(commitment)
    await page.unroute('**/api/**')
  })
})
