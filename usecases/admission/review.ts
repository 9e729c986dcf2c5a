/**
 * The admins' side of admission: the review queue, one application's detail, and decisions — one
 * (`decideApplication`) or several (`decideApplications`, one transaction each). A decision changes the
 * application, the membership, the member count, the audit log and the applicant's inbox in one
 * transaction; the subscribe message follows after it committed and never fails the decision.
 *
 * Concurrency: every decision re-reads the application by its deterministic id inside its transaction, so
 * two admins deciding at once, or a double tap, end in exactly one decision (the second gets CONFLICT).
 *
 * @example
 *   const queue = await listApplications(ctx, { groupId, order: 'oldest' })   // then { cursor: queue.next }
 *   await decideApplication(ctx, services, { groupId, applicationId: 'g1:o_new', decision: 'approve', reason: '' })
 */
import dayjs from 'dayjs'
import {
  type ApplicationCard,
  type ApplicationDetail,
  type BatchDecisionResult,
  type DecisionOutcome,
  type DecisionResult,
  type ReviewQueuePage,
} from '../../contracts/admission'
import type { PageInput } from '../../contracts/fields'
import type { SubscribeFacts } from '../../contracts/subscribe-templates'
import { maskPhone, type ApplicationDoc } from '../../domain/admission'
import { dayRuleOf } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { canManageGroup, formatNickname, isFull, memberId, type GroupDoc, type MemberDoc } from '../../domain/group'
import { t } from '../../i18n/strings'
import { memberKey } from '../member-keys'
import type { WechatPort } from '../ports/wechat'
import { recordAudit } from '../audit'
import { requireOpenid, type UseCaseContext } from '../context'
import { StoreConflictError } from '../../store/port'
import { deliverToInbox } from '../inbox/deliver'
import { MANAGERS, requireRole } from '../access'
import { toGroupProfile } from '../group'
import { pageUrl, wechatPagePath } from '../../contracts/routes'
import { nextCursor } from '../paging'
import { inviterNames } from './invites'
import { admissionSettingsFor } from './settings'

export const QUEUE_PAGE_SIZE = 20

function toCard(app: ApplicationDoc, names: Map<string, string>): ApplicationCard {
  return {
    id: app._id,
    status: app.status,
    intro: app.intro,
    answers: app.answers,
    phoneMasked: maskPhone(app.phone),
    inviterName: app.inviterOpenid ? (names.get(app.inviterOpenid) ?? null) : null,
    submittedAt: app.submittedAt,
    round: app.round,
  }
}

export async function listApplications(
  ctx: UseCaseContext,
  input: { groupId: string; order: 'newest' | 'oldest' } & PageInput,
): Promise<ReviewQueuePage> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  const cursor = input.cursor ?? 0
  const where = { groupId: input.groupId, status: 'pending' as const }
  const [apps, total, settings] = await Promise.all([
    ctx.store.find('applications', {
      where,
      orderBy: [{ field: 'submittedAt', direction: input.order === 'newest' ? 'desc' : 'asc' }],
      skip: cursor,
      limit: QUEUE_PAGE_SIZE,
    }),
    ctx.store.count('applications', where),
    admissionSettingsFor(ctx.store, ctx.store, group, ctx.now()),
  ])
  const names = await inviterNames(ctx.store, input.groupId, apps)
  return {
    items: apps.map((app) => toCard(app, names)),
    next: nextCursor(cursor, apps.length, total),
    total,
    timezone: dayRuleOf(group).timezone,
    reasonTemplates: settings.reasonTemplates,
    seatsLeft: toGroupProfile(group, null).seatsLeft,
  }
}

export async function getApplication(ctx: UseCaseContext, input: { groupId: string; applicationId: string }): Promise<ApplicationDetail> {
  await requireRole(ctx, input.groupId, MANAGERS)
  const app = await ctx.store.get('applications', input.applicationId)
  if (!app || app.groupId !== input.groupId) throw new DomainError('NOT_FOUND', t('admission.error.applicationNotFound'))
  const names = await inviterNames(ctx.store, input.groupId, [app])
  return { ...toCard(app, names), phone: app.phone, rulesVersion: app.rulesVersion, decidedAt: app.decidedAt, rejectReason: app.rejectReason }
}

/** A decision that could not be made, with the outcome the batch reports. */
export class DecisionRefused extends DomainError {
  constructor(
    readonly outcome: DecisionOutcome,
    code: 'CONFLICT' | 'NOT_FOUND',
    message: string,
  ) {
    super(code, message)
  }
}

interface DecisionInput {
  groupId: string
  applicationId: string
  decision: 'approve' | 'reject'
  reason: string
}

/**
 * One decision in its own transaction, which also checks who decides: the group (NOT_FOUND), the decider's
 * role as it is now (FORBIDDEN; a demotion may have landed a moment ago), then the application. Approving
 * creates the membership — with the rules version the applicant accepted — and the store refusing an
 * existing one is "already a member"; no separate read. Returns the decided application and the group as it
 * was. Approval: 9 document operations; rejection: 6.
 */
