/**
 * @jest-environment jsdom
 */
/**
 * The built group settings page (dist/weapp/packages/admin/pages/group-settings/index) in miniprogram-simulate,
 * on the real handlers and the seeded demo community: the owner moves the day start to 04:00 — the server's
 * preview is asked first, the confirmation says which day it takes over, and the page then shows the scheduled
 * change; an admin sees the owner's settings locked and changes the make-up policy, which a member's check-in
 * page shows at once; a member is refused. Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ROUTES } from '../../contracts/routes'

const PAGE = 'packages/admin/pages/group-settings/index'

describe('weapp group settings page', () => {
  const weapp = setUpWeappPages()
  const actions = (page: { calls: Array<{ data: unknown }> }) => page.calls.map((c) => c.data as { action: string; input: Record<string, unknown> })

  it('the owner moves the day start to 04:00: previewed, confirmed, scheduled from a coming day', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('owner')) })
    await page.waitForText('#gs-timezone', '北京时间 · Asia/Shanghai')
    expect(page.text('#gs-day-start')).toBe('00:00')
    expect(page.query('#gs-owner-only')).toBeNull()
    // The participation settings are shown, not repeated.
    await page.waitForText('#gs-participation', '天未打卡算不活跃')
    expect(page.text('#gs-participation-link')).toContain('修改活跃度设置')

    page.change('#gs-day-start-picker', 4)
    await page.waitForText('#gs-day-start', '04:00')
    page.tap('#gs-save')
    await page.waitForText('#gs-pending', '已安排：从 ')

    const saves = actions(page).filter((c) => c.action === 'saveSettings')
    expect(saves.map((c) => c.input.preview ?? false)).toEqual([true, false])
    expect(saves[1].input).toMatchObject({ groupId: DEMO_GROUP_ID, timezone: 'Asia/Shanghai', dayStartHour: 4, makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, taskPublishTime: '08:00' })
    const group = await weapp.backend.store.get('groups', DEMO_GROUP_ID)
    expect(group).toMatchObject({ timezone: 'Asia/Shanghai', dayStartHour: 4, dayRuleChange: { before: { timezone: 'Asia/Shanghai', dayStartHour: 0 } } })
    expect(page.text('#gs-pending')).toContain(`从 ${group!.dayRuleChange!.fromDay}`)
    expect(page.text('#gs-pending')).toContain('按 北京时间 每天 04:00 开始')
  })

  it('an admin sees the owner’s settings locked, changes the make-up policy, and a member’s check-in page shows it', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#gs-owner-only', '仅群主可修改时区、日界和人数上限')
    expect(page.text('#gs-window')).toBe('最近 3 天')
    page.change('#gs-window-picker', 0)
    page.change('#gs-limit-picker', 5)
    await page.waitForText('#gs-limit', '5 次')
    page.tap('#gs-save')
    await page.waitForText('#gs-notice', '已保存')
    // No day-rule change: no preview, one save.
    expect(actions(page).filter((c) => c.action === 'saveSettings').map((c) => c.input.preview ?? false)).toEqual([false])
    expect((await weapp.backend.store.get('groups', DEMO_GROUP_ID))?.makeUp).toEqual({ enabled: true, windowDays: 1, monthlyLimit: 5 })
    page.unload()

    const checkin = await weapp.open(ROUTES.checkin, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    const makeUp = await checkin.waitForText('#makeup', '补卡（本月还可补')
    // One day back at most: a single candidate (or none when yesterday is checked).
    expect(checkin.query('#makeup')!.querySelectorAll('button, .nut-button').length).toBeLessThanOrEqual(1)
    expect(makeUp).toMatch(/本月还可补 [0-5] 次/)
    checkin.unload()
  })

  it('a member is refused', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#group-settings-error', '你没有权限进行此操作')
    expect(page.query('#group-settings-form')).toBeNull()
  })
})
