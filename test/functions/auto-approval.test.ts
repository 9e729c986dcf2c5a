/**
 * Auto-approval (自动通过), through the real `admission` handlers on SQLite: off by default; the active-inviter
 * rule (inviter took part within N days, phone verified when asked, every question answered); the trusted
 * invite link; a full group keeps the application pending; the approval is written like an admin's (membership,
 * member count, inviter credit, inbox) in the submit's transaction and audited as automatic; the 已处理 list
 * shows manual and automatic decisions, admins only.
 */
import {
  decideApplication,
  getAdmissionSettings,
  getInviteCode,
  listApplications,
  listDecidedApplications,
  listInbox,
  submitApplication,
  updateAdmissionSettings,
  type AdmissionSettingsView,
} from '../../contracts'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { AUTO_APPROVAL_ACTOR } from '../../usecases/admission'
import { ADMIN, GROUP, MEMBER, OWNER, applyInput, makeFixture, type Fixture } from '../support/fixture'

async function setRules(fx: Fixture, autoApproval: Partial<AdmissionSettingsView['autoApproval']>, questions: AdmissionSettingsView['questions'] = []) {
  const current = await fx.api.as(ADMIN).call(getAdmissionSettings, { groupId: GROUP })
  const { ownInviteId: _own, ...settings } = current
  await fx.api.as(ADMIN).call(updateAdmissionSettings, { groupId: GROUP, settings: { ...settings, questions, autoApproval: { ...current.autoApproval, ...autoApproval } } })
}

async function inviteOf(fx: Fixture, openid: string) {
  return (await fx.api.as(openid).call(getInviteCode, { groupId: GROUP })).inviteId
}