async function decideInTransaction(ctx: UseCaseContext, adminOpenid: string, input: DecisionInput): Promise<{ app: ApplicationDoc; group: GroupDoc }> {
  const now = ctx.now()
  const at = now.toISOString()
  try {
    return await ctx.store.transaction(async (tx) => {
      const group = await tx.get('groups', input.groupId)
      if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
      const decider = await tx.get('members', memberId(input.groupId, adminOpenid))
      if (!canManageGroup(decider?.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
      const app = await tx.get('applications', input.applicationId)
      if (!app || app.groupId !== input.groupId || app.archived) {
        throw new DecisionRefused('notFound', 'NOT_FOUND', t('admission.error.applicationNotFound'))
      }
      if (app.status !== 'pending') throw new DecisionRefused('alreadyDecided', 'CONFLICT', t('admission.error.alreadyDecided'))

      if (input.decision === 'approve') {
        if (isFull(group)) throw new DecisionRefused('groupFull', 'CONFLICT', t('admission.error.groupFull', { capacity: toGroupProfile(group, null).capacity }))
        const member: MemberDoc = {
          _id: memberId(group._id, app.openid),
          groupId: group._id,
          openid: app.openid,
          memberKey: memberKey(group._id, app.openid),
          role: 'member',
          intro: { name: app.intro.name, region: app.intro.region, occupation: app.intro.occupation },
          joinedAt: at,
          // The applicant accepted these rules to apply: they count as acknowledged on the rules page.
          rulesAck: { version: app.rulesVersion, acknowledgedAt: at },
        }
        await tx.create('members', member)
        await tx.update('groups', group._id, { memberCount: group.memberCount + 1 })
      }

      const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
      const rejectReason = status === 'rejected' ? input.reason.trim() || null : null
      const patch = { status, decidedAt: at, decidedBy: adminOpenid, rejectReason, updatedAt: at }
      await tx.update('applications', app._id, patch)
      await recordAudit(tx, {
        groupId: group._id,
        actorOpenid: adminOpenid,
        action: status === 'approved' ? 'application.approve' : 'application.reject',
        targetOpenid: app.openid,
        detail: { applicationId: app._id, reason: rejectReason },
        at: now,
      })
      await deliverToInbox(tx, {
        openid: app.openid,
        groupId: group._id,
        kind: `application.${status}`,
        title: status === 'approved' ? t('admission.inbox.approvedTitle', { group: group.name }) : t('admission.inbox.rejectedTitle', { group: group.name }),
        body:
          status === 'approved'
            ? t('admission.inbox.approvedBody', { nickname: formatNickname(app.intro) })
            : t('admission.inbox.rejectedBody', { reason: rejectReason ?? t('admission.noReason') }),
        link: status === 'approved' ? pageUrl('group', { id: group._id }) : pageUrl('apply', { id: group._id }),
        at: now,
      })
      return { app: { ...app, ...patch }, group }
    })
  } catch (error) {
    // The applicant's membership was there already (the store refused to create it; nothing was written).
    if (error instanceof StoreConflictError && error.collection === 'members') {
      throw new DecisionRefused('alreadyMember', 'CONFLICT', t('admission.error.applicantIsMember'))
    }
    throw error
  }
}

/** The subscribe message for a decision — after the transaction committed, never failing the decision. */
async function notifyDecision(services: WechatPort, app: ApplicationDoc, group: GroupDoc): Promise<void> {
  await services.notify('applicationDecided', {
    touser: app.openid,
    page: app.status === 'approved' ? wechatPagePath('group', { id: group._id }) : wechatPagePath('apply', { id: group._id }),
    facts: decisionFacts(app, group),
    granted: app.subscribedTemplateIds,
  })
}

/** What the decision message says, in the group's own time. */
export function decisionFacts(app: ApplicationDoc, group: GroupDoc): SubscribeFacts<'applicationDecided'> {
  return {
    group: group.name,
    result: app.status === 'approved' ? t('admission.status.approved') : t('admission.status.rejected'),
    note: app.rejectReason ?? t('admission.subscribe.welcome'),
    time: dayjs(app.decidedAt).tz(dayRuleOf(group).timezone).format('YYYY-MM-DD HH:mm'),
  }
}

function outcomeMessage(outcome: DecisionOutcome, nickname: string): string {
  return t(`admission.outcome.${outcome}`, { nickname })
}

export async function decideApplication(ctx: UseCaseContext, services: WechatPort, input: DecisionInput): Promise<DecisionResult> {
  // Who decides is checked inside the transaction (the decider's role as it is at the decision).
  const { app, group } = await decideInTransaction(ctx, requireOpenid(ctx), input)
  await notifyDecision(services, app, group)
  const outcome = app.status === 'approved' ? 'approved' : 'rejected'
  return { applicationId: app._id, outcome, message: outcomeMessage(outcome, formatNickname(app.intro)) }
}

/** Several decisions, each in its own transaction, in order; reports what happened to each. */
export async function decideApplications(
  ctx: UseCaseContext,
  services: WechatPort,
  input: { groupId: string; applicationIds: string[]; decision: 'approve' | 'reject'; reason: string },
): Promise<BatchDecisionResult> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const results: DecisionResult[] = []
  for (const id of [...new Set(input.applicationIds)]) {
    try {
      const { app, group } = await decideInTransaction(ctx, openid, { ...input, applicationId: id })
      await notifyDecision(services, app, group)
      const outcome = app.status === 'approved' ? 'approved' : 'rejected'
      results.push({ applicationId: id, outcome, message: outcomeMessage(outcome, formatNickname(app.intro)) })
    } catch (error) {
      if (!(error instanceof DecisionRefused)) throw error
      results.push({ applicationId: id, outcome: error.outcome, message: error.message })
    }
  }
  return { results, decided: results.filter((r) => r.outcome === 'approved' || r.outcome === 'rejected').length }
}
