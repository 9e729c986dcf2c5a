/**
 * Admission rules, on the use cases on SQLite (races through the handlers: test/functions/admission.test.ts):
 * one open application per person per group, rules acceptance, thresholds and questions, withdraw,
 * cooldown, decisions with membership + member count + audit + inbox, full groups, batch results,
 * privacy of phone numbers, invites, and the purge.
 */
import { rulesAckId } from '../../domain/rules'
import dayjs from 'dayjs'
import { userCaller } from '../../usecases/context'
import { applicationId, archivedApplicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import {
  decideApplication,
  decideApplications,
  getApplication,
  getApplyPage,
  getInviteCode,
  inviteIdFor,
  listApplications,
  purgeRejectedApplications,
  submitApplication,
  updateAdmissionSettings,
  withdrawApplication,
} from '../../usecases/admission'
import { getApplyPage as getApplyPageContract } from '../../contracts/admission'
import { SUBSCRIBE_TEMPLATES, withTemplateIds } from '../../contracts/subscribe-templates'
import { withNotifier } from '../../usecases/notifications'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, STRANGER, TIMER, applyInput, makeFixture, testMember, type Fixture } from '../support/fixture'

const NEW = 'o_new'
const APP = applicationId(GROUP, NEW)

const settings = {
  questions: [
    { id: 'source', kind: 'text' as const, label: '从哪里知道本群？', required: true, options: [] },
    { id: 'pace', kind: 'choice' as const, label: '多久参加一次活动？', required: false, options: ['每周', '每月'] },
  ],
  requirePhone: true,
  allowMemberInvites: false,
  cooldownDays: 7,
  reasonTemplates: ['自我介绍不完整'],
}

describe('submitting an application', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture()
  })

  it('creates one pending application with the accepted rules version', async () => {
    const mine = await submitApplication(fx.ctx(NEW), fx.services, applyInput())
    expect(mine).toMatchObject({ id: APP, status: 'pending', rulesVersion: 2, intro: { name: '王芳' } })
    expect(await fx.store.get('applications', APP)).toMatchObject({ openid: NEW, round: 1, status: 'pending', inviterOpenid: null })
  })

  it('updates the pending application on a second submit — never two', async () => {
    await submitApplication(fx.ctx(NEW), fx.services, applyInput())
    await submitApplication(fx.ctx(NEW), fx.services, applyInput({ intro: { name: '王芳', region: '洛阳', occupation: '会计', about: '' } }))
    const apps = await fx.store.find('applications', { where: { groupId: GROUP } })
    expect(apps).toHaveLength(1)
    expect(apps[0].intro.region).toBe('洛阳')
  })

  it('refuses when the rules changed since the page loaded, and changes nothing', async () => {
    await expect(submitApplication(fx.ctx(NEW), fx.services, applyInput({ rulesVersion: 1 }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '群规已更新，请重新阅读并同意最新群规后再提交',
    })
    expect(await fx.store.count('applications', {})).toBe(0)
  })

  it('refuses members and the unauthenticated', async () => {
    await expect(submitApplication(fx.ctx(MEMBER), fx.services, applyInput())).rejects.toMatchObject({ code: 'CONFLICT', message: '你已经是本群成员，无需再申请' })
    await expect(submitApplication(fx.ctx(STRANGER), fx.services, applyInput())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('checks answers and the phone threshold with the shared schema, field by field', async () => {
    await updateAdmissionSettings(fx.ctx(ADMIN), { groupId: GROUP, settings })
    const refused = submitApplication(fx.ctx(NEW), fx.services, applyInput({ answers: { pace: '每天' }, phone: '123' }))
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'answers.source': '此项必填', 'answers.pace': '请从选项中选择一项', phone: '请填写 11 位大陆手机号' },
    })
    expect(await fx.store.count('applications', {})).toBe(0)

    const mine = await submitApplication(fx.ctx(NEW), fx.services, applyInput({ answers: { source: '朋友推荐', pace: '每周' }, phone: '13812341234' }))
    expect(mine.phone).toBe('13812341234')
    expect(mine.answers).toEqual([
      { questionId: 'source', label: '从哪里知道本群？', answer: '朋友推荐' },
      { questionId: 'pace', label: '多久参加一次活动？', answer: '每周' },
    ])
  })

  it('refuses a phone-number button code locally with a clear message', async () => {
    await expect(submitApplication(fx.ctx(NEW), fx.services, applyInput({ phoneCode: 'abc' }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '本地环境请直接填写手机号',
    })
  })

  it('records the inviter of a valid invite, and ignores an invite of another group', async () => {
    const invite = await getInviteCode(fx.ctx(ADMIN), fx.services, { groupId: GROUP })
    await submitApplication(fx.ctx(NEW), fx.services, applyInput({ inviteId: invite.inviteId }))
    expect(await fx.store.get('applications', APP)).toMatchObject({ inviteId: invite.inviteId, inviterOpenid: ADMIN })

    await fx.store.create('invites', { _id: 'i_00000000ff', groupId: 'other', inviterOpenid: 'o_x', createdAt: FIXED_NOW.toISOString() })
    await submitApplication(fx.ctx('o_other'), fx.services, applyInput({ inviteId: 'i_00000000ff' }))
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_other'))).toMatchObject({ inviterOpenid: null })
  })
})

