/**
 * The admission, members, inbox and admissionPurge functions through their real handlers on SQLite:
 * the authorization matrix (stranger / applicant / member / admin / owner × every action, table-driven),
 * identity only from the platform, and input validation with Chinese messages that change nothing.
 */
import { admissionPurgeFunction } from '../../cloudfunctions/admissionPurge/handlers'
import type { FunctionName } from '../../contracts/define'
import { applicationId } from '../../domain/admission'
import { submitApplication } from '../../usecases/admission'
import { ADMIN, GROUP, MEMBER, OWNER, applyInput, makeAdmissionFixture, testMember, type AdmissionFixture } from '../support/admission'
import { FIXED_NOW } from '../support/store'

const APPLICANT = 'o_applicant'
const STRANGER = 'o_stranger'
const PERSONAS = { stranger: STRANGER, applicant: APPLICANT, member: MEMBER, admin: ADMIN, owner: OWNER } as const
type Persona = keyof typeof PERSONAS
type Expected = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

const APP = applicationId(GROUP, APPLICANT)

/** [function, action, input, expected for stranger, applicant, member, admin, owner] */
const MATRIX: Array<[FunctionName, string, unknown, [Expected, Expected, Expected, Expected, Expected]]> = [
  ['admission', 'getApplyPage', { groupId: GROUP }, ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['admission', 'submit', applyInput(), ['ok', 'ok', 'CONFLICT', 'CONFLICT', 'CONFLICT']],
  ['admission', 'withdraw', { groupId: GROUP }, ['NOT_FOUND', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']],
  ['admission', 'listQueue', { groupId: GROUP }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['admission', 'getApplication', { groupId: GROUP, applicationId: APP }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['admission', 'decide', { groupId: GROUP, applicationId: APP, decision: 'approve' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['admission', 'decide', { groupId: GROUP, applicationId: APP, decision: 'reject', reason: '不符合' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['admission', 'decideBatch', { groupId: GROUP, applicationIds: [APP], decision: 'approve' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['admission', 'getSettings', { groupId: GROUP }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  [
    'admission',
    'updateSettings',
    { groupId: GROUP, settings: { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: [] } },
    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  ],
  ['admission', 'getInviteCode', { groupId: GROUP }, ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok']],
  ['admissionPurge', 'purgeRejected', {}, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']],
  ['members', 'list', { groupId: GROUP }, ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'ok']],
  ['members', 'changeRole', { groupId: GROUP, targetOpenid: 'o_m2', role: 'admin' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok']],
  ['members', 'transferOwnership', { groupId: GROUP, targetOpenid: 'o_m2' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok']],
  ['members', 'remove', { groupId: GROUP, targetOpenid: 'o_m2' }, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['members', 'leave', { groupId: GROUP }, ['NOT_FOUND', 'NOT_FOUND', 'ok', 'ok', 'CONFLICT']],
  ['inbox', 'list', {}, ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['inbox', 'markRead', {}, ['ok', 'ok', 'ok', 'ok', 'ok']],
]

const CASES = MATRIX.flatMap(([fn, action, input, expected]) =>
  (Object.keys(PERSONAS) as Persona[]).map((persona, i) => [`${fn}.${action}`, persona, expected[i], fn, action, input] as const),
)

async function fixture(): Promise<AdmissionFixture> {
  const fx = await makeAdmissionFixture({}, [testMember('o_m2', 'member', '刘洋')])
  await submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())
  return fx
}

describe('authorization matrix', () => {
  it.each(CASES)('%s as %s → %s', async (_name, persona, expected, fn, action, input) => {
    const fx = await fixture()
    const before = await snapshot(fx)
    const result = await fx.call(fn, action, input, PERSONAS[persona])
    if (expected === 'ok') {
      expect(result).toMatchObject({ ok: true })
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: expected } })
      expect(typeof result.error.message).toBe('string')
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await snapshot(fx)).toEqual(before)
    }
  })

  it.each(MATRIX.filter(([fn, action]) => !(fn === 'admission' && action === 'getApplyPage') && fn !== 'admissionPurge'))(
    '%s.%s without a platform identity → UNAUTHENTICATED',
    async (fn, action, input) => {
      const fx = await fixture()
      expect(await fx.call(fn, action, input, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    },
  )
})

/** Everything a refused call must leave as it was. */
async function snapshot(fx: AdmissionFixture) {
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
    const result = await fx.call('admission', 'submit', input, 'o_someone')
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(result.error.fields[field]).toBe(message)
    expect(await snapshot(fx)).toEqual(before)
  })

  it.each([
    [{ groupId: GROUP, applicationIds: [], decision: 'approve' }, '请至少选择一条申请'],
    [{ groupId: GROUP, applicationIds: Array.from({ length: 51 }, (_, i) => `${GROUP}:o_${i}`), decision: 'approve' }, '一次最多处理 50 条申请'],
    [{ groupId: GROUP, applicationIds: ['not an id'], decision: 'approve' }, '申请编号格式不正确'],
  ])('decideBatch refuses %#', async (input, message) => {
    const fx = await fixture()
    expect(await fx.call('admission', 'decideBatch', input, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
  })

  it('getApplyPage needs a group or an invite, and says so in Chinese', async () => {
    const fx = await fixture()
    expect(await fx.call('admission', 'getApplyPage', {}, 'o_x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '申请链接不完整，请重新扫码' } })
    expect(await fx.call('admission', 'getApplyPage', { inviteId: 'i_zz' }, 'o_x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '邀请码格式不正确' } })
  })

  it('updateSettings refuses a choice question without options and more than 10 questions', async () => {
    const fx = await fixture()
    const base = { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: [] }
    const choice = { id: 'q1', kind: 'choice', label: '选一个', required: true, options: ['唯一'] }
    expect(await fx.call('admission', 'updateSettings', { groupId: GROUP, settings: { ...base, questions: [choice] } }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '单选题至少需要 2 个选项' },
    })
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, kind: 'text', label: `问题${i}`, required: false }))
    expect(await fx.call('admission', 'updateSettings', { groupId: GROUP, settings: { ...base, questions: many } }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '最多 10 个问题' },
    })
  })

  it('takes the applicant from the platform identity, never from the input', async () => {
    const fx = await fixture()
    await fx.call('admission', 'submit', { ...applyInput(), openid: MEMBER }, 'o_real')
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_real'))).not.toBeNull()
    expect(await fx.store.get('applications', applicationId(GROUP, MEMBER))).toBeNull()
  })
})

describe('admissionPurge function', () => {
  it('runs on a CloudBase timer event (no OPENID) and refuses mini program users', async () => {
    const fx = await fixture()
    const ctx = { store: fx.store, openid: null, now: () => FIXED_NOW }
    expect(await admissionPurgeFunction({ Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: FIXED_NOW.toISOString() }, ctx)).toEqual({ ok: true, data: { purged: 0 } })
    expect(await admissionPurgeFunction({ Type: 'Timer' }, { ...ctx, openid: 'o_x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
