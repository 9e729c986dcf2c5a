/**
 * 需补充 (through the real `admission` handlers on SQLite): an admin asks the applicant a question — the
 * application leaves the queue, the applicant hears (inbox) and sees the question on the apply page's view;
 * they answer — it returns to the queue with the exchange on its card and the asking admin hears. The
 * applicant never sees who asked; only admins may ask; only the applicant answers, once per question.
 */
import { answerFollowUp, askApplicant, decideApplication, getApplication, getApplyPage, listApplications, listInbox, submitApplication, withdrawApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { ADMIN, GROUP, MEMBER, OWNER, STRANGER, applyInput, makeFixture } from '../support/fixture'

const APPLICANT = 'o_applicant'
const APP = applicationId(GROUP, APPLICANT)

async function asked() {
  const fx = await makeFixture()
  await fx.api.as(APPLICANT).call(submitApplication, applyInput())
  const result = await fx.api.as(ADMIN).call(askApplicant, { groupId: GROUP, applicationId: APP, question: '你在郑州哪个区？' })
  return { fx, result }
}

describe('需补充: asking the applicant', () => {
  it('takes the application out of the queue, tells the applicant, and audits who asked', async () => {
    const { fx, result } = await asked()
    expect(result).toEqual({ applicationId: APP, outcome: 'asked', message: '已向 王芳-郑州-会计 提问，等待补充' })
    expect((await fx.api.as(ADMIN).call(listApplications, { groupId: GROUP })).items).toEqual([])
    // 待补充: where the admins find it meanwhile, with the open question.
    const waiting = await fx.api.as(OWNER).call(listApplications, { groupId: GROUP, status: 'needsInfo' })
    expect(waiting).toMatchObject({ total: 1, items: [{ id: APP, status: 'needsInfo', followUps: [{ question: '你在郑州哪个区？', answer: null }] }] })
    const page = await fx.api.as(APPLICANT).call(getApplyPage, { groupId: GROUP })
    expect(page.myApplication).toMatchObject({ status: 'needsInfo', followUps: [{ question: '你在郑州哪个区？', askedAt: '2026-11-23T02:00:00.000Z', answer: null, answeredAt: null }] })
    // Who asked stays with the admins.
    expect(JSON.stringify(page)).not.toContain(ADMIN)
    const [message] = (await fx.api.as(APPLICANT).call(listInbox, {})).items
    expect(message).toMatchObject({ kind: 'application.needsInfo', title: '「周末徒步·郑州群」的管理员请你补充信息', link: `/packages/join/pages/apply/index?id=${GROUP}` })
    expect(message.body).toContain('你在郑州哪个区？')
    expect(await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'application.ask' } })).toEqual([expect.objectContaining({ actorOpenid: ADMIN, targetOpenid: APPLICANT })])
  })

  it('refuses members, strangers, a decided application, and a second question before the answer; nothing changes', async () => {
    const { fx } = await asked()
    for (const who of [MEMBER, APPLICANT]) {
      expect(await fx.api.as(who).result(askApplicant, { groupId: GROUP, applicationId: APP, question: '再问一次' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await fx.api.as(STRANGER).result(askApplicant, { groupId: GROUP, applicationId: APP, question: '再问一次' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await fx.api.as(OWNER).result(askApplicant, { groupId: GROUP, applicationId: APP, question: '再问一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await fx.store.get('applications', APP))?.followUps).toHaveLength(1)
  })
})

describe('需补充: the answer', () => {
  it('returns the application to the queue with the exchange on its card; the asking admin hears', async () => {
    const { fx } = await asked()
    fx.clock.set('2026-11-23T03:00:00.000Z')
    const mine = await fx.api.as(APPLICANT).call(answerFollowUp, { groupId: GROUP, answer: '  金水区  ' })
    expect(mine).toMatchObject({ status: 'pending', followUps: [{ question: '你在郑州哪个区？', answer: '金水区', answeredAt: '2026-11-23T03:00:00.000Z' }] })
    const queue = await fx.api.as(OWNER).call(listApplications, { groupId: GROUP })
    expect(queue.items.map((c) => [c.id, c.followUps])).toEqual([[APP, [{ question: '你在郑州哪个区？', askedAt: '2026-11-23T02:00:00.000Z', answer: '金水区', answeredAt: '2026-11-23T03:00:00.000Z' }]]])
    expect((await fx.api.as(OWNER).call(getApplication, { groupId: GROUP, applicationId: APP })).followUps[0].answer).toBe('金水区')
    const [heard] = (await fx.api.as(ADMIN).call(listInbox, {})).items
    expect(heard).toMatchObject({ kind: 'application.answered', title: '王芳-郑州-会计 回答了你的问题', link: `/packages/admin/pages/review/index?id=${GROUP}` })
    expect(await fx.store.count('inboxMessages', { openid: OWNER })).toBe(0)
    // Answered: nothing open to answer; the admins decide as usual.
    expect(await fx.api.as(APPLICANT).result(answerFollowUp, { groupId: GROUP, answer: '再答' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: APP, decision: 'approve', reason: '' })).outcome).toBe('approved')
  })

  it('only the applicant answers, only while asked; waiting, they may still withdraw, and an admin may still decide', async () => {
    const fx = await makeFixture()
    await fx.api.as(APPLICANT).call(submitApplication, applyInput())
    expect(await fx.api.as(APPLICANT).result(answerFollowUp, { groupId: GROUP, answer: '金水区' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await fx.api.as(ADMIN).call(askApplicant, { groupId: GROUP, applicationId: APP, question: '你在郑州哪个区？' })
    expect(await fx.api.as('o_other').result(answerFollowUp, { groupId: GROUP, answer: '我来答' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await fx.store.get('applications', APP))?.followUps?.[0].answer).toBeNull()
    expect((await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: APP, decision: 'reject', reason: '' })).outcome).toBe('rejected')

    await fx.api.as('o_w').call(submitApplication, applyInput())
    await fx.api.as(ADMIN).call(askApplicant, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_w'), question: '为什么想加入？' })
    expect((await fx.api.as('o_w').call(withdrawApplication, { groupId: GROUP })).status).toBe('withdrawn')
  })
})
