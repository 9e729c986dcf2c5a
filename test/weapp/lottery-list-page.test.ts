/**
 * @jest-environment jsdom
 */
/**
 * The built lottery list (dist/weapp/packages/lottery/pages/list/index) in miniprogram-simulate, on the real
 * handlers: a member sees the open, drawn and cancelled lotteries under their tabs (newest first), and no
 * 发起抽奖; an admin gets 发起抽奖. Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ADMIN, MEMBER, lotteries } from './lottery-fixture'

const PAGE = 'packages/lottery/pages/list/index'

describe('weapp lottery list page', () => {
  const weapp = setUpWeappPages()

  it('lists each tab’s lotteries for a member, newest first', async () => {
    const fx = lotteries(weapp.backend)
    const first = await fx.create({ title: '第一期：坚持打卡抽好书' })
    const second = await fx.create({ title: '第二期：周末共读', prizes: [{ name: '书签', quantity: 1 }] })
    const drawn = await fx.create({ title: '上周抽奖' })
    await fx.enter(MEMBER, drawn.id)
    await fx.draw(drawn.id)
    const cancelled = await fx.create({ title: '取消的抽奖' })
    await fx.cancel(cancelled.id, '奖品缺货')

    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-list', '第一期')
    expect(page.text('#lottery-list')).toMatch(/第二期：周末共读.*第一期：坚持打卡抽好书/)
    expect(page.text(`#lottery-item-${first.id}`)).toContain('《活着》签名本 等 6 份奖品')
    expect(page.text(`#lottery-item-${second.id}`)).toContain('书签')
    expect(page.text(`#lottery-item-${first.id}`)).toMatch(/\d\d-\d\d \d\d:\d\d 截止参与/)
    expect(page.text('#lottery-list')).not.toContain('上周抽奖')
    expect(page.query('#lottery-create')).toBeNull()

    page.tap('#lottery-tab-drawn')
    await page.waitForText('#lottery-list', '上周抽奖')
    expect(page.text(`#lottery-item-${drawn.id}`)).toMatch(/开奖 · 1 人参与/)
    expect(page.text('#lottery-list')).not.toContain('第一期')

    page.tap('#lottery-tab-cancelled')
    await page.waitForText(`#lottery-item-${cancelled.id}`, '已取消')
    expect(page.calls.map((call) => (call.data as { input: { filter: string } }).input.filter)).toEqual(['open', 'drawn', 'cancelled'])
  })

  it('gives an admin 发起抽奖, and opens on the tab the link names', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID, filter: 'cancelled' }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText('#lottery-create', '发起抽奖')
    expect(page.calls[0].data).toEqual({ action: 'list', input: { groupId: DEMO_GROUP_ID, filter: 'cancelled' } })
  })
})
