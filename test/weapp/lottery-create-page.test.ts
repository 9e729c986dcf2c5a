/**
 * @jest-environment jsdom
 */
/**
 * The built create page (dist/weapp/packages/admin/pages/lottery-create/index) in miniprogram-simulate, on the
 * real handlers: an admin fills title and two tiers, turns weighting on with a cap, picks the count rule,
 * publishes — and a second tap (a retry) returns the same lottery, not a second one; a member is told only
 * admins may create. Needs `npm run build:weapp` first.
 */
import { listLotteries, type LotteryList } from '../../contracts/lottery'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ADMIN, MEMBER, lotteries } from './lottery-fixture'

const PAGE = 'packages/admin/pages/lottery-create/index'
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('weapp lottery create page', () => {
  const weapp = setUpWeappPages()

  it('publishes a weighted lottery with two tiers; a retried tap returns the first lottery', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText('#lottery-create-form', '发布抽奖')
    expect(page.text('#create-window')).toContain('发布后立即开始')
    // Each tier offers an optional picture (uploading needs a device: here nothing is picked).
    expect(page.text('#create-tier-0-image-add')).toContain('添加奖品图片')
    page.input('#create-title', '十一月打卡之星')
    page.input('#create-tier-0-name', 'Kindle 电子书阅读器')
    page.tap('#create-add-tier')
    await page.waitForText('#create-prizes', '二等奖')
    expect(page.text('#create-tier-1-image-add')).toContain('添加奖品图片')
    page.input('#create-tier-1-name', '读书会定制书签')
    // Two quick taps both count.
    page.tap('#create-tier-1-quantity-plus')
    page.tap('#create-tier-1-quantity-plus')
    await page.waitForText('#create-tier-1-quantity-value', '3 份')
    page.change('#create-weighted', true)
    await page.waitForText('#create-eligibility', '每人最多')
    page.tap('#create-max-tickets-plus')
    await page.waitForText('#create-max-tickets-value', '6 张')
    page.tap('#create-rule-count')
    await page.waitForText('#create-rule', '满多少人开奖')
    page.input('#create-count', '12')
    await page.waitForText('#create-count-counter', '2/3')
    await page.waitForText('#create-title-counter', '7/40')

    // Publish, then tap again once the first answer is in (a retry): the same request id goes out twice.
    const creates = () => page.calls.filter((call) => (call.data as { action: string }).action === 'create')
    page.tap('#create-submit')
    for (let waited = 0; creates().length < 2 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      page.tap('#create-submit')
    }
    await settle()

    const inputs = creates().map((call) => (call.data as { input: Record<string, unknown> }).input)
    expect(inputs.length).toBeGreaterThanOrEqual(2)
    expect(inputs[1]).toEqual(inputs[0])
    expect(inputs[0]).toMatchObject({
      groupId: DEMO_GROUP_ID,
      title: '十一月打卡之星',
      prizes: [{ name: 'Kindle 电子书阅读器', quantity: 1 }, { name: '读书会定制书签', quantity: 3 }],
      drawRule: { kind: 'count', count: 12 },
      weighting: { maxTickets: 6 },
      eligibility: { minCheckins: 0, joinedBefore: null },
    })
    expect((inputs[0].eligibility as { period: unknown }).period).not.toBeNull()
    // No picture picked: no imageId sent for either tier.
    for (const prize of inputs[0].prizes as object[]) expect(prize).not.toHaveProperty('imageId')
    const list = await lotteries(weapp.backend).call(ADMIN, listLotteries, { groupId: DEMO_GROUP_ID, filter: 'open' }) as LotteryList
    expect(list.items.filter((item) => item.title === '十一月打卡之星')).toHaveLength(1)
    expect(page.text('#create-error')).toBe('')
  })

  it('says what is missing before sending', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(ADMIN) })
    await page.waitForText('#lottery-create-form', '发布抽奖')
    page.input('#create-title', '没有奖品名')
    await settle()
    page.tap('#create-submit')
    await page.waitForText('#create-error', '请填写每个奖项的奖品名称')
    expect(page.calls.filter((call) => (call.data as { action: string }).action === 'create')).toEqual([])
  })

  it('tells a member only admins create lotteries', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-create-admins-only', '仅群主和管理员可以发起抽奖')
    expect(page.query('#lottery-create-form')).toBeNull()
  })
})
