/**
 * @jest-environment jsdom
 */
/**
 * The built group page (dist/weapp/pages/group/index) in miniprogram-simulate, calling the real
 * `group` function handlers on an in-memory SQLite store seeded with the demo community.
 * Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'

describe('weapp group page', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('shows the demo group to its admin: name, 20 members and the 管理员 role', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')),
    })
    await page.waitForText('#group-name', '早起读书会·郑州3群')
    expect(page.text('#group-member-count')).toBe('20 位成员')
    expect(page.text('#group-capacity')).toBe('上限 500 人')
    expect(page.text('#group-viewer-role')).toContain('管理员')
    expect(page.text('#group-rules')).toContain('姓名-地区-职业')
    // (The lottery card asks the lottery function on its own; the profile is one call.)
    expect(page.calls.filter((call) => call.name === 'group')).toEqual([{ name: 'group', data: { action: 'getProfile', input: { groupId: DEMO_GROUP_ID } } }])
  })

  it('tells a visitor they are not a member yet', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')),
    })
    await page.waitForText('#group-viewer-role', '你还不是本群成员')
    expect(page.text('#group-name')).toBe('早起读书会·郑州3群')
  })

  it('shows NOT_FOUND for an unknown group, and retry calls the function again', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: 'no-such-group' },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')),
    })
    await page.waitForText('#group-error', '这个群不存在或已解散')
    expect(page.calls).toHaveLength(1)

    page.tap('#retry-button')
    await waitFor(() => page!.calls.length === 2, 5000, () => 'the retry to call the function again')
    await page.waitForText('#group-error', '这个群不存在或已解散')
    expect(page.calls[1]).toEqual({ name: 'group', data: { action: 'getProfile', input: { groupId: 'no-such-group' } } })
  })
})