describe('auto-approval at submit', () => {
  it('is off by default: an invited applicant waits for an admin', async () => {
    const fx = await makeFixture()
    expect((await fx.api.as(ADMIN).call(getAdmissionSettings, { groupId: GROUP })).autoApproval).toEqual({ activeInviter: false, inviterActiveDays: 7, requireVerifiedPhone: true, trustedInviteIds: [] })
    const inviteId = await inviteOf(fx, MEMBER)
    await fx.store.update('members', memberId(GROUP, MEMBER), { activeDay: '2026-11-22' })
    expect((await fx.api.as('o_new').call(submitApplication, applyInput({ inviteId }))).status).toBe('pending')
    expect(await fx.store.get('members', memberId(GROUP, 'o_new'))).toBeNull()
  })

  it('approves an applicant invited by a member active within N days, with every question answered; audited as automatic', async () => {
    const fx = await makeFixture()
    await setRules(fx, { activeInviter: true, inviterActiveDays: 3, requireVerifiedPhone: false }, [{ id: 'q1', kind: 'text', label: '为什么想加入？', required: false, options: [] }])
    const inviteId = await inviteOf(fx, MEMBER)
    await fx.store.update('members', memberId(GROUP, MEMBER), { activeDay: '2026-11-20', score: 0 })

    // An optional question left blank: not every answer filled, so it waits.
    expect((await fx.api.as('o_blank').call(submitApplication, applyInput({ inviteId }))).status).toBe('pending')
    const mine = await fx.api.as('o_new').call(submitApplication, applyInput({ inviteId, answers: { q1: '喜欢徒步' } }))
    expect(mine).toMatchObject({ status: 'approved', decidedAt: '2026-11-23T02:00:00.000Z' })
    expect(await fx.store.get('members', memberId(GROUP, 'o_new'))).toMatchObject({ role: 'member', joinPending: true })
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(4)
    expect((await fx.store.get('applications', applicationId(GROUP, 'o_new')))).toMatchObject({ decidedBy: null, decidedByRule: 'activeInviter' })
    // The inviter's invitee points, as for an admin's approval.
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)))?.score).toBeGreaterThan(0)
    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'application.approve' } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorOpenid: AUTO_APPROVAL_ACTOR, targetOpenid: 'o_new', detail: { automatic: true, rule: 'activeInviter' } })
    expect((await fx.api.as('o_new').call(listInbox, {})).items[0]).toMatchObject({ kind: 'application.approved' })
    // Not in the queue.
    expect((await fx.api.as(ADMIN).call(listApplications, { groupId: GROUP })).items.map((c) => c.id)).toEqual([applicationId(GROUP, 'o_blank')])
  })

  it('waits when the inviter has not taken part within N days, when the phone is not verified, or when the group is full', async () => {
    const fx = await makeFixture()
    await setRules(fx, { activeInviter: true, inviterActiveDays: 3, requireVerifiedPhone: false })
    const inviteId = await inviteOf(fx, MEMBER)
    await fx.store.update('members', memberId(GROUP, MEMBER), { activeDay: '2026-11-19' })
    expect((await fx.api.as('o_a').call(submitApplication, applyInput({ inviteId }))).status).toBe('pending')

    await fx.store.update('members', memberId(GROUP, MEMBER), { activeDay: '2026-11-23' })
    await setRules(fx, { requireVerifiedPhone: true })
    // A typed number (the local build) is not verified by WeChat.
    expect((await fx.api.as('o_b').call(submitApplication, applyInput({ inviteId, phone: '13812341234' }))).status).toBe('pending')

    await setRules(fx, { requireVerifiedPhone: false })
    await fx.store.update('groups', GROUP, { capacity: 3 })
    expect((await fx.api.as('o_c').call(submitApplication, applyInput({ inviteId }))).status).toBe('pending')
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(3)
    expect(await fx.store.count('auditLogs', { groupId: GROUP, action: 'application.approve' })).toBe(0)
  })

  it('always approves through a trusted invite link, and only that one', async () => {
    const fx = await makeFixture()
    const trusted = await inviteOf(fx, ADMIN)
    const other = await inviteOf(fx, MEMBER)
    await setRules(fx, { trustedInviteIds: [trusted] })
    expect((await fx.api.as('o_t').call(submitApplication, applyInput({ inviteId: trusted }))).status).toBe('approved')
    expect((await fx.api.as('o_o').call(submitApplication, applyInput({ inviteId: other }))).status).toBe('pending')
    expect((await fx.api.as('o_n').call(submitApplication, applyInput())).status).toBe('pending')
    expect((await fx.store.get('applications', applicationId(GROUP, 'o_t')))?.decidedByRule).toBe('trustedInvite')
  })
})

describe('已处理: decided applications', () => {
  it('lists manual and automatic decisions newest first, with who and which rule; admins only', async () => {
    const fx = await makeFixture()
    const trusted = await inviteOf(fx, ADMIN)
    await setRules(fx, { trustedInviteIds: [trusted] })
    await fx.api.as('o_r').call(submitApplication, applyInput())
    await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_r'), decision: 'reject', reason: '资料不全' })
    fx.clock.set('2026-11-23T03:00:00.000Z')
    await fx.api.as('o_t').call(submitApplication, applyInput({ inviteId: trusted, intro: { name: '赵六', region: '开封', occupation: '教师', about: '' } }))
    await fx.api.as('o_p').call(submitApplication, applyInput())

    const page = await fx.api.as(OWNER).call(listDecidedApplications, { groupId: GROUP })
    expect(page.items).toEqual([
      { id: applicationId(GROUP, 'o_t'), status: 'approved', nickname: '赵六-开封-教师', decidedAt: '2026-11-23T03:00:00.000Z', deciderName: null, rule: 'trustedInvite', rejectReason: null },
      { id: applicationId(GROUP, 'o_r'), status: 'rejected', nickname: '王芳-郑州-会计', decidedAt: '2026-11-23T02:00:00.000Z', deciderName: '王强-郑州-工程师', rule: null, rejectReason: '资料不全' },
    ])
    expect(page.next).toBeNull()
    for (const who of [MEMBER, 'o_p', 'o_t']) {
      expect(await fx.api.as(who).result(listDecidedApplications, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
