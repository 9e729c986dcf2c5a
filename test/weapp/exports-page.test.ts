/**
 * @jest-environment jsdom
 */
/**
 * The built exports page (dist/weapp/packages/admin/pages/exports/index) in miniprogram-simulate, on the real
 * handlers and the demo community: an admin exports the members and the check-ins of a picked range, and gets
 * the link to copy (WeChat cannot open a CSV in place); the link serves the CSV the export says; the demo's
 * drawn lottery is listed and its winners export the same way; a member is refused. Needs `npm run build:weapp` first.
 */
import { readLocalExport } from '../../platform/export-files-local'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { listLotteries, type LotteryList } from '../../contracts/lottery'
import { setUpWeappPages } from './backend'
import { lotteries } from './lottery-fixture'

const PAGE = 'packages/admin/pages/exports/index'

function csvBehind(link: string): string {
  const url = new URL(link, 'http://localhost')
  const file = readLocalExport(url.pathname.replace('/exports/', ''), url.searchParams.get('exp'), url.searchParams.get('sig'), new Date())
  if (!file) throw new Error(`no export behind ${link}`)
  return file.content
}

describe('weapp exports page', () => {
  const weapp = setUpWeappPages()

  it('exports the members: the file, its rows and the link to copy', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#export-members-card', '成员与活跃度')
    page.tap('#export-members')
    const ready = await page.waitForText('#export-file', '已生成')
    expect(ready).toMatch(/^已生成 早起读书会·郑州3群-成员-\d{4}-\d{2}-\d{2}\.csv（20 行）$/)
    const link = page.text('#export-link')
    const csv = csvBehind(link)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(21)
    expect(csv).toContain('李娜-郑州-小学教师')
    // WeChat: copy the link (no in-place download).
    expect(page.query('#export-download')).toBeNull()
    expect(page.query('#export-copy')).not.toBeNull()
  })

  it('exports the check-ins of the picked range', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#export-from', '开始日期')
    const to = page.text('#export-to-value')
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const from = `${to.slice(0, 8)}01`
    page.change('#export-from-picker', from)
    await page.waitForText('#export-from-value', from)
    page.tap('#export-checkins')
    await page.waitForText('#export-file', '打卡记录')
    const sent = page.calls.map((c) => c.data as { action: string; input: unknown }).find((c) => c.action === 'exportCheckins')
    expect(sent?.input).toEqual({ groupId: DEMO_GROUP_ID, from, to })
    const csv = csvBehind(page.text('#export-link'))
    const days = csv.split('\r\n').slice(1).map((line) => /\b\d{4}-\d{2}-\d{2}\b/.exec(line)?.[0]).filter((day): day is string => day !== undefined)
    expect(days.length).toBeGreaterThan(0)
    for (const day of days) expect(day >= from && day <= to).toBe(true)
  })

  it('lists the drawn lotteries and exports one’s winners as a link', async () => {
    const admin = weapp.backend.callFunctionAs(personaOpenid('admin'))
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: admin })
    // The demo's drawn lottery is listed; the open one is not.
    await page.waitForText('#export-lotteries-card', '坚持打卡抽好书')
    expect(page.text('#export-lotteries-card')).not.toContain('打卡达人周抽奖')
    const drawn = (await lotteries(weapp.backend).call(personaOpenid('admin'), listLotteries, { groupId: DEMO_GROUP_ID, filter: 'drawn' })) as LotteryList
    const lotteryId = drawn.items[0].id
    expect(page.text(`#export-lottery-${lotteryId}`)).toContain('坚持打卡抽好书')
    page.tap(`#export-winners-${lotteryId}`)
    await page.waitForText('#export-file', `lottery-${lotteryId}-winners.csv（3 行）`)
    const sent = page.calls.map((c) => c.data as { action: string; input: unknown }).find((c) => c.action === 'exportCsv')
    expect(sent?.input).toEqual({ lotteryId, kind: 'winners' })
    const csv = csvBehind(page.text('#export-link'))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4)
    expect(csv).toContain('已领奖')
    expect(page.query('#export-copy')).not.toBeNull()
  })

  it('shows a member the refusal', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#export-members-card', '成员与活跃度')
    page.tap('#export-members')
    await page.waitForText('#export-error', '没有权限')
    expect(page.query('#export-result')).toBeNull()
  })
})
