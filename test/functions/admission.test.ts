/**
 * The admission, members, inbox and admissionPurge functions through their real handlers on SQLite (who may
 * call each action is in authorization-matrix.test.ts): identity only from the platform, input validation with
 * Chinese messages that change nothing, and concurrent requests (submits, decisions, removals) that end in
 * exactly one outcome.
 */
import type { InputOf } from '../../contracts'
import { memberKey } from '../../usecases/member-keys'
import {
  decideApplication,
  decideApplications,
  getApplyPage,
  removeMember,
  submitApplication,
  updateAdmissionSettings,
} from '../../contracts'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import * as usecases from '../../usecases/admission'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, TIMER, applyInput, makeFixture, testMember, type Fixture } from '../support/fixture'

const APPLICANT = 'o_applicant'

async function fixture(): Promise<Fixture> {
  const fx = await makeFixture({ members: [testMember('o_m2', 'member', '刘洋')] })
  await usecases.submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())
  return fx
}

/** Everything a refused call must leave as it was. */
async function snapshot(fx: Fixture) {
  return {
    group: await fx.store.get('groups', GROUP),
    members: await fx.store.find('members', { where: { groupId: GROUP }, orderBy: [{ field: 'openid', direction: 'asc' }] }),
    applications: await fx.store.find('applications', { where: { groupId: GROUP }, orderBy: [{ field: 'submittedAt', direction: 'asc' }] }),
    audits: await fx.store.count('auditLogs', {}),
    inbox: await fx.store.count('inboxMessages', {}),
    settings: await fx.store.get('admissionSettings', GROUP),
  }
}

describe('validation', () => {
  it.each([
    [{ ...applyInput(), acceptRules: false }, 'acceptRules', '请先阅读并同意群规'],
    [{ ...applyInput(), intro: { name: '', region: '郑州', occupation: '会计' } }, 'intro.name', '此项必填'],
    [{ ...applyInput(), intro: { name: '王'.repeat(21), region: '郑州', occupation: '会计' } }, 'intro.name', '最多 20 个字'],
    [{ ...applyInput(), phone: '138' }, 'phone', '请填写 11 位大陆手机号'],
    [{ ...applyInput(), inviteId: '../x' }, 'inviteId', '邀请码格式不正确'],
  ])('submit refuses %p', async (input, field, message) => {
    const fx = await fixture()
    const before = await snapshot(fx)
    const result = await fx.api.as('o_someone').resultOfUnchecked(submitApplication, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } })
    expect(await snapshot(fx)).toEqual(before)
  })

  it.each([
    [{ groupId: GROUP, applicationIds: [], decision: 'approve' }, '请至少选择一条申请'],
    [{ groupId: GROUP, applicationIds: Array.from({ length: 51 }, (_, i) => `${GROUP}:o_${i}`), decision: 'approve' }, '一次最多处理 50 条申请'],
    [{ groupId: GROUP, applicationIds: ['not an id'], decision: 'approve' }, '申请编号格式不正确'],
  ])('decideBatch refuses %#', async (input, message) => {
    const fx = await fixture()
    expect(await fx.api.as(ADMIN).resultOfUnchecked(decideApplications, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
  })

  it('getApplyPage needs a group or an invite, and says so in Chinese', async () => {
    const fx = await fixture()
    expect(await fx.api.as('o_x').resultOfUnchecked(getApplyPage, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '申请链接不完整，请重新扫码' } })
    expect(await fx.api.as('o_x').result(getApplyPage, { inviteId: 'i_zz' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '邀请码格式不正确' } })
  })

  it('updateSettings refuses a choice question without options and more than 10 questions', async () => {
    const fx = await fixture()
    const base = { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: [] }
    const choice = { id: 'q1', kind: 'choice', label: '选一个', required: true, options: ['唯一'] }
    expect(await fx.api.as(ADMIN).resultOfUnchecked(updateAdmissionSettings, { groupId: GROUP, settings: { ...base, questions: [choice] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '单选题至少需要 2 个选项' },
    })
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, kind: 'text', label: `问题${i}`, required: false }))
    expect(await fx.api.as(ADMIN).resultOfUnchecked(updateAdmissionSettings, { groupId: GROUP, settings: { ...base, questions: many } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '最多 10 个问题' },
    })
  })

  it('takes the applicant from the platform identity, never from the input', async () => {
    const fx = await fixture()
    await fx.api.as('o_real').call(submitApplication, { ...applyInput(), openid: MEMBER } as InputOf<typeof submitApplication>)
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_real'))).not.toBeNull()
    expect(await fx.store.get('applications', applicationId(GROUP, MEMBER))).toBeNull()
  })
})

