/**
 * @jest-environment jsdom
 */
/**
 * The group page's lottery card in the built weapp (dist/weapp/pages/group/index): a member sees the open
 * lottery and the link to the list; a visitor sees no card and no lottery request is made. Needs
 * `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { MEMBER, lotteries } from './lottery-fixture'

describe('weapp group page: lottery card', () => {
  const weapp = setUpWeappPages()

  it('shows a member the open lottery, the newest first, and the link to all lotteries', async () => {
    // The demo community has this week's open lottery.
    const page0 = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page0.waitForText('#lottery-card-title', '打卡达人周抽奖')
    expect(page0.text('#lottery-card-all')).toContain('全部抽奖')
    page0.unload()

    await lotteries(weapp.backend).create({ title: '周末加场：共读抽奖' })
    const page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(MEMBER) })
    await page.waitForText('#lottery-card-title', '周末加场：共读抽奖')
    expect(page.text('#lottery-card-open')).toContain('《活着》签名本 等 6 份奖品')
    expect(page.text('#lottery-card-open')).toContain('进行中')
    expect(page.calls.find((call) => call.name === 'lottery')?.data).toEqual({ action: 'list', input: { groupId: DEMO_GROUP_ID, filter: 'open' } })
  })

  it('shows a visitor no card and asks nothing of the lottery function', async () => {
    const page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')) })
    await page.waitForText('#group-viewer-role', '你还不是本群成员')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(page.query('#lottery-card')).toBeNull()
    expect(page.calls.filter((call) => call.name === 'lottery')).toEqual([])
  })
})
