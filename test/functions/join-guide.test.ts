/**
 * Into the WeChat group after approval (through the real `admission` and `admissionPurge` handlers on
 * SQLite): admins set the group QR / personal QR / instructions from their own uploads; only members see
 * them (never applicants or strangers, through any action); an expired QR is never shown; the admins hear
 * a day before it expires, once; 「我已入群」 and the admins' not-joined list.
 */
import {
  confirmJoined,
  decideApplication,
  getApplyPage,
  getGroupProfile,
  getJoinGuide,
  getJoinGuideSettings,
  listInbox,
  listNotJoined,
  updateJoinGuide,
} from '../../contracts'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { photoRecordId } from '../../domain/photos'
import * as admission from '../../usecases/admission'
import { recordPhotoUpload } from '../../usecases/photos'
import { ADMIN, GROUP, MEMBER, OWNER, STRANGER, TIMER, applyInput, makeFixture, type Fixture } from '../support/fixture'

const APPLICANT = 'o_applicant'
const QR = `local:${'a'.repeat(32)}.png`
const PERSONAL = `local:${'b'.repeat(32)}.png`
const OTHER_QR = `local:${'c'.repeat(32)}.png`

async function upload(fx: Fixture, openid: string, photoId: string) {
  await recordPhotoUpload(fx.ctx(openid), { groupId: GROUP, photoId, location: `/tmp/${photoId.slice(6)}`, size: 10 })
}

async function withGuide(fx: Fixture) {
  await upload(fx, ADMIN, QR)
  await upload(fx, ADMIN, PERSONAL)
  return fx.api.as(ADMIN).call(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: PERSONAL, instructions: '进群后先看群公告' })
}

