/**
 * @jest-environment jsdom
 */
/**
 * The built check-in page (dist/weapp/pages/checkin/index) in miniprogram-simulate, calling the real
 * function handlers on an in-memory SQLite store seeded with the demo community (member persona: a 5-day
 * streak up to yesterday, not checked in today). Tap 打卡 → today is marked in the calendar and the streak
 * goes to 6. Needs `npm run build:weapp` first.
 */
import { dayRuleOf, dayOfMonth, todayKey } from '../../domain/days'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'

describe('weapp check-in page', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('tap 打卡: today is marked in the calendar and the streak goes from 5 to 6', async () => {
    page = await weapp.open('pages/checkin/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('member')),
    })
    const today = todayKey(new Date(), dayRuleOf({ timezone: 'Asia/Shanghai' }))
    await page.waitForText('#streak-current', '连续 5 天')
    expect(page.text('#checkin-group-name')).toBe('早起读书会·郑州3群')
    expect(page.text(`#calendar-day-${today}`)).toBe(String(dayOfMonth(today)))
    expect(page.query('#checkin-done')).toBeNull()

    page.tap('#checkin-button')
    await page.waitForText('#streak-current', '连续 6 天')
    await page.waitForText('#checkin-done', '今日已打卡')
    expect(page.text(`#calendar-day-${today}`)).toBe(`${dayOfMonth(today)}✓`)
    expect(page.text('#streak-total')).toBe('累计 10 天')
    const checkIns = page.calls.filter((c) => (c.data as { action: string }).action === 'checkIn')
    expect(checkIns).toEqual([{ name: 'checkin', data: { action: 'checkIn', input: { groupId: DEMO_GROUP_ID, note: '', linkTask: true } } }])
  })

  it('shows FORBIDDEN to a visitor', async () => {
    page = await weapp.open('pages/checkin/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')),
    })
    await page.waitForText('#checkin-error', '你没有权限进行此操作')
    await waitFor(() => page!.calls.length >= 1)
    expect(page.calls[0]).toEqual({ name: 'checkin', data: { action: 'overview', input: { groupId: DEMO_GROUP_ID } } })
  })
})