describe('withdraw and cooldown', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture()
    await submitApplication(fx.ctx(NEW), fx.services, applyInput())
  })

  it('withdraws a pending application once, then allows a fresh one', async () => {
    await expect(withdrawApplication(fx.ctx(NEW), { groupId: GROUP })).resolves.toMatchObject({ status: 'withdrawn' })
    await expect(withdrawApplication(fx.ctx(NEW), { groupId: GROUP })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(submitApplication(fx.ctx(NEW), fx.services, applyInput())).resolves.toMatchObject({ status: 'pending' })
    expect(await fx.store.get('applications', APP)).toMatchObject({ round: 2, status: 'pending' })
    expect(await fx.store.get('applications', archivedApplicationId(GROUP, NEW, 1))).toMatchObject({ status: 'withdrawn', archived: true })
  })

  it('holds a rejected applicant back for the cooldown, then archives the old round', async () => {
    await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'reject', reason: '自我介绍不完整' })
    const threeDaysLater = dayjs(FIXED_NOW).add(3, 'day').toDate()
    await expect(submitApplication(fx.ctx(NEW, threeDaysLater), fx.services, applyInput())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '你的申请未通过，2026-11-30 10:00 之后可以重新申请',
    })
    const page = await getApplyPage(fx.ctx(NEW), fx.services, { groupId: GROUP })
    expect(page.myApplication).toMatchObject({ status: 'rejected', rejectReason: '自我介绍不完整', reapplyAllowedAt: '2026-11-30T02:00:00.000Z' })

    const eightDaysLater = dayjs(FIXED_NOW).add(8, 'day').toDate()
    await expect(submitApplication(fx.ctx(NEW, eightDaysLater), fx.services, applyInput())).resolves.toMatchObject({ status: 'pending' })
    expect(await fx.store.get('applications', archivedApplicationId(GROUP, NEW, 1))).toMatchObject({ status: 'rejected', rejectReason: '自我介绍不完整' })
  })
})

