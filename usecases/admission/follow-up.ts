/**
 * 需补充: an admin asks the applicant of a pending application a question (it leaves the review queue, the
 * applicant hears in their inbox and sees it on the apply page and the group page); the applicant answers
 * and the application returns to the queue, the exchange visible to the admins on its card. Each step is one
 * transaction with its audit entry (asking) and the other side's inbox message. The applicant never learns
 * which admin asked.
 *
 * @example
 *   await askApplicant(ctx, { groupId, applicationId: 'g1:o_new', question: '你在郑州哪个区？' })   // → needsInfo
 *   await answerFollowUp(ctxOfApplicant, { groupId, answer: '金水区' })                          // → pending
 */
import type { DecisionResult, MyApplicationView } from '../../contracts/admission'
import { pageUrl } from '../../contracts/routes'
import { MAX_FOLLOW_UPS, applicationId, type ApplicationDoc } from '../../domain/admission'
import { DomainError } from '../../domain/errors'
import { canManageGroup, formatNickname, memberId } from '../../domain/group'
import { t } from '../../i18n/strings'
import { recordAudit } from '../audit'
import { requireOpenid, type UseCaseContext } from '../context'
import { deliverToInbox } from '../inbox/deliver'
import { requireGroup } from '../access'
import { toMyApplication } from './apply'
import { admissionSettingsFor } from './settings'

export async function askApplicant(ctx: UseCaseContext, input: { groupId: string; applicationId: string; question: string }): Promise<DecisionResult> {
  const adminOpenid = requireOpenid(ctx)
  const now = ctx.now()
  const at = now.toISOString()
  const question = input.question.trim()
  // The group, the asker's role and the application: 3 reads; the application, the audit entry and the inbox: 3 writes.
  const app = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    const asker = await tx.get('members', memberId(input.groupId, adminOpenid))
    if (!canManageGroup(asker?.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    const current = await tx.get('applications', input.applicationId)
    if (!current || current.groupId !== input.groupId || current.archived) throw new DomainError('NOT_FOUND', t('admission.error.applicationNotFound'))
    if (current.status !== 'pending') throw new DomainError('CONFLICT', t('admission.error.alreadyDecided'))
    const followUps = current.followUps ?? []
    if (followUps.length >= MAX_FOLLOW_UPS) throw new DomainError('CONFLICT', t('admission.error.tooManyFollowUps', { max: MAX_FOLLOW_UPS }))
    const patch = { status: 'needsInfo' as const, followUps: [...followUps, { question, askedAt: at, askedBy: adminOpenid, answer: null, answeredAt: null }], updatedAt: at }
    await tx.update('applications', current._id, patch)
    await recordAudit(tx, { groupId: group._id, actorOpenid: adminOpenid, action: 'application.ask', targetOpenid: current.openid, detail: { applicationId: current._id }, at: now })
    await deliverToInbox(tx, {
      openid: current.openid,
      groupId: group._id,
      kind: 'application.needsInfo',
      title: t('admission.inbox.askedTitle', { group: group.name }),
      body: t('admission.inbox.askedBody', { question }),
      link: pageUrl('apply', { id: group._id }),
      at: now,
    })
    return { ...current, ...patch }
  })
  return { applicationId: app._id, outcome: 'asked', message: t('admission.outcome.asked', { nickname: formatNickname(app.intro) }) }
}

export async function answerFollowUp(ctx: UseCaseContext, input: { groupId: string; answer: string }): Promise<MyApplicationView> {
  const openid = requireOpenid(ctx)
  const group = await requireGroup(ctx, input.groupId)
  const settings = await admissionSettingsFor(ctx.store, ctx.store, group, ctx.now())
  const now = ctx.now()
  const at = now.toISOString()
  const answer = input.answer.trim()
  const answered = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('applications', applicationId(input.groupId, openid))
    const followUps = current?.followUps ?? []
    const open = followUps[followUps.length - 1]
    if (!current || current.status !== 'needsInfo' || !open || open.answer !== null) throw new DomainError('CONFLICT', t('admission.error.notWaitingForAnswer'))
    const patch: Pick<ApplicationDoc, 'status' | 'followUps' | 'updatedAt'> = {
      status: 'pending',
      followUps: [...followUps.slice(0, -1), { ...open, answer, answeredAt: at }],
      updatedAt: at,
    }
    await tx.update('applications', current._id, patch)
    // The admin who asked hears (the application is back in the queue for every admin).
    await deliverToInbox(tx, {
      openid: open.askedBy,
      groupId: group._id,
      kind: 'application.answered',
      title: t('admission.inbox.answeredTitle', { nickname: formatNickname(current.intro) }),
      body: t('admission.inbox.answeredBody', { question: open.question, answer }),
      link: pageUrl('review', { id: group._id }),
      at: now,
    })
    return { ...current, ...patch }
  })
  return toMyApplication(answered, settings)
}
