/**
 * The admission journey end to end in real headless Chromium, on the local runtime (H5 build + the real
 * handlers on a seeded in-memory SQLite store): a new visitor opens the admin's invite link, accepts the
 * rules, introduces themself and answers the questions; the admin approves from the review queue; back
 * as the visitor, the group page shows the membership. Needs `npm run build:h5` first.
 */
import type { Browser, Page } from 'playwright-core'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import type { Store } from '../../store/port'
import { inviteIdFor } from '../../usecases/admission'
import { launchChromium } from '../support/browser'
import { click, expectText, fill, visible, requireH5Build } from '../support/h5-page'
import { makeStore } from '../support/fixture'


describe('admission journey in the H5 app (Chromium)', () => {
  let store: Store
  let runtime: LocalRuntime
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    const H5_DIR = requireH5Build()
    store = await makeStore({ seed: true })
    runtime = await startLocalRuntime({ store, port: 0, staticDir: H5_DIR })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await runtime?.close()
  })

  it('visitor applies through the invite link, admin approves, visitor sees the membership', async () => {
    const invite = inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin'))
    await page.goto(`${runtime.url}/pages/apply/index?scene=${encodeURIComponent(invite)}`)
    await click(page, '#persona-visitor')
    await expectText(page, '#apply-group-name', '早起读书会·郑州3群')
    await expectText(page, '#apply-inviter', '王强-郑州-理财顾问')
    await expectText(page, '#apply-rules', '姓名-地区-职业')

    // Submitting without accepting the rules is refused on the page.
    await click(page, '#apply-submit')
    await expectText(page, '#apply-message', '请先阅读并同意群规')

    await click(page, '#apply-accept-rules')
    await fill(page, '#apply-name', '陈晨')
    await fill(page, '#apply-region', '郑州')
    await fill(page, '#apply-occupation', '数据分析师')
    await fill(page, '#apply-about', '想每天早起读半小时书。')
    // A required question left blank: the shared schema names it before anything is sent.
    await click(page, '#apply-submit')
    await expectText(page, '#question-reading-error', '此项必填')
    await click(page, '#question-source-0')
    await fill(page, '#question-reading', '《人类简史》')
    await click(page, '#apply-submit')
    await expectText(page, '#apply-status', '我的申请：审核中')
    expect(await store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('visitor')))).toMatchObject({
      status: 'pending',
      intro: { name: '陈晨', region: '郑州', occupation: '数据分析师' },
      inviterOpenid: personaOpenid('admin'),
      rulesVersion: 1,
    })

    // The admin reviews on the queue, newest first: the visitor's card is on top.
    await click(page, '#persona-admin')
    await page.goto(`${runtime.url}/pages/review/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#review-summary', '待审核 9 条')
    await click(page, '#order-newest')
    await expectText(page, '#application-0', '陈晨-郑州-数据分析师')
    await expectText(page, '#application-0', '邀请人：王强-郑州-理财顾问')
    await click(page, '#approve-0')
    await expectText(page, '#review-message', '已通过 陈晨-郑州-数据分析师')
    await expectText(page, '#review-summary', '待审核 8 条')

    // Back as the visitor: the group page shows the membership.
    await click(page, '#persona-visitor')
    await page.goto(`${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#group-viewer-role', '成员')
    await expectText(page, '#group-member-count', '21 位成员')
    expect(await store.get('members', memberId(DEMO_GROUP_ID, personaOpenid('visitor')))).toMatchObject({ role: 'member' })

    // The decision is in the visitor's inbox; opening it marks it read.
    await click(page, '#entry-inbox')
    await expectText(page, '#inbox-unread', '1 条未读')
    await expectText(page, '#inbox-item-0', '你已加入「早起读书会·郑州3群」')
    await click(page, '#inbox-item-0')
    await expectText(page, '#group-name', '早起读书会·郑州3群')
    expect(await store.count('inboxMessages', { openid: personaOpenid('visitor'), readAt: null })).toBe(0)
  })

  it('the admin gets a real QR invite, edits the questions, and sees the roster with roles', async () => {
    await page.goto(`${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(page, '#persona-admin')
    await expectText(page, '#group-viewer-role', '管理员')
    await click(page, '#entry-invite')
    await expectText(page, '#invite-link', `/pages/apply/index?scene=${inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin'))}`)
    const src = await visible(page, '#invite-image img').getAttribute('src')
    expect(src).toMatch(/^data:image\/png;base64,/)

    await page.goto(`${runtime.url}/pages/admission-settings/index?id=${DEMO_GROUP_ID}`)
    await visible(page, '#settings-question-label-2').waitFor({ state: 'visible', timeout: 15000 })
    await click(page, '#settings-add-question')
    await fill(page, '#settings-question-label-3', '所在城市')
    await click(page, '#settings-require-phone')
    await click(page, '#settings-save')
    await expectText(page, '#settings-message', '已保存')
    expect(await store.get('admissionSettings', DEMO_GROUP_ID)).toMatchObject({
      requirePhone: true,
      questions: expect.arrayContaining([expect.objectContaining({ id: 'q4', label: '所在城市', kind: 'text', required: true })]),
    })

    await page.goto(`${runtime.url}/pages/members/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#member-0', '群主')
    await expectText(page, '#members-roster', '陈晨-郑州-数据分析师')
    // An admin may remove members but not the owner, and cannot promote.
    expect(await page.locator('#remove-0 >> visible=true').count()).toBe(0)
    expect(await page.locator('#remove-1 >> visible=true').count()).toBe(0)
    expect(await page.locator('[id^="role-"] >> visible=true').count()).toBe(0)
    expect(await page.locator('[id^="remove-"] >> visible=true').count()).toBeGreaterThan(0)
  })

  it('the member sees no review queue: the function refuses with FORBIDDEN', async () => {
    await click(page, '#persona-member')
    await page.goto(`${runtime.url}/pages/review/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#review-error', '你没有权限进行此操作')
  })
})
