/**
 * @jest-environment jsdom
 */
/**
 * The built admission settings page (dist/weapp/packages/admin/pages/admission-settings/index) in
 * miniprogram-simulate, on the real handlers and the seeded demo community (three questions): an admin adds
 * a single-choice question, turns the phone threshold on and saves, and the stored settings are what the
 * form showed; a member is refused. Needs `npm run build:weapp` first.
 */
import { getAdmissionSettings, type AdmissionSettingsView } from '../../contracts/admission'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'

const PAGE = 'packages/admin/pages/admission-settings/index'

describe('weapp admission settings page', () => {
  const weapp = setUpWeappPages()

  async function storedSettings(): Promise<AdmissionSettingsView> {
    const call = weapp.backend.callFunctionAs(personaOpenid('admin'))
    const result = (await call({ name: getAdmissionSettings.fn, data: { action: getAdmissionSettings.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: AdmissionSettingsView }
    return result.data
  }

  it('adds a question and saves: the settings are stored', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#settings-form', '入群问题（3/10）')
    expect(page.text('#settings-require-phone')).toBe('关闭')

    page.tap('#settings-add-question')
    await page.waitForText('#settings-form', '入群问题（4/10）')
    page.input('#settings-question-label-3', '每周能读几天？')
    page.tap('#settings-question-kind-3-choice')
    // A single-choice question gets its options box.
    await waitFor(() => page.query('#settings-question-options-3') !== null)
    page.input('#settings-question-options-3', '1-2 天，3-5 天、每天')
    page.tap('#settings-require-phone')
    await page.waitForText('#settings-require-phone', '开启')
    page.tap('#settings-save')
    await page.waitForText('#settings-message', '已保存')

    const update = page.calls.find((c) => (c.data as { action: string }).action === 'updateSettings')
    expect(update?.data).toMatchObject({ input: { groupId: DEMO_GROUP_ID, settings: { requirePhone: true } } })
    const stored = await storedSettings()
    expect(stored.requirePhone).toBe(true)
    expect(stored.questions.map((q) => q.id)).toEqual(['source', 'reading', 'goal', 'q4'])
    expect(stored.questions[3]).toEqual({ id: 'q4', kind: 'choice', label: '每周能读几天？', required: true, options: ['1-2 天', '3-5 天', '每天'] })
    expect(stored.allowMemberInvites).toBe(true)
  })

  it('checks the form before sending: a blank question is named, nothing is saved', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#settings-form', '入群问题（4/10）')
    page.tap('#settings-add-question')
    await page.waitForText('#settings-form', '入群问题（5/10）')
    page.tap('#settings-save')
    await page.waitForText('#settings-message', '此项必填')
    expect(page.calls.map((c) => (c.data as { action: string }).action)).toEqual(['getSettings'])
    expect((await storedSettings()).questions).toHaveLength(4)
  })

  it('shows a member the FORBIDDEN message instead of the form', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#settings-error', '你没有权限进行此操作')
    expect(page.query('#settings-form')).toBeNull()
  })

  it('turns auto-approval on (off by default): the active-inviter rule with its days, and the admin’s own invite link', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#settings-auto', '自动通过（默认关闭）')
    expect(page.text('#settings-auto-inviter')).toBe('关闭')
    expect(page.query('#settings-auto-days')).toBeNull()
    page.tap('#settings-auto-inviter')
    await waitFor(() => page.query('#settings-auto-days') !== null)
    page.input('#settings-auto-days', '3')
    page.tap('#settings-auto-phone')
    page.tap('#settings-auto-own-invite')
    await page.waitForText('#settings-auto-own-invite', '开启')
    page.tap('#settings-save')
    await page.waitForText('#settings-message', '已保存')
    const stored = await storedSettings()
    expect(stored.autoApproval).toEqual({ activeInviter: true, inviterActiveDays: 3, requireVerifiedPhone: false, trustedInviteIds: [stored.ownInviteId] })
  })
})
