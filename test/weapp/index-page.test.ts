/**
 * @jest-environment jsdom
 */
/**
 * The built home page (dist/weapp/pages/index/index) in miniprogram-simulate, calling the real
 * `group` function handlers on an in-memory SQLite store seeded with the demo community.
 * Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'

describe('weapp home page (我的社群)', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('lists the demo group for a member, and tapping it opens the group page', async () => {
    page = await weapp.open('pages/index/index', { callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#my-groups', '早起读书会·郑州3群')
    expect(page.text(`#my-group-${DEMO_GROUP_ID}`)).toContain('20 位成员')
    // What is new there: the demo's two announcements and the rules the member has not confirmed.
    expect(page.text(`#my-group-news-${DEMO_GROUP_ID}`)).toBe('2 条新公告 · 群规待确认')
    expect(page.text(`#my-group-badge-${DEMO_GROUP_ID}`)).toContain('2')
    expect(page.query('#my-groups-empty')).toBeNull()
    expect(page.calls).toEqual([{ name: 'group', data: { action: 'listMine', input: {} } }])

    const openedUrls: string[] = []
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    wx.navigateTo = (options: { url: string; success?: (result: object) => void }) => {
      openedUrls.push(options.url)
      options.success?.({ errMsg: 'navigateTo:ok' })
    }
    page.tap(`#my-group-${DEMO_GROUP_ID}`)
    await waitFor(() => openedUrls.length === 1, 5000, () => 'a navigateTo after tapping the group')
    expect(openedUrls).toEqual([`/pages/group/index?id=${DEMO_GROUP_ID}`])
  })

  it('shows the empty state to a visitor, and no dev-mode controls in the WeChat build', async () => {
    page = await weapp.open('pages/index/index', { callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')) })
    await page.waitForText('#my-groups-empty', '你还没有加入任何社群')
    expect(page.query(`#my-group-${DEMO_GROUP_ID}`)).toBeNull()
    expect(page.query('#dev-persona-switcher')).toBeNull()
    expect(page.query('#open-demo-group')).toBeNull()
  })
})
