/**
 * Admission on CloudBase: submitting with the CloudBase WechatServices over a recording fake of the openapi
 * calls (the services themselves: test/platform/wechat-services-cloudbase.test.ts), decisions over the
 * CloudBase store adapter on the wx-server-sdk fake (concurrent deciders, a full group), and the `admission`
 * entry taking identity from getWXContext().OPENID.
 */
import * as fakeSdk from '../fakes/wx-server-sdk'
import { main as admissionMain } from '../../cloudfunctions/admission/index'
import { createAdmissionFunction } from '../../cloudfunctions/admission/handlers'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeOpenapi } from '../fakes/wx-openapi'
import { decideApplication, submitApplication } from '../../contracts'
import type { GroupDoc } from '../../domain/group'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, applyInput, seedGroup, testCaller } from '../support/fixture'

jest.mock('wx-server-sdk', () => jest.requireActual('../fakes/wx-server-sdk'))

describe('admission over CloudBase services (openapi fake)', () => {
  it('submits with the phone from the button code through the admission handler', async () => {
    const cloud = fakeSdk.createFakeCloud()
    const store = createCloudbaseStore(cloud.database())
    await seed(store, {})
    await store.create('admissionSettings', {
      _id: GROUP, groupId: GROUP, questions: [], requirePhone: true, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: [], updatedAt: FIXED_NOW.toISOString(),
    })
    const sdk = createFakeOpenapi({ phoneByCode: { c1: '13912345678' } })
    const api = testCaller(store, { now: () => FIXED_NOW, handlers: { admission: createAdmissionFunction(createCloudbaseWechatServices(sdk), SUBSCRIBE_TEMPLATES) } })
    const result = await api.as('o_new').result(submitApplication, { ...applyInput(), phoneCode: 'c1' })
    expect(result).toMatchObject({ ok: true, data: { phone: '13912345678', status: 'pending' } })
  })
})

async function seed(store: Store, group: Partial<GroupDoc>): Promise<void> {
  await store.ensureSchema()
  await seedGroup(store, { group })
}

describe('decisions over the CloudBase adapter (wx-server-sdk fake)', () => {
  const services = { phoneNumberFromCode: jest.fn(), createInviteCode: jest.fn(), sendSubscribeMessage: jest.fn(), photoLinks: jest.fn(), deleteFiles: jest.fn() }
  const caller = (store: Store) => testCaller(store, { now: () => FIXED_NOW, handlers: { admission: createAdmissionFunction(services, SUBSCRIBE_TEMPLATES) } })

  it('two admins deciding one application at once: exactly one decision, one membership', async () => {
    const store = createCloudbaseStore(fakeSdk.createFakeCloud().database())
    await seed(store, {})
    const api = caller(store)
    expect(await api.as('o_new').result(submitApplication, applyInput())).toMatchObject({ ok: true })
    const id = applicationId(GROUP, 'o_new')
    const results = await Promise.all([
      api.as(ADMIN).result(decideApplication, { groupId: GROUP, applicationId: id, decision: 'approve' }),
      api.as(OWNER).result(decideApplication, { groupId: GROUP, applicationId: id, decision: 'reject', reason: '不符合' }),
      api.as(OWNER).result(decideApplication, { groupId: GROUP, applicationId: id, decision: 'approve' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT'])
    const app = await store.get('applications', id)
    const member = await store.get('members', memberId(GROUP, 'o_new'))
    expect(member !== null).toBe(app?.status === 'approved')
    expect((await store.get('groups', GROUP))?.memberCount).toBe(member ? 4 : 3)
    expect(await store.count('auditLogs', { groupId: GROUP })).toBe(1)
  })

  it('20 concurrent approvals into 5 seats admit exactly 5', async () => {
    const store = createCloudbaseStore(fakeSdk.createFakeCloud().database())
    await seed(store, { capacity: 8 })
    const api = caller(store)
    const applicants = Array.from({ length: 20 }, (_, i) => `o_c${i}`)
    await Promise.all(applicants.map((openid) => api.as(openid).call(submitApplication, applyInput())))
    const results = await Promise.all(
      applicants.map((openid) => api.as(ADMIN).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve' })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect((await store.get('groups', GROUP))?.memberCount).toBe(8)
    expect(await store.count('members', { groupId: GROUP })).toBe(8)
  })
})

describe('the admission entry on CloudBase', () => {
  beforeAll(async () => {
    fakeSdk.resetFakeCloud()
    await seed(createCloudbaseStore(fakeSdk.database()), {})
  })

  it('takes the applicant from getWXContext().OPENID and lets the admin approve', async () => {
    fakeSdk.setWXContext({ OPENID: 'o_wx_user' })
    expect(await admissionMain({ action: 'submit', input: { ...applyInput(), openid: 'o_forged' } })).toMatchObject({ ok: true, data: { id: `${GROUP}:o_wx_user` } })
    fakeSdk.setWXContext({ OPENID: MEMBER })
    expect(await admissionMain({ action: 'decide', input: { groupId: GROUP, applicationId: `${GROUP}:o_wx_user`, decision: 'approve' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    fakeSdk.setWXContext({ OPENID: ADMIN })
    expect(await admissionMain({ action: 'decide', input: { groupId: GROUP, applicationId: `${GROUP}:o_wx_user`, decision: 'approve' } })).toMatchObject({
      ok: true,
      data: { outcome: 'approved' },
    })
    const docs = fakeSdk.fakeCloud().documents('members').map((d) => d._id)
    expect(docs).toContain(memberId(GROUP, 'o_wx_user'))
  })
})
