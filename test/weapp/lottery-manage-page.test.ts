/**
 * @jest-environment jsdom
 */
/**
 * The built manage page (dist/weapp/packages/admin/pages/lottery-manage/index) in miniprogram-simulate, on the
 * real handlers: the admin sees the live count and the entrants, draws after confirming, sees the winners
 * with their claim status and contact details, and exports the winners CSV as a link to copy; cancelling needs a reason. Needs
 * `npm run build:weapp` first.
 */
import { claimLotteryPrize } from '../../contracts/lottery'
import { readLocalExport } from '../../platform/export-files-local'
import { setUpWeappPages } from './backend'
import { ADMIN, MEMBER, OTHERS, lotteries } from './lottery-fixture'

const PAGE = 'packages/admin/pages/lottery-manage/index'
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

function csvBehind(link: string): string {
  const url = new URL(link, 'http://localhost')
  const file = readLocalExport(url.pathname.replace('/exports/', ''), url.searchParams.get('exp'), url.searchParams.get('sig'), new Date())
  if (!file) throw new Error(`no export behind ${link}`)
  return file.content
}

describe('weapp lottery manage page', () => {
  const weapp = setUpWeappPages()

  it('shows entrants, draws after a confirmation, lists winners with contacts, copies the CSV', async () => {
    const fx = lotteries(weapp.backend)
    const lottery = await fx.create({ title: '管理页测试', prizes: [{ name: '签名本', quantity: 1 }, { name: '书签', quantity: 2 }] })
    await fx.enter(MEMBER, lottery.id)
    await fx.enter(OTHERS[0], lottery.id)

    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText('#manage-entrant-count', '2')
    await page.waitForText('#manage-entrants', '李娜-郑州-小学教师')
    expect(page.text('#manage-entrants')).toContain('张伟-洛阳-软件工程师')
    expect(page.text('#manage-entrants')).toContain('参与者（2）')

    page.tap('#manage-draw')
    await page.waitForText('#manage-confirm-question', '现在开奖？')
    expect(page.calls.some((call) => (call.data as { action: string }).action === 'draw')).toBe(false)
    page.tap('#manage-confirm-yes')
    await page.waitForText('#manage-phase', '已开奖')
    expect(page.text('#manage-notice')).toBe('已开奖')
    await page.waitForText('#manage-winners', '李娜-郑州-小学教师')
    expect(page.text('#manage-winners')).toContain('尚未填写领奖信息')
    expect(page.query('#manage-cancel')).toBeNull()

    // The member claims; the admin reopens and sees the contact details.
    await fx.call(MEMBER, claimLotteryPrize, { lotteryId: lottery.id, name: '李娜', phone: '13800001234', address: '', note: '周末在家' })
    page.unload()
    const again = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await again.waitForText('#manage-winners', '李娜 · 13800001234')
    expect(again.text('#manage-winners')).toContain('已领奖')
    expect(again.text('#manage-winners')).toContain('周末在家')

    again.tap('#manage-export-winners')
    await again.waitForText('#manage-export-notice', '已生成')
    expect(again.text('#manage-export-notice')).toMatch(new RegExp(`^已生成 lottery-${lottery.id}-winners\\.csv（[23] 行）$`))
    const exported = again.calls.find((call) => (call.data as { action: string }).action === 'exportCsv')
    expect(exported?.data).toEqual({ action: 'exportCsv', input: { lotteryId: lottery.id, kind: 'winners' } })
    // WeChat: the link to copy (no in-place download); it serves the CSV with the claimed contact.
    expect(again.query('#manage-export-download')).toBeNull()
    expect(again.query('#manage-export-copy')).not.toBeNull()
    const csv = csvBehind(again.text('#manage-export-link'))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('13800001234')
  })

  it('cancels only with a reason', async () => {
    const lottery = await lotteries(weapp.backend).create({ title: '要取消的抽奖' })
    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText('#manage-cancel', '取消抽奖')
    page.tap('#manage-cancel')
    await page.waitForText('#manage-confirm-question', '确定取消这次抽奖？')
    page.tap('#manage-confirm-yes')
    await page.waitForText('#manage-action-error', '请填写取消原因')
    page.input('#manage-cancel-reason', '奖品缺货')
    await settle()
    page.tap('#manage-confirm-yes')
    await page.waitForText('#manage-phase', '已取消')
    expect(page.text('#manage-view')).toContain('原因：奖品缺货')
  })
})
