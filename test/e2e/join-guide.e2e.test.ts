/**
 * Into the WeChat group after approval, end to end in real headless Chromium on the local runtime (H5
 * build, real handlers on SQLite): the admin uploads the group's QR and writes instructions on the
 * join-guide page; the pending applicant sees their status on the group page (not 申请加入, no QR); the admin
 * approves; the new member sees the QR and the instructions beside their nickname and taps 我已入群 — while
 * a stranger asking the same API gets nothing of it. Needs `npm run build:h5` first (npm test does it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function api(url: string, fn: string, action: string, input: unknown, openid: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid) headers['X-WX-OPENID'] = openid
  const response = await fetch(`${url}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, input }) })
  return response.json() as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
}

describe('into the WeChat group after approval (Chromium)', () => {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-join-'))
  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }))
  const app = useH5App({ now: () => FIXED_NOW, uploadDir })

  it('admin sets the QR, the approved applicant sees it and says 我已入群; a stranger gets nothing', async () => {
    const applicant = personaOpenid('applicant')
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await click(app.page, '#entry-joinGuide')
    await expectText(app.page, '#join-guide-group-qr-upload', '上传图片')
    const chooser = app.page.waitForEvent('filechooser')
    await click(app.page, '#join-guide-group-qr-upload')
    await (await chooser).setFiles({ name: 'group-qr.png', mimeType: 'image/png', buffer: PNG_1x1 })
    await expectText(app.page, '#join-guide-group-qr-upload', '更换')
    // The day WeChat generated it: today by default (the server's day), at most 6 days back.
    await expectText(app.page, '#join-guide-generated-on', '二维码生成日期：2026-11-23')
    await fill(app.page, '#join-guide-instructions', '扫码后请先看群公告')
    await click(app.page, '#join-guide-save')
    await expectText(app.page, '#join-guide-saved', '已保存')
    await expectText(app.page, '#join-guide-expiry', '11-30 10:00 过期')

    // The applicant, still pending: their status instead of 申请加入, and no QR.
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-applicant')
    await expectText(app.page, '#group-application-status', '审核中')
    expect(await app.page.locator('#join-guide').count()).toBe(0)
    expect(await app.page.locator('#entry-apply').count()).toBe(0)

    const approved = await api(app.runtime.url, 'admission', 'decide', { groupId: DEMO_GROUP_ID, applicationId: applicationId(DEMO_GROUP_ID, applicant), decision: 'approve', reason: '' }, personaOpenid('admin'))
    expect(approved.ok).toBe(true)

    await app.page.reload()
    await expectText(app.page, '#join-guide-instructions', '扫码后请先看群公告')
    await expectText(app.page, '#join-guide-nickname', '入群后请把群昵称改为')
    const src = (await visible(app.page, '#join-guide-group-qr-image img').getAttribute('src')) ?? ''
    expect(src).toMatch(/^\/photos\/[a-f0-9]{32}\.png\?exp=\d+&sig=[a-f0-9]{64}$/)
    expect((await fetch(`${app.runtime.url}${src}`)).status).toBe(200)
    await click(app.page, '#join-guide-confirm')
    await expectText(app.page, '#join-guide-joined', '已入群')
    expect((await app.store.get('members', memberId(DEMO_GROUP_ID, applicant)))?.wechatJoinedAt).toBe(FIXED_NOW.toISOString())

    // A stranger (no identity) and a visitor asking the same API: refused, and nothing of the guide anywhere.
    for (const who of [null, personaOpenid('visitor')]) {
      const guide = await api(app.runtime.url, 'admission', 'getJoinGuide', { groupId: DEMO_GROUP_ID }, who)
      expect(guide.ok).toBe(false)
      const page = await api(app.runtime.url, 'admission', 'getApplyPage', { groupId: DEMO_GROUP_ID }, who)
      expect(page).toMatchObject({ ok: true, data: { joinGuide: null } })
      for (const answer of [guide, page]) {
        expect(JSON.stringify(answer)).not.toContain('/photos/')
        expect(JSON.stringify(answer)).not.toContain('扫码后请先看群公告')
      }
    }
  })
})