describe('admissionPurge function', () => {
  it('runs on a CloudBase timer event as the timer, and refuses mini program users', async () => {
    const fx = await fixture()
    const timer = fx.api.as(TIMER).at(FIXED_NOW)
    expect(await timer.event('admissionPurge', { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: FIXED_NOW.toISOString() })).toEqual({ ok: true, data: { purged: 0 } })
    expect(await fx.api.as('o_x').at(FIXED_NOW).event('admissionPurge', { Type: 'Timer' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('concurrent requests through the handler', () => {
  const NEW = 'o_new'
  const NEW_APP = applicationId(GROUP, NEW)

  it('ends in one application after 50 concurrent submits', async () => {
    const fx = await makeFixture()
    const results = await Promise.all(Array.from({ length: 50 }, () => fx.api.as(NEW).result(submitApplication, applyInput())))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await fx.store.count('applications', { groupId: GROUP })).toBe(1)
  })

  it('two admins deciding at once (approve vs reject) end in exactly one decision', async () => {
    const fx = await makeFixture()
    await usecases.submitApplication(fx.ctx(NEW), fx.services, applyInput())
    const [a, b] = await Promise.all([
      fx.api.as(ADMIN).result(decideApplication, { groupId: GROUP, applicationId: NEW_APP, decision: 'approve' }),
      fx.api.as(OWNER).result(decideApplication, { groupId: GROUP, applicationId: NEW_APP, decision: 'reject', reason: '不符合' }),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } })
    const app = await fx.store.get('applications', NEW_APP)
    const member = await fx.store.get('members', memberId(GROUP, NEW))
    expect(app?.status === 'approved').toBe(member !== null)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(member ? 4 : 3)
    expect(await fx.store.count('auditLogs', { groupId: GROUP })).toBe(1)
    expect(await fx.store.count('inboxMessages', { openid: NEW })).toBe(1)
  })

  it('50 concurrent approvals of one application: one member, count +1', async () => {
    const fx = await makeFixture()
    await usecases.submitApplication(fx.ctx(NEW), fx.services, applyInput())
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fx.api.as(i % 2 ? ADMIN : OWNER).result(decideApplication, { groupId: GROUP, applicationId: NEW_APP, decision: 'approve' })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
    expect(await fx.store.count('members', { groupId: GROUP })).toBe(4)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(4)
  })

  it('admits exactly the seats left when 50 applications are approved concurrently', async () => {
    const fx = await makeFixture({ group: { capacity: 13 } })
    const applicants = Array.from({ length: 50 }, (_, i) => `o_app${i}`)
    for (const openid of applicants) await usecases.submitApplication(fx.ctx(openid), fx.services, applyInput())
    const results = await Promise.all(
      applicants.map((openid, i) =>
        fx.api.as(i % 2 ? ADMIN : OWNER).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve' }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === '群已满员（上限 13 人），无法通过新的申请')).toBe(true)
    expect(await fx.store.count('members', { groupId: GROUP })).toBe(13)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(13)
    expect(await fx.store.count('applications', { groupId: GROUP, status: 'approved' })).toBe(10)
  })

  it('keeps memberCount exact when 50 removals of one member race', async () => {
    const fx = await makeFixture({ members: [testMember('o_m2', 'member', '刘洋')] })
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fx.api.as(i % 2 ? ADMIN : OWNER).result(removeMember, { groupId: GROUP, memberKey: memberKey(GROUP, 'o_m2') })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(3)
    expect(await fx.store.count('members', { groupId: GROUP })).toBe(3)
  })
})
