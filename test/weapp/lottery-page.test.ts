/**
 * @jest-environment jsdom
 */
/**
 * The built lottery page (dist/weapp/packages/lottery/pages/lottery/index) in miniprogram-simulate, on the
 * real handlers and the demo community: a member reads an open weighted lottery (prizes by tier, rules, odds,
 * countdown, commitment) and enters with a nonce from `wx.getRandomValues`; a member short of check-ins is
 * told how many are missing; after the draw a winner claims and 验证开奖 recomputes the draw on the device;
 * a cancelled lottery says why. Needs `npm run build:weapp` first.
 */
import { dayKeyAt, shiftDay } from '../../domain/days'
import { setUpWeappPages } from './backend'
import { MEMBER, OTHERS, lotteries } from './lottery-fixture'

const PAGE = 'packages/lottery/pages/lottery/index'
const TIMEZONE = 'Asia/Shanghai'

type WxGlobal = { getRandomValues?: (option: { length: number; success: (res: { randomValues: ArrayBuffer }) => void }) => void }

describe('weapp lottery page', () => {
  const weapp = setUpWeappPages()
  const today = dayKeyAt(new Date(), TIMEZONE)
  const week = { from: shiftDay(today, -6), to: today }

  afterEach(() => {
    delete ((globalThis as unknown as { wx?: WxGlobal }).wx ?? {}).getRandomValues
  })

  it('shows an open weighted lottery and enters with 16 bytes from wx.getRandomValues', async () => {
    const lottery = await lotteries(weapp.backend).create({ weighting: { maxTickets: 5 }, eligibility: { minCheckins: 0, period: week, joinedBefore: null } })
    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-title', '坚持打卡抽好书')
    expect(page.text('#lottery-phase')).toBe('进行中')
    expect(page.text('#lottery-prizes')).toMatch(/一等奖《活着》签名本1 份二等奖读书会书签5 份/)
    expect(page.text('#lottery-rule')).toBe('截止后由管理员开奖')
    expect(page.text('#lottery-odds')).toContain('最多 5 张')
    expect(page.text('#lottery-countdown')).toMatch(/距截止参与2 天 23:5\d:\d\d/)
    expect(page.text('#lottery-commitment-value')).toBe(lottery.commitment)
    expect(lottery.commitment).toMatch(/^[0-9a-f]{64}$/)
    expect(page.text('#lottery-entrants')).toBe('已有 0 人参与')
    const tickets = lottery.myEntry.tickets
    expect(page.text('#lottery-will-get')).toMatch(/参加后你有 \d+ 张抽奖券/)

    const bytes = Array.from({ length: 16 }, (_, i) => i * 17)
    const wx = (globalThis as unknown as { wx: WxGlobal }).wx
    wx.getRandomValues = ({ length, success }) => success({ randomValues: new Uint8Array(bytes.slice(0, length)).buffer })
    page.tap('#lottery-enter')
    await page.waitForText('#lottery-my-entry', '你已参加')
    const enter = page.calls.find((call) => (call.data as { action: string }).action === 'enter')
    expect(enter?.data).toEqual({ action: 'enter', input: { lotteryId: lottery.id, nonce: '00112233445566778899aabbccddeeff' } })
    expect(page.text('#lottery-entrants')).toBe('已有 1 人参与')
    expect(page.text('#lottery-my-entry')).toMatch(/持有 \d+ 张抽奖券/)
    expect(page.query('#lottery-enter')).toBeNull()
    void tickets
  })

  it('tells a member short of check-ins how many are missing, and offers no button', async () => {
    const lottery = await lotteries(weapp.backend).create({ title: '满勤奖', eligibility: { minCheckins: 60, period: { from: shiftDay(today, -60), to: today }, joinedBefore: null } })
    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    const reason = await page.waitForText('#lottery-ineligible', '还差')
    expect(reason).toMatch(/^还差 \d+ 次打卡/)
    expect(page.query('#lottery-enter')).toBeNull()
    expect(page.text('#lottery-eligibility')).toContain('打卡满 60 次')
  })

  it('after the draw: winners by tier, fewer entrants than prizes said, the winner claims, and 验证开奖 passes', async () => {
    const fx = lotteries(weapp.backend)
    const lottery = await fx.create({ title: '周末共读抽奖', weighting: { maxTickets: 3 }, eligibility: { minCheckins: 0, period: week, joinedBefore: null } })
    await fx.enter(MEMBER, lottery.id)
    await fx.enter(OTHERS[0], lottery.id)
    await fx.draw(lottery.id)

    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-phase', '已开奖')
    // Two entrants, six prizes: both win, and the page says four were not given.
    expect(page.text('#lottery-fewer')).toContain('只抽出了 2 份奖品，其余 4 份没有送出')
    expect(page.text('#lottery-results')).toContain('一等奖 · 《活着》签名本')
    expect(page.text('#lottery-results')).toContain('我')
    expect(page.text('#lottery-results')).toMatch(/李\*+/)
    expect(page.text('#lottery-results')).not.toContain('李娜')
    await page.waitForText('#lottery-won', '恭喜！你抽中了')
    expect(page.text('#lottery-claim-deadline')).toMatch(/请在 \d\d-\d\d \d\d:\d\d 前填写领奖信息/)

    page.input('#claim-name', '李娜')
    page.input('#claim-phone', '13800001234')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#claim-submit')
    await page.waitForText('#lottery-claimed', '已领奖')

    page.tap('#lottery-verify-button')
    await page.waitForText('#lottery-verify-verdict', '验证通过')
    expect(page.text('#lottery-check-commitment')).toBe('✓承诺值（种子的 SHA-256）一致')
    expect(page.text('#lottery-check-digest')).toBe('✓参与名单摘要一致')
    expect(page.text('#lottery-check-round-0')).toBe('✓开奖的中奖名单一致')
    expect(page.text('#lottery-seed')).toMatch(/^[0-9a-f]{64}$/)
    expect(page.calls.filter((call) => (call.data as { action: string }).action === 'getDraw')).toHaveLength(1)
  })

  it('says a cancelled lottery was cancelled, and why', async () => {
    const fx = lotteries(weapp.backend)
    const lottery = await fx.create({ title: '临时取消的抽奖' })
    await fx.cancel(lottery.id, '奖品缺货，下周重新发起')
    const page = await weapp.open(PAGE, { query: { id: lottery.id }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-cancelled', '抽奖已取消')
    expect(page.text('#lottery-cancelled')).toContain('原因：奖品缺货，下周重新发起')
    expect(page.query('#lottery-enter')).toBeNull()
    expect(page.query('#lottery-verify-button')).toBeNull()
  })
})