describe('setting the join guide', () => {
  it('records when the group QR was set, expiry 7 days later, claims the admin’s own uploads and writes the audit log', async () => {
    const fx = await makeFixture()
    const view = await withGuide(fx)
    expect(view.groupQr).toMatchObject({ photoId: QR, generatedAt: '2026-11-23T02:00:00.000Z', expiresAt: '2026-11-30T02:00:00.000Z', expired: false })
    expect(view.groupQr?.url).toMatch(/^\/photos\/a{32}\.png\?exp=\d+&sig=/)
    expect(view.personalQr?.photoId).toBe(PERSONAL)
    expect(view.instructions).toBe('进群后先看群公告')
    expect((await fx.store.get('photos', photoRecordId(GROUP, QR)!))?.checkinId).toBe(`joinGuide:${GROUP}`)
    expect((await fx.store.get('groups', GROUP))?.joinQrRemindAt).toBe('2026-11-29T02:00:00.000Z')
    expect(await fx.store.count('auditLogs', { groupId: GROUP })).toBe(1)
    // Saving again with the same QR keeps its time; another admin's upload or someone's check-in photo is refused.
    fx.clock.set('2026-11-24T02:00:00.000Z')
    expect((await fx.api.as(ADMIN).call(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: null, instructions: '' })).groupQr?.generatedAt).toBe('2026-11-23T02:00:00.000Z')
    await upload(fx, MEMBER, OTHER_QR)
    expect(await fx.api.as(ADMIN).result(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: OTHER_QR, personalQrPhotoId: null, instructions: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('takes the day WeChat generated the QR (within its 7 days), so the expiry and the reminder follow it', async () => {
    const fx = await makeFixture()
    await upload(fx, ADMIN, QR)
    const save = (day: string) => fx.api.as(ADMIN).result(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: null, instructions: '', groupQrGeneratedOn: day })
    for (const day of ['2026-11-24', '2026-11-16', '2026-02-30']) {
      expect(await save(day)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { groupQrGeneratedOn: expect.stringContaining('7 天后失效') } } })
    }
    expect(await save('2026-11-21')).toMatchObject({ ok: true, data: { groupQr: { generatedAt: '2026-11-21T02:00:00.000Z', expiresAt: '2026-11-28T02:00:00.000Z' } } })
    expect((await fx.store.get('groups', GROUP))?.joinQrRemindAt).toBe('2026-11-27T02:00:00.000Z')
  })

  it('a replaced image is released to the orphan cleanup; members may not set it', async () => {
    const fx = await makeFixture()
    await withGuide(fx)
    await upload(fx, OWNER, OTHER_QR)
    const view = await fx.api.as(OWNER).call(updateJoinGuide, { groupId: GROUP, groupQrPhotoId: OTHER_QR, personalQrPhotoId: PERSONAL, instructions: '' })
    expect(view.groupQr?.photoId).toBe(OTHER_QR)
    expect((await fx.store.get('photos', photoRecordId(GROUP, QR)!))?.checkinId).toBeNull()
    expect(await fx.api.as(MEMBER).result(getJoinGuideSettings, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('who sees it', () => {
  it('a member sees QR links, instructions and their nickname; applicants and strangers see nothing of it anywhere', async () => {
    const fx = await makeFixture()
    await withGuide(fx)
    await admission.submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())

    const guide = await fx.api.as(MEMBER).call(getJoinGuide, { groupId: GROUP })
    expect(guide).toMatchObject({ instructions: '进群后先看群公告', nickname: '李娜-郑州-工程师', joinedAt: null, groupQrExpiresAt: '2026-11-30T02:00:00.000Z' })
    expect(guide.groupQrUrl).toMatch(/^\/photos\/a{32}\.png/)
    expect(guide.personalQrUrl).toMatch(/^\/photos\/b{32}\.png/)
    expect((await fx.api.as(MEMBER).call(getApplyPage, { groupId: GROUP })).joinGuide).toEqual(guide)

    for (const who of [APPLICANT, 'o_nobody', STRANGER] as const) {
      expect(await fx.api.as(who).result(getJoinGuide, { groupId: GROUP })).toMatchObject({ ok: false })
      expect(await fx.api.as(who).result(confirmJoined, { groupId: GROUP })).toMatchObject({ ok: false })
      const applyPage = await fx.api.as(who).call(getApplyPage, { groupId: GROUP })
      expect(applyPage.joinGuide).toBeNull()
      const views = [applyPage, await fx.api.as(who).call(getGroupProfile, { groupId: GROUP })]
      for (const view of views) {
        const json = JSON.stringify(view)
        for (const secret of ['a'.repeat(32), 'b'.repeat(32), '进群后先看群公告', '/photos/']) expect(json).not.toContain(secret)
      }
    }
  })

  it('an approved applicant is told in the approval message and then sees the guide', async () => {
    const fx = await makeFixture()
    await withGuide(fx)
    await admission.submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())
    await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, APPLICANT), decision: 'approve', reason: '' })
    const inbox = await fx.api.as(APPLICANT).call(listInbox, {})
    expect(inbox.items[0].body).toContain('王芳-郑州-会计')
    expect(inbox.items[0].body).toContain('进群后先看群公告')
    expect(inbox.items[0].body).toContain('群主页')
    expect((await fx.api.as(APPLICANT).call(getJoinGuide, { groupId: GROUP })).groupQrUrl).toMatch(/^\/photos\//)
  })

  it('never shows an expired group QR (the personal QR and instructions stay)', async () => {
    const fx = await makeFixture()
    await withGuide(fx)
    fx.clock.set('2026-11-30T02:00:00.000Z')
    const guide = await fx.api.as(MEMBER).call(getJoinGuide, { groupId: GROUP })
    expect(guide.groupQrUrl).toBeNull()
    expect(guide.groupQrExpiresAt).toBeNull()
    expect(JSON.stringify(guide)).not.toContain('a'.repeat(32))
    expect(guide.personalQrUrl).not.toBeNull()
    expect((await fx.api.as(ADMIN).call(getJoinGuideSettings, { groupId: GROUP })).groupQr?.expired).toBe(true)
  })
})

describe('the expiry reminder (timer)', () => {
  it('reaches every owner and admin once, a day before the QR expires; nobody else may run it', async () => {
    const fx = await makeFixture()
    await withGuide(fx)
    const fire = (at: string) => fx.api.as(TIMER).at(at).event('admissionPurge', { Type: 'Timer', TriggerName: 'joinQrReminderHourly', Time: at })
    expect(await fire('2026-11-29T01:05:00.000Z')).toEqual({ ok: true, data: { reminded: 0 } })
    expect(await fire('2026-11-29T02:05:00.000Z')).toEqual({ ok: true, data: { reminded: 1 } })
    expect(await fire('2026-11-29T03:05:00.000Z')).toEqual({ ok: true, data: { reminded: 0 } })
    for (const admin of [OWNER, ADMIN]) {
      const inbox = await fx.api.as(admin).call(listInbox, {})
      expect(inbox.items.filter((m) => m.title.includes('群二维码明天过期'))).toHaveLength(1)
    }
    expect((await fx.api.as(MEMBER).call(listInbox, {})).items).toHaveLength(0)
    expect(await fx.api.as(ADMIN).event('admissionPurge', { action: 'remindJoinQrExpiry', input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The purge trigger still runs the purge.
    expect(await fx.api.as(TIMER).event('admissionPurge', { Type: 'Timer', TriggerName: 'purgeRejectedDaily' })).toEqual({ ok: true, data: { purged: 0 } })
  })
})

describe('「我已入群」 and the not-joined list', () => {
  it('lists approved members who have not confirmed after N days, until they do', async () => {
    const fx = await makeFixture()
    await admission.submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())
    await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, APPLICANT), decision: 'approve', reason: '' })
    // Founding members (not approved through an application) are never on the list.
    expect((await fx.api.as(ADMIN).call(listNotJoined, { groupId: GROUP, days: 3 })).items).toEqual([])
    fx.clock.set('2026-11-26T03:00:00.000Z')
    const list = await fx.api.as(ADMIN).call(listNotJoined, { groupId: GROUP, days: 3 })
    expect(list.items.map((m) => m.nickname)).toEqual(['王芳-郑州-会计'])
    expect(JSON.stringify(list)).not.toContain(APPLICANT)
    expect(await fx.api.as(MEMBER).result(listNotJoined, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const joined = await fx.api.as(APPLICANT).call(confirmJoined, { groupId: GROUP })
    expect(joined.joinedAt).toBe('2026-11-26T03:00:00.000Z')
    fx.clock.set('2026-11-27T03:00:00.000Z')
    expect((await fx.api.as(APPLICANT).call(confirmJoined, { groupId: GROUP })).joinedAt).toBe('2026-11-26T03:00:00.000Z')
    expect((await fx.api.as(ADMIN).call(listNotJoined, { groupId: GROUP, days: 3 })).items).toEqual([])
    expect((await fx.store.get('members', memberId(GROUP, APPLICANT)))?.joinPending).toBe(false)
  })
})
