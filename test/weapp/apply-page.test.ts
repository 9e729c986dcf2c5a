/**
 * @jest-environment jsdom
 */
/**
 * The built apply page (dist/weapp/packages/join/pages/apply/index) in miniprogram-simulate, calling the real
 * `admission` handlers on an in-memory SQLite store seeded with the demo community: a visitor opened
 * through the admin's invite scene submits an application. Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { inviteIdFor } from '../../usecases/admission'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'
import { ROUTES } from '../../contracts/routes'

describe('weapp apply page', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('submits an application from the invite scene and shows it pending', async () => {
    const scene = encodeURIComponent(inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin')))
    const callFunction = weapp.backend.callFunctionAs(personaOpenid('visitor'))
    page = await weapp.open(ROUTES.apply, { query: { scene }, callFunction })
    await page.waitForText('#apply-group-name', '早起读书会·郑州3群')
    expect(page.text('#apply-inviter')).toContain('王强-郑州-理财顾问')

    page.tap('#apply-accept-rules')
    page.input('#apply-name', '陈晨')
    page.input('#apply-region', '郑州')
    page.input('#apply-occupation', '数据分析师')
    page.tap('#question-source-1')
    page.input('#question-reading', '《人类简史》')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#apply-submit')
    await page.waitForText('#apply-status', '我的申请：审核中')

    const submit = page.calls.find((call) => (call.data as { action: string }).action === 'submit')
    expect(submit?.data).toMatchObject({
      action: 'submit',
      input: {
        groupId: DEMO_GROUP_ID,
        inviteId: inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin')),
        rulesVersion: 1,
        acceptRules: true,
        intro: { name: '陈晨', region: '郑州', occupation: '数据分析师' },
        answers: { source: '公众号文章', reading: '《人类简史》' },
        subscribedTemplateIds: [],
      },
    })
    const mine = (await callFunction({ name: 'admission', data: { action: 'getApplyPage', input: { groupId: DEMO_GROUP_ID } } })) as {
      data: { myApplication: { status: string; intro: { name: string } } }
    }
    expect(mine.data.myApplication).toMatchObject({ status: 'pending', intro: { name: '陈晨' } })
  })

  it('需补充: shows the admins’ question, takes the answer, and the application is back under review', async () => {
    const visitor = personaOpenid('visitor')
    const asked = (await weapp.backend.callFunctionAs(personaOpenid('admin'))({
      name: 'admission',
      data: { action: 'ask', input: { groupId: DEMO_GROUP_ID, applicationId: `${DEMO_GROUP_ID}:${visitor}`, question: '你一般几点起床读书？' } },
    })) as { data: { outcome: string } }
    expect(asked.data.outcome).toBe('asked')
    page = await weapp.open(ROUTES.apply, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(visitor) })
    await page.waitForText('#apply-status', '我的申请：需补充')
    expect(page.text('#apply-follow-up-question-0')).toBe('问：你一般几点起床读书？')
    expect(page.query('#apply-form')).toBeNull()
    expect(page.query('#apply-edit')).toBeNull()
    page.input('#apply-follow-up-answer', '六点，读半小时')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#apply-follow-up-send')
    await page.waitForText('#apply-status', '我的申请：审核中')
    expect(page.text('#apply-follow-ups')).toContain('答：六点，读半小时')
    expect(page.query('#apply-follow-up-form')).toBeNull()
    expect(page.calls.find((c) => (c.data as { action: string }).action === 'answer')?.data).toMatchObject({ input: { groupId: DEMO_GROUP_ID, answer: '六点，读半小时' } })
  })

  it('shows the applicant persona its pending application, and withdraws it', async () => {
    page = await weapp.open(ROUTES.apply, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('applicant')) })
    await page.waitForText('#apply-status', '我的申请：审核中')
    expect(page.query('#apply-form')).toBeNull()
    page.tap('#apply-withdraw')
    await page.waitForText('#apply-status', '我的申请：已撤回')
    expect(page.calls.map((c) => (c.data as { action: string }).action)).toEqual(['getApplyPage', 'withdraw', 'getApplyPage'])
    // A withdrawn applicant may apply again at once: the form is back.
    await page.waitForText('#apply-submit', '提交申请')
  })

  it('does not send an incomplete form: the shared schema names the missing field', async () => {
    page = await weapp.open(ROUTES.apply, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs('o_weapp_new') })
    await page.waitForText('#apply-group-name', '早起读书会·郑州3群')
    page.tap('#apply-accept-rules')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#apply-submit')
    await page.waitForText('#apply-name-error', '此项必填')
    await waitFor(() => page!.calls.length === 1)
    expect(page.calls.map((c) => (c.data as { action: string }).action)).toEqual(['getApplyPage'])
  })

  it('shows a member how to get into the WeChat group beside their nickname (applicants never see it)', async () => {
    await weapp.backend.store.update('groups', DEMO_GROUP_ID, {
      joinGuide: { groupQr: null, personalQr: null, instructions: '加群主微信 zaoqi-dushu 备注昵称', updatedAt: new Date().toISOString() },
    })
    page = await weapp.open(ROUTES.apply, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#join-guide-instructions', '加群主微信 zaoqi-dushu 备注昵称')
    expect(page.text('#join-guide-nickname')).toContain('入群后请把群昵称改为')
    expect(page.query('#join-guide-confirm')).not.toBeNull()
  })

  it('keeps an over-long intro whole and says by how much it is over (never cut silently)', async () => {
    page = await weapp.open(ROUTES.apply, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs('o_weapp_paste') })
    await page.waitForText('#apply-group-name', '早起读书会·郑州3群')
    page.input('#apply-about', '读'.repeat(2000))
    await page.waitForText('#apply-about-counter', '2000/300')
    expect(page.text('#apply-about-error')).toContain('已超出 1700 字')
  })
})
