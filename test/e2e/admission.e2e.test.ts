/**
 * The admission journey end to end in real headless Chromium, on the local runtime (H5 build + the real
 * handlers on a seeded in-memory SQLite store): a new visitor opens the admin's invite link, accepts the
 * rules, introduces themself and answers the questions; the admin approves from the review queue; back
 * as the visitor, the group page shows the membership. Needs `npm run build:h5` first.
 */
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { inviteIdFor } from '../../usecases/admission'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { ROUTES } from '../../contracts/routes'

describe('admission journey in the H5 app (Chromium)', () => {
  const app = useH5App()

  it('visitor applies through the invite link, admin approves, visitor sees the membership', async () => {
    const invite = inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin'))
    await app.page.goto(`${app.runtime.url}/${ROUTES.apply}?scene=${encodeURIComponent(invite)}`)
    await click(app.page, '#persona-visitor')
    await expectText(app.page, '#apply-group-name', '早起读书会·郑州3群')
    await expectText(app.page, '#apply-inviter', '王强-郑州-理财顾问')
    await expectText(app.page, '#apply-rules', '姓名-地区-职业')

    // Submitting without accepting the rules is refused on the page.
    await click(app.page, '#apply-submit')
    await expectText(app.page, '#apply-message', '请先阅读并同意群规')

    await click(app.page, '#apply-accept-rules')
    await fill(app.page, '#apply-name', '陈晨')
    await fill(app.page, '#apply-region', '郑州')
    await fill(app.page, '#apply-occupation', '数据分析师')
    await fill(app.page, '#apply-about', '想每天早起读半小时书。')
    // A required question left blank: the shared schema names it before anything is sent.
    await click(app.page, '#apply-submit')
    await expectText(app.page, '#question-reading-error', '此项必填')
    await click(app.page, '#question-source-0')
    await fill(app.page, '#question-reading', '《人类简史》')
    await click(app.page, '#apply-submit')
    await expectText(app.page, '#apply-status', '我的申请：审核中')
    expect(await app.store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('visitor')))).toMatchObject({
      status: 'pending',
      intro: { name: '陈晨', region: '郑州', occupation: '数据分析师' },
      inviterOpenid: personaOpenid('admin'),
      rulesVersion: 1,
    })

    // The admin reviews on the queue, newest first: the visitor's card is on top.
    await click(app.page, '#persona-admin')
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/review/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#review-summary', '待审核 9 条')
    await click(app.page, '#order-newest')
    await expectText(app.page, '#application-0', '陈晨-郑州-数据分析师')
    await expectText(app.page, '#application-0', '邀请人：王强-郑州-理财顾问')
    await click(app.page, '#approve-0')
    await expectText(app.page, '#review-message', '已通过 陈晨-郑州-数据分析师')
    await expectText(app.page, '#review-summary', '待审核 8 条')

    // Back as the visitor: the group page shows the membership.
    await click(app.page, '#persona-visitor')
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#group-viewer-role', '成员')
    await expectText(app.page, '#group-member-count', '21 位成员')
    expect(await app.store.get('members', memberId(DEMO_GROUP_ID, personaOpenid('visitor')))).toMatchObject({ role: 'member' })

    // The decision is in the visitor's inbox; opening it marks it read.
    await click(app.page, '#entry-inbox')
    await expectText(app.page, '#inbox-unread', '1 条未读')
    await expectText(app.page, '#inbox-item-0', '你已加入「早起读书会·郑州3群」')
    await click(app.page, '#inbox-item-0')
    await expectText(app.page, '#group-name', '早起读书会·郑州3群')
    expect(await app.store.count('inboxMessages', { openid: personaOpenid('visitor'), readAt: null })).toBe(0)
  })

  it('the admin gets a real QR invite, edits the questions, and sees the roster with roles', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#group-viewer-role', '管理员')
    await click(app.page, '#entry-invite')
    await expectText(app.page, '#invite-link', `/${ROUTES.apply}?scene=${inviteIdFor(DEMO_GROUP_ID, personaOpenid('admin'))}`)
    const src = await visible(app.page, '#invite-image img').getAttribute('src')
    expect(src).toMatch(/^data:image\/png;base64,/)

    await app.page.goto(`${app.runtime.url}/packages/admin/pages/admission-settings/index?id=${DEMO_GROUP_ID}`)
    await visible(app.page, '#settings-question-label-2').waitFor({ state: 'visible', timeout: 15000 })
    await click(app.page, '#settings-add-question')
    await fill(app.page, '#settings-question-label-3', '所在城市')
    await click(app.page, '#settings-require-phone')
    await click(app.page, '#settings-save')
    await expectText(app.page, '#settings-message', '已保存')
    expect(await app.store.get('admissionSettings', DEMO_GROUP_ID)).toMatchObject({
      requirePhone: true,
      questions: expect.arrayContaining([expect.objectContaining({ id: 'q4', label: '所在城市', kind: 'text', required: true })]),
    })

    await app.page.goto(`${app.runtime.url}/${ROUTES.members}?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#member-0', '群主')
    await expectText(app.page, '#members-roster', '陈晨-郑州-数据分析师')
    // An admin may remove members but not the owner, and cannot promote.
    expect(await app.page.locator('#remove-0 >> visible=true').count()).toBe(0)
    expect(await app.page.locator('#remove-1 >> visible=true').count()).toBe(0)
    expect(await app.page.locator('[id^="role-"] >> visible=true').count()).toBe(0)
    expect(await app.page.locator('[id^="remove-"] >> visible=true').count()).toBeGreaterThan(0)
  })

  it('the member sees no review queue: the function refuses with FORBIDDEN', async () => {
    await click(app.page, '#persona-member')
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/review/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#review-error', '你没有权限进行此操作')
  })
})
