/**
 * Auto-approval end to end in real headless Chromium on the local runtime (H5 build, real handlers on
 * SQLite): the admin uploads the group's QR, turns on 「通过我的邀请链接的申请一律自动通过」 on the admission
 * settings page; a new visitor opens the admin's invite link, applies, and is approved at once — the apply page
 * says 已通过 and the group page shows them the group QR — while a stranger and another visitor asking the
 * same API get nothing of it. The admins' 已处理 tab shows the approval as automatic. Then 需补充: the admin
 * asks a waiting applicant a question, the applicant answers on the apply page, and the card shows the exchange.
 * With SHOTS_DIR set, it also saves 375×812 screenshots of the pages it passes. Needs `npm run build:h5` first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { inviteIdFor } from '../../usecases/admission'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'
import { ROUTES } from '../../contracts/routes'

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function api(url: string, fn: string, action: string, input: unknown, openid: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid) headers['X-WX-OPENID'] = openid
  const response = await fetch(`${url}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, input }) })
  return response.json() as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
}

describe('auto-approval and 需补充 (Chromium)', () => {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-auto-'))
  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }))
  const app = useH5App({ now: () => FIXED_NOW, uploadDir })

  async function shot(name: string) {
    const dir = process.env.SHOTS_DIR
    if (!dir) return
    fs.mkdirSync(dir, { recursive: true })
    await app.page.setViewportSize({ width: 375, height: 812 })
    await app.page.waitForTimeout(300)
    await app.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false })
  }

  it('an applicant through a trusted invite link is approved at submit and sees the group QR; a stranger sees nothing', async () => {
    const admin = personaOpenid('admin')
    const visitor = personaOpenid('visitor')
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#pending-badge', '份入群申请待审核')
    await shot('group-admin-badge')

    // The group QR, as the join guide page takes it.
    await click(app.page, '#entry-joinGuide')
    const chooser = app.page.waitForEvent('filechooser')
    await click(app.page, '#join-guide-group-qr-upload')
    await (await chooser).setFiles({ name: 'group-qr.png', mimeType: 'image/png', buffer: PNG_1x1 })
    await expectText(app.page, '#join-guide-group-qr-upload', '更换')
    await fill(app.page, '#join-guide-instructions', '扫码后请先看群公告')
    await click(app.page, '#join-guide-save')
    await expectText(app.page, '#join-guide-saved', '已保存')

    // The admin's invite link exists once they opened it; then trust it on the settings page.
    expect((await api(app.runtime.url, 'admission', 'getInviteCode', { groupId: DEMO_GROUP_ID }, admin)).ok).toBe(true)
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/admission-settings/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#settings-auto', '自动通过（默认关闭）')
    await expectText(app.page, '#settings-auto-own-invite', '关闭')
    await click(app.page, '#settings-auto-own-invite')
    await expectText(app.page, '#settings-auto-own-invite', '开启')
    await shot('admission-settings-auto')
    await click(app.page, '#settings-save')
    await expectText(app.page, '#settings-message', '已保存')

    // The visitor opens the invite link and applies.
    await app.page.goto(`${app.runtime.url}/${ROUTES.apply}?scene=${inviteIdFor(DEMO_GROUP_ID, admin)}`)
    await click(app.page, '#persona-visitor')
    await expectText(app.page, '#apply-inviter', '王强')
    await click(app.page, '#apply-accept-rules')
    await fill(app.page, '#apply-name', '陈晨')
    await fill(app.page, '#apply-region', '郑州')
    await fill(app.page, '#apply-occupation', '数据分析师')
    await click(app.page, '#question-source-1')
    await fill(app.page, '#question-reading', '《人类简史》')
    await click(app.page, '#apply-submit')
    // Approved at once: the page turns into the member's, with how to get into the WeChat group.
    await expectText(app.page, '#apply-member', '扫码后请先看群公告')
    await shot('apply-auto-approved')
    expect(await app.store.get('members', memberId(DEMO_GROUP_ID, visitor))).toMatchObject({ role: 'member' })
    expect(await app.store.get('applications', applicationId(DEMO_GROUP_ID, visitor))).toMatchObject({ status: 'approved', decidedBy: null, decidedByRule: 'trustedInvite' })

    // The new member sees the group QR on the group page.
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#join-guide-instructions', '扫码后请先看群公告')
    const src = (await visible(app.page, '#join-guide-group-qr-image img').getAttribute('src')) ?? ''
    expect(src).toMatch(/^\/photos\/[a-f0-9]{32}\.png\?exp=\d+&sig=[a-f0-9]{64}$/)
    expect((await fetch(`${app.runtime.url}${src}`)).status).toBe(200)
    await shot('group-auto-approved-member')

    // A stranger (no identity) and someone who never applied, asking the same API: nothing of the guide.
    for (const who of [null, 'o_someone_else']) {
      const guide = await api(app.runtime.url, 'admission', 'getJoinGuide', { groupId: DEMO_GROUP_ID }, who)
      expect(guide.ok).toBe(false)
      const page = await api(app.runtime.url, 'admission', 'getApplyPage', { groupId: DEMO_GROUP_ID }, who)
      expect(page).toMatchObject({ ok: true, data: { joinGuide: null } })
      for (const answer of [guide, page]) {
        expect(JSON.stringify(answer)).not.toContain('/photos/')
        expect(JSON.stringify(answer)).not.toContain('扫码后请先看群公告')
      }
    }

    // The admins' 已处理: the approval, marked automatic.
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/review/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await click(app.page, '#tab-history')
    await expectText(app.page, '#decided-0', '陈晨-郑州-数据分析师')
    await expectText(app.page, '#decided-by-0', '自动通过（指定邀请链接）')
    await shot('review-history')
  })

  it('需补充: the admin asks, the applicant answers on the apply page, the card shows the exchange', async () => {
    await app.page.goto(`${app.runtime.url}/packages/admin/pages/review/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#review-summary', '待审核')
    // The applicant persona's card (the demo's own pending applicant).
    const applicant = personaOpenid('applicant')
    const detail = await api(app.runtime.url, 'admission', 'getApplication', { groupId: DEMO_GROUP_ID, applicationId: applicationId(DEMO_GROUP_ID, applicant) }, personaOpenid('admin'))
    expect(detail.ok).toBe(true)
    const name = (detail.data as { intro: { name: string } }).intro.name
    await expectText(app.page, '#review-queue', name)
    let at = -1
    for (let i = 0; i < 20 && at < 0; i++) if (((await app.page.locator(`#application-${i}`).textContent()) ?? '').includes(name)) at = i
    expect(at).toBeGreaterThanOrEqual(0)
    await click(app.page, `#ask-${at}`)
    await fill(app.page, '#ask-question', '你一般几点起床读书？')
    await shot('review-ask')
    await click(app.page, '#ask-send')
    await expectText(app.page, '#review-message', '提问，等待补充')

    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-applicant')
    await expectText(app.page, '#group-application-status', '管理员请你补充信息')
    await expectText(app.page, '#group-application-question', '你一般几点起床读书？')
    await shot('group-needs-info')
    await click(app.page, '#group-application-view')
    await expectText(app.page, '#apply-status', '需补充')
    await fill(app.page, '#apply-follow-up-answer', '六点，读半小时')
    await shot('apply-needs-info')
    await click(app.page, '#apply-follow-up-send')
    await expectText(app.page, '#apply-status', '审核中')
    await expectText(app.page, '#apply-follow-ups', '答：六点，读半小时')

    await app.page.goto(`${app.runtime.url}/packages/admin/pages/review/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await expectText(app.page, '#review-queue', '答：六点，读半小时')
    await app.page.locator('[id^="follow-ups-"]').first().scrollIntoViewIfNeeded()
    await shot('review-exchange')
    await app.page.goto(`${app.runtime.url}/pages/index/index`)
    await expectText(app.page, `#pending-badge-${DEMO_GROUP_ID}`, '早起读书会')
    await shot('index-admin-badge')
  })
})