describe('deciding', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture()
    await submitApplication(fx.ctx(NEW), fx.services, applyInput())
  })

  it('approving creates the membership, bumps memberCount, audits and tells the applicant — together', async () => {
    const result = await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })
    expect(result).toEqual({ applicationId: APP, outcome: 'approved', message: '已通过 王芳-郑州-会计' })
    expect(await fx.store.get('members', memberId(GROUP, NEW))).toMatchObject({ role: 'member', intro: { name: '王芳', region: '郑州', occupation: '会计' } })
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(4)
    expect(await fx.store.find('auditLogs', { where: { groupId: GROUP } })).toEqual([
      expect.objectContaining({ actorOpenid: ADMIN, action: 'application.approve', targetOpenid: NEW }),
    ])
    expect(await fx.store.find('inboxMessages', { where: { openid: NEW } })).toEqual([
      expect.objectContaining({ kind: 'application.approved', title: '你已加入「周末徒步·郑州群」', link: `/pages/group/index?id=${GROUP}` }),
    ])
    const accepted = (await fx.store.get('applications', APP))?.rulesVersion
    expect((await fx.store.get('members', memberId(GROUP, NEW)))?.rulesAck).toMatchObject({ version: accepted })
  })

  it('rejecting keeps the reason and tells the applicant', async () => {
    await decideApplication(fx.ctx(OWNER), fx.services, { groupId: GROUP, applicationId: APP, decision: 'reject', reason: '本群仅限郑州' })
    expect(await fx.store.get('applications', APP)).toMatchObject({ status: 'rejected', rejectReason: '本群仅限郑州', decidedBy: OWNER })
    expect(await fx.store.get('members', memberId(GROUP, NEW))).toBeNull()
    expect(await fx.store.find('inboxMessages', { where: { openid: NEW } })).toEqual([expect.objectContaining({ kind: 'application.rejected', body: '原因：本群仅限郑州' })])
  })

  it('a double tap decides once: the second gets CONFLICT', async () => {
    await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })
    await expect(decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该申请已被处理（可能是其他管理员刚刚处理了），请刷新',
    })
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(4)
  })

  it('re-checks the decider inside the transaction: an admin demoted meanwhile decides nothing', async () => {
    const demotedOnTheWay = {
      ...fx.store,
      transaction: async <R>(work: Parameters<typeof fx.store.transaction<R>>[0]) => {
        await fx.store.update('members', memberId(GROUP, ADMIN), { role: 'member' })
        return fx.store.transaction(work)
      },
    }
    const ctx = { store: demotedOnTheWay, caller: userCaller(ADMIN), now: () => FIXED_NOW }
    await expect(decideApplication(ctx, fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await fx.store.get('applications', APP)).toMatchObject({ status: 'pending' })
    expect(await fx.store.get('members', memberId(GROUP, NEW))).toBeNull()
  })

  it('refuses unknown or foreign applications with NOT_FOUND', async () => {
    await expect(decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: `${GROUP}:o_nobody`, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('a full group', () => {
  it('refuses approvals and says so', async () => {
    const fx = await makeFixture({ group: { capacity: 3 } })
    await submitApplication(fx.ctx(NEW), fx.services, applyInput())
    await expect(decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '群已满员（上限 3 人），无法通过新的申请',
    })
    expect(await fx.store.get('applications', APP)).toMatchObject({ status: 'pending' })
    expect(await fx.store.count('members', { groupId: GROUP })).toBe(3)
  })

  it('batch approval reports each item: approved, then group full, and already decided', async () => {
    const fx = await makeFixture({ group: { capacity: 4 } })
    for (const openid of ['o_a', 'o_b']) await submitApplication(fx.ctx(openid), fx.services, applyInput())
    await submitApplication(fx.ctx('o_c'), fx.services, applyInput())
    await withdrawApplication(fx.ctx('o_c'), { groupId: GROUP })
    const ids = ['o_a', 'o_b', 'o_c'].map((o) => applicationId(GROUP, o))
    const batch = await decideApplications(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationIds: ids, decision: 'approve', reason: '' })
    expect(batch.results.map((r) => r.outcome)).toEqual(['approved', 'groupFull', 'alreadyDecided'])
    expect(batch.decided).toBe(1)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(4)
  })
})

describe('the review queue and privacy', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture()
    await updateAdmissionSettings(fx.ctx(OWNER), { groupId: GROUP, settings: { ...settings, questions: [] } })
    for (let i = 0; i < 25; i++) {
      const at = dayjs(FIXED_NOW).add(i, 'minute').toDate()
      await submitApplication(fx.ctx(`o_q${String(i).padStart(2, '0')}`, at), fx.services, applyInput({ phone: '13812341234' }))
    }
  })

  it('pages pending applications oldest or newest first, phones masked', async () => {
    const first = await listApplications(fx.ctx(ADMIN), { groupId: GROUP, order: 'oldest', cursor: 0 })
    expect(first).toMatchObject({ total: 25, next: 20, reasonTemplates: ['自我介绍不完整'], seatsLeft: 497 })
    expect(first.items).toHaveLength(20)
    expect(first.items[0]).toMatchObject({ id: applicationId(GROUP, 'o_q00'), phoneMasked: '138****1234' })
    expect(JSON.stringify(first)).not.toContain('13812341234')
    const second = await listApplications(fx.ctx(ADMIN), { groupId: GROUP, order: 'oldest', cursor: 20 })
    expect(second.items.map((c) => c.id)).toEqual(['o_q20', 'o_q21', 'o_q22', 'o_q23', 'o_q24'].map((o) => applicationId(GROUP, o)))
    expect(second.next).toBeNull()
    const newest = await listApplications(fx.ctx(ADMIN), { groupId: GROUP, order: 'newest', cursor: 0 })
    expect(newest.items[0].id).toBe(applicationId(GROUP, 'o_q24'))
  })

  it('shows the full phone only to admins on the detail view, and the applicant on their own page', async () => {
    const id = applicationId(GROUP, 'o_q00')
    await expect(getApplication(fx.ctx(ADMIN), { groupId: GROUP, applicationId: id })).resolves.toMatchObject({ phone: '13812341234', phoneMasked: '138****1234' })
    await expect(getApplication(fx.ctx(MEMBER), { groupId: GROUP, applicationId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(getApplication(fx.ctx('o_q01'), { groupId: GROUP, applicationId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(listApplications(fx.ctx(MEMBER), { groupId: GROUP, order: 'oldest', cursor: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await getApplyPage(fx.ctx('o_q00'), fx.services, { groupId: GROUP })).myApplication?.phone).toBe('13812341234')
    expect((await getApplyPage(fx.ctx('o_q01'), fx.services, { groupId: GROUP })).myApplication?.id).toBe(applicationId(GROUP, 'o_q01'))
  })
})

describe('invites', () => {
  it('gives the same invite to the same inviter, with a real QR of the H5 apply link', async () => {
    const fx = await makeFixture()
    const invite = await getInviteCode(fx.ctx(ADMIN), fx.services, { groupId: GROUP })
    expect(invite.inviteId).toBe(inviteIdFor(GROUP, ADMIN))
    expect(invite.scene.length).toBeLessThanOrEqual(32)
    expect(invite.link).toBe(`http://127.0.0.1:8787/packages/join/pages/apply/index?scene=${invite.inviteId}`)
    expect(invite.imageUrl).toMatch(/^data:image\/png;base64,/)
    await expect(getInviteCode(fx.ctx(ADMIN), fx.services, { groupId: GROUP })).resolves.toMatchObject({ inviteId: invite.inviteId })
    expect(await fx.store.count('invites', { groupId: GROUP })).toBe(1)
    const page = await getApplyPage(fx.ctx(NEW), fx.services, { inviteId: invite.inviteId })
    expect(page).toMatchObject({ group: { id: GROUP }, inviteId: invite.inviteId, inviterName: '王强-郑州-工程师' })
  })

  it('lets members invite only when the group allows it; strangers never', async () => {
    const fx = await makeFixture()
    await expect(getInviteCode(fx.ctx(MEMBER), fx.services, { groupId: GROUP })).resolves.toMatchObject({ inviteId: inviteIdFor(GROUP, MEMBER) })
    await updateAdmissionSettings(fx.ctx(OWNER), { groupId: GROUP, settings })
    await expect(getInviteCode(fx.ctx(MEMBER), fx.services, { groupId: GROUP })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '本群仅管理员可以邀请新成员' })
    await expect(getInviteCode(fx.ctx(NEW), fx.services, { groupId: GROUP })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('says NOT_FOUND for an unknown invite', async () => {
    const fx = await makeFixture()
    await expect(getApplyPage(fx.ctx(NEW), fx.services, { inviteId: 'i_0000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '邀请码无效或已失效' })
  })
})

describe('settings', () => {
  it('are admin-only and audited', async () => {
    const fx = await makeFixture()
    // Opened before the change: this instance now holds the old settings, which the save must not leave served.
    expect((await getApplyPage(fx.ctx(NEW), fx.services, { groupId: GROUP })).questions).toHaveLength(0)
    await expect(updateAdmissionSettings(fx.ctx(MEMBER), { groupId: GROUP, settings })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await updateAdmissionSettings(fx.ctx(ADMIN), { groupId: GROUP, settings })
    expect((await getApplyPage(fx.ctx(NEW), fx.services, { groupId: GROUP })).questions).toHaveLength(2)
    expect(await fx.store.find('auditLogs', { where: { groupId: GROUP } })).toEqual([expect.objectContaining({ action: 'admission.settings', actorOpenid: ADMIN })])
  })
})

describe('subscribe messages', () => {
  const templates = withTemplateIds(SUBSCRIBE_TEMPLATES, { applicationDecided: 'tmpl_decided', checkinReminder: 'tmpl_checkin' })

  it('are sent after a decision only when the applicant subscribed to a configured template', async () => {
    const fx = await makeFixture({ templates })
    await submitApplication(fx.ctx(NEW), fx.services, applyInput({ subscribedTemplateIds: ['tmpl_decided', 'tmpl_unknown', 'tmpl_checkin'] }))
    await submitApplication(fx.ctx('o_quiet'), fx.services, applyInput())
    expect(await fx.store.get('applications', APP)).toMatchObject({ subscribedTemplateIds: ['tmpl_decided'] })
    await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })
    await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_quiet'), decision: 'reject', reason: '' })
    expect(fx.wechat.sent).toEqual([
      {
        touser: NEW,
        templateId: 'tmpl_decided',
        page: `pages/group/index?id=${GROUP}`,
        data: { thing1: { value: '周末徒步·郑州群' }, phrase2: { value: '已通过' }, thing3: { value: '欢迎加入，请阅读群规' }, time4: { value: '2026-11-23 10:00' } },
      },
    ])
  })

  it('say the decision time in the group’s own timezone', async () => {
    const fx = await makeFixture({ templates, group: { timezone: 'America/New_York' } })
    await submitApplication(fx.ctx(NEW), fx.services, applyInput({ subscribedTemplateIds: ['tmpl_decided'] }))
    await decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })
    expect(fx.wechat.sent[0].data.time4).toEqual({ value: '2026-11-22 21:00' })
  })

  it('take the template table the function was given: the apply page asks for the decision template only', async () => {
    const configured = await makeFixture({ templates })
    expect(await configured.api.as(NEW).call(getApplyPageContract, { groupId: GROUP })).toMatchObject({ subscribeTemplateIds: ['tmpl_decided'] })
    const unconfigured = await makeFixture()
    expect(await unconfigured.api.as(NEW).call(getApplyPageContract, { groupId: GROUP })).toMatchObject({ subscribeTemplateIds: [] })
  })

  it('are not sent, and do not fail the decision, when WeChat refuses them', async () => {
    const fx = await makeFixture({ templates })
    const refusing = withNotifier({ ...fx.wechat, sendSubscribeMessage: () => Promise.reject(new Error('43101')) }, templates)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      await submitApplication(fx.ctx(NEW), refusing, applyInput({ subscribedTemplateIds: ['tmpl_decided'] }))
      await expect(decideApplication(fx.ctx(ADMIN), refusing, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).resolves.toMatchObject({ outcome: 'approved' })
      expect(warn).toHaveBeenCalledTimes(1)
      expect(await fx.store.count('inboxMessages', { openid: NEW })).toBe(1)
    } finally {
      warn.mockRestore()
    }
  })
})

describe('the purge of rejected applications', () => {
  it('clears intro, answers and phone of rejections older than the period, and nothing else', async () => {
    const fx = await makeFixture()
    for (const openid of ['o_old', 'o_recent', 'o_pending']) await submitApplication(fx.ctx(openid), fx.services, applyInput({ phone: '13812341234' }))
    await decideApplication(fx.ctx(ADMIN, dayjs(FIXED_NOW).subtract(40, 'day').toDate()), fx.services, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_old'), decision: 'reject', reason: '不符合' })
    await decideApplication(fx.ctx(ADMIN, dayjs(FIXED_NOW).subtract(5, 'day').toDate()), fx.services, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_recent'), decision: 'reject', reason: '' })
    expect(await purgeRejectedApplications(fx.ctx(TIMER), {})).toEqual({ purged: 1 })
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_old'))).toMatchObject({
      status: 'rejected',
      intro: { name: '', region: '', occupation: '', about: '' },
      answers: [],
      phone: null,
      purgedAt: FIXED_NOW.toISOString(),
    })
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_recent'))).toMatchObject({ phone: '13812341234', purgedAt: null })
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_pending'))).toMatchObject({ phone: '13812341234' })
    expect(await purgeRejectedApplications(fx.ctx(TIMER), {})).toEqual({ purged: 0 })
    expect(await purgeRejectedApplications(fx.ctx(TIMER), { olderThanDays: 1 })).toEqual({ purged: 1 })
  })
})

describe('a second membership is impossible', () => {
  it('refuses approving an applicant who became a member meanwhile', async () => {
    const fx = await makeFixture()
    await submitApplication(fx.ctx(NEW), fx.services, applyInput())
    await fx.store.create('members', testMember(NEW, 'member'))
    await expect(decideApplication(fx.ctx(ADMIN), fx.services, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '申请人已经是本群成员',
    })
  })
})
