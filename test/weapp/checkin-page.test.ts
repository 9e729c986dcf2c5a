/**
 * @jest-environment jsdom
 */
/**
 * The built check-in page (dist/weapp/packages/member/pages/checkin/index) in miniprogram-simulate, calling the real
 * function handlers on an in-memory SQLite store seeded with the demo community (member persona: a 5-day
 * streak up to yesterday, not checked in today). Tap 打卡 → 「打卡成功」 with the new streak, today is marked in
 * the calendar and the streak goes to 6; the member edits today's note; browses last month's calendar (a tapped
 * day shows that day's entry and that day's feed); likes another member's check-in in the feed; taps a photo,
 * which opens full screen (`wx.previewImage`). Needs `npm run build:weapp` first.
 */
import { checkinId, type CheckinDoc } from '../../domain/checkin'
import { dayRuleOf, dayOfMonth, monthOf, todayKey } from '../../domain/days'
import { opaqueViewId } from '../../usecases/member-keys'
import { shiftMonthKey } from '../../miniprogram/components/checkin-calendar/utils'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'
import { ROUTES } from '../../contracts/routes'

describe('weapp check-in page', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('tap 打卡: today is marked in the calendar and the streak goes from 5 to 6', async () => {
    page = await weapp.open(ROUTES.checkin, {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('member')),
    })
    const today = todayKey(new Date(), dayRuleOf({ timezone: 'Asia/Shanghai' }))
    await page.waitForText('#streak-current', '连续 5 天')
    expect(page.text('#checkin-group-name')).toBe('早起读书会·郑州3群')
    expect(page.text(`#calendar-day-${today}`)).toBe(String(dayOfMonth(today)))
    expect(page.query('#checkin-done')).toBeNull()

    page.tap('#checkin-button')
    // The moment: 打卡成功 and the new streak, until tapped away.
    await page.waitForText('#checkin-success-title', '打卡成功')
    expect(page.text('#checkin-success-streak')).toBe('已连续打卡 6 天')
    page.tap('#checkin-success-close')
    await waitFor(() => page!.query('#checkin-success') === null)
    await page.waitForText('#streak-current', '连续 6 天')
    await page.waitForText('#checkin-done', '今日已打卡')
    expect(page.text(`#calendar-day-${today}`)).toBe(`${dayOfMonth(today)}✓`)
    expect(page.text('#streak-total')).toBe('累计 10 天')
    const checkIns = page.calls.filter((c) => (c.data as { action: string }).action === 'checkIn')
    expect(checkIns).toEqual([{ name: 'checkin', data: { action: 'checkIn', input: { groupId: DEMO_GROUP_ID, note: '', linkTask: true } } }])
  })

  it('edits today’s note: the card shows the new note, marked 已编辑', async () => {
    page = await weapp.open(ROUTES.checkin, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#checkin-done', '今日已打卡')
    expect(page.query('#checkin-done-edited')).toBeNull()
    page.tap('#checkin-edit')
    await waitFor(() => page!.query('#checkin-edit-note') !== null)
    page.input('#checkin-edit-note', '读完了，写下一句感想')
    page.tap('#checkin-edit-save')
    await page.waitForText('#checkin-done-note', '读完了，写下一句感想')
    await page.waitForText('#checkin-done-edited', '已编辑')
    const edits = page.calls.filter((c) => (c.data as { action: string }).action === 'edit')
    expect(edits).toEqual([{ name: 'checkin', data: { action: 'edit', input: { groupId: DEMO_GROUP_ID, note: '读完了，写下一句感想' } } }])
  })

  it('browses last month: ‹ shows it, a tapped day shows that day’s entry and that day’s feed', async () => {
    const member = personaOpenid('member')
    const today = todayKey(new Date(), dayRuleOf({ timezone: 'Asia/Shanghai' }))
    const lastMonth = shiftMonthKey(monthOf(today), -1)
    const day = `${lastMonth}-15`
    // A check-in of the 15th of last month, as the check-in of that day wrote it.
    const doc: CheckinDoc = {
      _id: checkinId(DEMO_GROUP_ID, member, day), groupId: DEMO_GROUP_ID, openid: member, day, note: '上个月十五号读完了', photoFileId: null,
      taskId: null, taskTitle: null, makeUp: false, authorName: '李娜-郑州-小学教师', checkedInAt: new Date(`${day}T00:30:00Z`).toISOString(),
      viewId: opaqueViewId(checkinId(DEMO_GROUP_ID, member, day)),
    }
    await weapp.backend.store.create('checkins', doc)
    page = await weapp.open(ROUTES.checkin, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await page.waitForText('#calendar-title', monthOf(today))
    page.tap('#calendar-prev')
    await page.waitForText('#calendar-title', lastMonth)
    await page.waitForText(`#calendar-day-${day}`, '15✓')
    page.tap(`#calendar-day-${day}`)
    await page.waitForText('#day-entry', '上个月十五号读完了')
    await page.waitForText('#feed-count', `${day.slice(5)} 打卡`)
    await page.waitForText('#today-feed', '上个月十五号读完了')
    const calendars = page.calls.filter((c) => (c.data as { action: string }).action === 'calendar')
    expect(calendars).toEqual([{ name: 'checkin', data: { action: 'calendar', input: { groupId: DEMO_GROUP_ID, month: lastMonth } } }])
    const feeds = page.calls.filter((c) => (c.data as { action: string }).action === 'feed').map((c) => (c.data as { input: { day?: string } }).input.day)
    expect(feeds).toEqual([undefined, day])
  })

  it('likes another member’s check-in in the feed and opens its photo full screen', async () => {
    const admin = personaOpenid('admin')
    const call = weapp.backend.callFunctionAs(admin)
    const answer = (await call({ name: 'checkin', data: { action: 'checkIn', input: { groupId: DEMO_GROUP_ID, note: '管理员今天也打卡了', linkTask: false } } })) as { ok: boolean; data: { checkin: { id: string; day: string; note: string } } }
    expect(answer.ok).toBe(true)
    // Its photo, as an upload the admin made (the link is what members' views carry).
    const photo = 'local:0123456789abcdef0123456789abcdef.png'
    await weapp.backend.store.update('checkins', checkinId(DEMO_GROUP_ID, admin, answer.data.checkin.day), { photoFileId: photo })
    const previews: Array<{ current: string; urls: string[] }> = []
    const wxGlobal = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    wxGlobal.previewImage = (options: { current: string; urls: string[]; success?: () => void }) => {
      previews.push({ current: options.current, urls: options.urls })
      options.success?.()
    }
    page = await weapp.open(ROUTES.checkin, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    const item = `#feed-${answer.data.checkin.id}`
    // (The demo's admin may have checked in earlier today: then that check-in is the one answered.)
    await page.waitForText(item, answer.data.checkin.note)
    expect(page.text(`${item}-like`)).toContain('赞')
    page.tap(`${item}-like`)
    await page.waitForText(`${item}-like`, '1')
    await page.waitForText(`${item}-likers`, '李娜-郑州-小学教师 觉得很赞')
    const likes = page.calls.filter((c) => (c.data as { action: string }).action === 'like')
    expect(likes).toEqual([{ name: 'checkin', data: { action: 'like', input: { groupId: DEMO_GROUP_ID, checkinId: answer.data.checkin.id, liked: true, knownCount: 0 } } }])

    const src = page.attribute(`${item}-photo`, 'src')
    expect(src).toMatch(/^\/photos\/0123456789abcdef0123456789abcdef\.png\?exp=/)
    page.tap(`${item}-photo`)
    await waitFor(() => previews.length === 1)
    expect(previews[0].current).toBe(src)
    expect(previews[0].urls).toContain(src)
  })

  it('shows FORBIDDEN to a visitor', async () => {
    page = await weapp.open(ROUTES.checkin, {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')),
    })
    await page.waitForText('#checkin-error', '你没有权限进行此操作')
    await waitFor(() => page!.calls.length >= 1)
    expect(page.calls[0]).toEqual({ name: 'checkin', data: { action: 'overview', input: { groupId: DEMO_GROUP_ID } } })
  })
})
