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
import { ROUTES } from '../../contracts/routes'

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
    // The 待审核 badge: the demo's 8 waiting applications.
    await page.waitForText('#pending-badge', '8 份入群申请待审核')
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

  it('shows a member how to get into the WeChat group, beside their nickname, and records 我已入群', async () => {
    const now = new Date()
    await weapp.backend.store.update('groups', DEMO_GROUP_ID, {
      joinGuide: { groupQr: null, personalQr: null, instructions: '进群暗号：早起读书', updatedAt: now.toISOString() },
    })
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('member')),
    })
    await page.waitForText('#join-guide-instructions', '进群暗号：早起读书')
    expect(page.text('#join-guide-nickname')).toMatch(/入群后请把群昵称改为「.+-.+-.+」/)
    expect(page.query('#join-guide-group-qr')).toBeNull()
    expect(page.query('#entry-apply')).toBeNull()
    page.tap('#join-guide-confirm')
    await page.waitForText('#join-guide-joined', '已入群')
    // (The lottery card asks the lottery function on its own.)
    expect(page.calls.filter((call) => call.name !== 'lottery').map((call) => (call.data as { action: string }).action)).toEqual(['getProfile', 'getJoinGuide', 'confirmJoined'])
  })

  it('shows a pending applicant their status instead of 申请加入, and never the join guide', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('applicant')),
    })
    await page.waitForText('#group-application-status', '你的申请正在审核中')
    expect(page.query('#entry-apply')).toBeNull()
    expect(page.query('#group-application-view')).not.toBeNull()
    expect(page.query('#join-guide')).toBeNull()
  })

  it('shows a rejected applicant the reason and when they may apply again', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs('o_demo_ap09'),
    })
    await page.waitForText('#group-application-status', '你的申请未通过')
    expect(page.text('#group-application-reason')).toContain('申请内容含广告推广信息')
    expect(page.text('#group-application-reapply')).toContain('之后可重新申请')
    expect(page.query('#entry-apply')).toBeNull()
  })

  it('offers 申请加入 to a visitor who never applied', async () => {
    page = await weapp.open('pages/group/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')),
    })
    await page.waitForText('#entry-apply', '申请加入')
    expect(page.query('#group-application-status')).toBeNull()
  })

  it('shows a member 群规已更新，请确认 and the unread count on 公告 until they confirm and read; a visitor neither', async () => {
    const member = personaOpenid('member')
    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await page.waitForText('#rules-banner', '群规已更新，请确认')
    // The demo's two announcements are new to the member; the rules entry carries a dot.
    expect(page.text('#entry-announcements-badge')).toContain('2')
    expect(page.query('#entry-rules-badge')).not.toBeNull()
    page.unload()

    const call = weapp.backend.callFunctionAs(member)
    await call({ name: 'board', data: { action: 'acknowledgeRules', input: { groupId: DEMO_GROUP_ID, version: 1 } } })
    await call({ name: 'board', data: { action: 'markAnnouncementsRead', input: { groupId: DEMO_GROUP_ID, announcementIds: ['ann_demo_booklist', 'ann_demo_meetup'] } } })
    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await page.waitForText('#entry-announcements', '公告')
    expect(page.query('#rules-banner')).toBeNull()
    expect(page.query('#entry-announcements-badge')).toBeNull()
    expect(page.query('#entry-rules-badge')).toBeNull()
    page.unload()

    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')) })
    await page.waitForText('#group-viewer-role', '你还不是本群成员')
    expect(page.query('#rules-banner')).toBeNull()
  })

  it('is the hub for a member: today’s task, the check-in status, the pinned announcement and large entries that open their pages', async () => {
    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#hub-pinned-title', '本月共读：余华《活着》')
    // Published at 08:00 in the group's timezone: the title after that, the time before.
    expect(page.text('#hub-task-text')).toMatch(/^(今日任务 08:00 发布|.{2,})$/)
    expect(page.text('#hub-task-text')).not.toContain('自由打卡')
    expect(page.text('#hub-checkin-status')).toMatch(/今日已打卡|今天还没打卡/)
    expect(page.text('#hub-tiles-daily')).toContain('排行榜')
    expect(page.text('#hub-tiles-daily')).toContain('我的进度')
    expect(page.query('#hub-tiles-manage')).toBeNull()
    expect(page.query('#entry-review')).toBeNull()
    // Still one profile call: the today panel comes with it.
    expect(page.calls.filter((call) => call.name === 'group')).toHaveLength(1)

    const openedUrls: string[] = []
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    wx.navigateTo = (options: { url: string; success?: (result: object) => void }) => {
      openedUrls.push(options.url)
      options.success?.({ errMsg: 'navigateTo:ok' })
    }
    page.tap('#entry-leaderboard')
    page.tap('#hub-pinned')
    await waitFor(() => openedUrls.length === 2, 5000, () => 'a navigateTo after tapping the tile and the pinned row')
    expect(openedUrls[0]).toContain(`id=${DEMO_GROUP_ID}`)
    expect(openedUrls[1]).toBe(`/${ROUTES.announcements}?id=${DEMO_GROUP_ID}`)
  })

  it('gives an admin the 管理 tiles, review first; a visitor neither the today panel nor member tiles', async () => {
    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#hub-tiles-manage', '入群审核')
    expect(page.text('#hub-tiles-manage')).toContain('每日任务')
    expect(page.text('#hub-tiles-manage')).toContain('数据看板')
    expect(page.query('#today-panel')).not.toBeNull()
    page.unload()

    page = await weapp.open('pages/group/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')) })
    await page.waitForText('#entry-apply', '申请加入')
    expect(page.query('#today-panel')).toBeNull()
    expect(page.query('#entry-checkin')).toBeNull()
    expect(page.text('#hub-tiles')).toContain('消息')
  })
})
