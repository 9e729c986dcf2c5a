/**
 * The admins' side of admission: the review queue, one application's detail, and decisions — one
 * (`decideApplication`) or several (`decideApplications`, up to 10 per transaction). A decision changes the
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
import { emptyCheckinState } from '../../domain/checkin'
import { DEFAULT_REMINDER_TIME } from '../../domain/reminders'
import { dayRuleOf } from '../../domain/days'
import type { Patch } from '../../store/port'
import { DomainError } from '../../domain/errors'
import { canManageGroup, formatNickname, isFull, memberId, type GroupDoc, type MemberDoc } from '../../domain/group'
import { t } from '../../i18n/strings'
import { memberKey } from '../member-keys'
import type { WechatPort } from '../ports/wechat'
import { recordAudit } from '../audit'
import { requireOpenid, type UseCaseContext } from '../context'
import { StoreConflictError, type Transaction } from '../../store/port'
import { deliverToInbox, type InboxDelivery } from '../inbox/deliver'
import { MANAGERS, requireRole } from '../access'
import { toGroupProfile } from '../group'
import { pageUrl, wechatPagePath } from '../../contracts/routes'
import { nextCursor } from '../paging'
import { inviterNames } from './invites'
import { admissionSettingsFor } from './settings'
import { assertGroupWritable, creditPatch, groupCopyOf, newMemberCounters, participationSettingsOf, scoreForEvent } from '../../domain/participation'
import { todayKey } from '../../domain/days'

export const QUEUE_PAGE_SIZE = 20

/**
 * What a new membership starts with: no check-ins and no reminder, written out so its first check-in and
 * overview need not look for counters a membership from before kept elsewhere (a rejoin starts over).
 */
const newMemberState = () => ({ checkin: emptyCheckinState(), reminder: { enabled: false, time: DEFAULT_REMINDER_TIME } })

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
  const [apps, settings] = await Promise.all([
    ctx.store.find('applications', {
      where,
      orderBy: [{ field: 'submittedAt', direction: input.order === 'newest' ? 'desc' : 'asc' }],
      skip: cursor,
      limit: QUEUE_PAGE_SIZE,
    }),
    admissionSettingsFor(ctx.store, ctx.store, group, ctx.now()),
  ])
  const total = await queueTotal(ctx, where, cursor, apps.length)
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

/**
 * How many applications wait: a page shorter than the page size that has something on it is the queue's
 * last, so the total is what came before it plus what it holds, without a count operation (most queues fit on
 * one page: the review page then costs the group, the caller's role and the page). A full page, or an empty
 * one past the start (the queue shrank under a stale cursor), asks the store.
 */
async function queueTotal(ctx: UseCaseContext, where: { groupId: string; status: 'pending' }, cursor: number, onPage: number): Promise<number> {
  const lastPage = onPage < QUEUE_PAGE_SIZE && (onPage > 0 || cursor === 0)
  return lastPage ? cursor + onPage : ctx.store.count('applications', where)
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
      const refused = refusalOf(app, input, group, group.memberCount)
      if (refused) throw refused
      const decidedApp = app as ApplicationDoc

      if (input.decision === 'approve') {
        assertGroupWritable(group)
        await tx.create('members', membershipFor(group, decidedApp, at))
        await tx.update('groups', group._id, { memberCount: group.memberCount + 1 })
        const credits = await inviterCredits(tx, group, [decidedApp], decider!, now)
        for (const [id, patch] of credits) await tx.update('members', id, patch)
      }
      const decided = { ...decidedApp, ...decisionPatch(input, adminOpenid, at) }
      for (const write of decisionWrites(tx, adminOpenid, decided, group, now)) await write()
      return { app: decided, group }
    })
  } catch (error) {
    // The applicant's membership was there already (the store refused to create it; nothing was written).
    if (error instanceof StoreConflictError && error.collection === 'members') {
      throw new DecisionRefused('alreadyMember', 'CONFLICT', t('admission.error.applicantIsMember'))
    }
    throw error
  }
}

/** Why `app` cannot be decided now, or null: not this group's, decided already, or (approving) the group is full at `memberCount`. */
function refusalOf(
  app: ApplicationDoc | null,
  input: { groupId: string; decision: 'approve' | 'reject' },
  group: GroupDoc,
  memberCount: number,
): DecisionRefused | null {
  if (!app || app.groupId !== input.groupId || app.archived) return new DecisionRefused('notFound', 'NOT_FOUND', t('admission.error.applicationNotFound'))
  if (app.status !== 'pending') return new DecisionRefused('alreadyDecided', 'CONFLICT', t('admission.error.alreadyDecided'))
  if (input.decision === 'approve' && isFull({ capacity: group.capacity, memberCount })) {
    return new DecisionRefused('groupFull', 'CONFLICT', t('admission.error.groupFull', { capacity: toGroupProfile(group, null).capacity }))
  }
  return null
}

/** The membership an approval creates: the applicant's card, and the rules they accepted to apply counted as acknowledged. */
function membershipFor(group: GroupDoc, app: ApplicationDoc, at: string): MemberDoc {
  return {
    _id: memberId(group._id, app.openid),
    groupId: group._id,
    openid: app.openid,
    memberKey: memberKey(group._id, app.openid),
    role: 'member',
    intro: { name: app.intro.name, region: app.intro.region, occupation: app.intro.occupation },
    joinedAt: at,
    rulesAck: { version: app.rulesVersion, acknowledgedAt: at },
    ...newMemberState(),
    ...newMemberCounters(todayKey(new Date(at), dayRuleOf(group))),
    groupCopy: groupCopyOf(group),
    // Until they say 「我已入群」: the admins' not-joined list.
    joinPending: true,
  }
}

/**
 * The inviters' credit for the approved invitees (the `invitee` points, earned on the decision's day), as one
 * patch per inviter still a member: read by id inside the decision's transaction — the decider's membership is
 * reused when the decider invited — so an approval with an inviter costs 2 operations more (1 when the decider
 * invited), and none without.
 */
async function inviterCredits(tx: Transaction, group: GroupDoc, apps: ApplicationDoc[], decider: MemberDoc, now: Date): Promise<Map<string, Patch<MemberDoc>>> {
  const points = scoreForEvent(participationSettingsOf(group), 'invitee')
  const inviters = [...new Set(apps.map((app) => app.inviterOpenid).filter((openid): openid is string => openid !== null && !apps.some((app) => app.openid === openid)))]
  const patches = new Map<string, Patch<MemberDoc>>()
  if (points === 0 || inviters.length === 0) return patches
  const day = todayKey(now, dayRuleOf(group))
  const members = await Promise.all(inviters.map((openid) => (openid === decider.openid ? decider : tx.get('members', memberId(group._id, openid)))))
  for (const [i, inviter] of members.entries()) {
    if (!inviter) continue
    let counters: MemberDoc = inviter
    for (const app of apps) if (app.inviterOpenid === inviters[i]) counters = { ...counters, ...creditPatch(counters, day, points, { checkin: false }) }
    patches.set(inviter._id, pickCounters(counters))
  }
  return patches
}

function pickCounters(member: MemberDoc): Patch<MemberDoc> {
  const { score, checkinDays, weekKey, weekScore, weekCheckins, monthKey, monthScore, monthCheckins } = member
  return { score, checkinDays, weekKey, weekScore, weekCheckins, monthKey, monthScore, monthCheckins }
}

/** The fields a decision sets on the application. */
function decisionPatch(input: { decision: 'approve' | 'reject'; reason: string }, adminOpenid: string, at: string) {
  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
  const rejectReason = status === 'rejected' ? input.reason.trim() || null : null
  return { status, decidedAt: at, decidedBy: adminOpenid, rejectReason, updatedAt: at }
}

/** The writes that record a decided application in its transaction, in order: the application, the audit entry, the applicant's inbox. */
function decisionWrites(tx: Transaction, adminOpenid: string, app: ApplicationDoc, group: GroupDoc, now: Date): Array<() => Promise<unknown>> {
  const { status, decidedAt, decidedBy, rejectReason, updatedAt } = app
  return [
    () => tx.update('applications', app._id, { status, decidedAt, decidedBy, rejectReason, updatedAt }),
    () =>
      recordAudit(tx, {
        groupId: group._id,
        actorOpenid: adminOpenid,
        action: status === 'approved' ? 'application.approve' : 'application.reject',
        targetOpenid: app.openid,
        detail: { applicationId: app._id, reason: rejectReason },
        at: now,
      }),
    () => deliverToInbox(tx, decisionInboxMessage(app, group, now)),
  ]
}

/** The applicant's inbox message about a decided application. */
function decisionInboxMessage(app: ApplicationDoc, group: GroupDoc, now: Date): InboxDelivery {
  const approved = app.status === 'approved'
  return {
    openid: app.openid,
    groupId: group._id,
    kind: `application.${app.status}`,
    title: approved ? t('admission.inbox.approvedTitle', { group: group.name }) : t('admission.inbox.rejectedTitle', { group: group.name }),
    body: approved
      ? approvedBody(app, group)
      : t('admission.inbox.rejectedBody', { reason: app.rejectReason ?? t('admission.noReason') }),
    link: approved ? pageUrl('group', { id: group._id }) : pageUrl('apply', { id: group._id }),
    at: now,
  }
}

/** The welcome: the nickname to use, then how to get into the WeChat group (the group page shows the QR, to members only). */
function approvedBody(app: ApplicationDoc, group: GroupDoc): string {
  const instructions = group.joinGuide?.instructions.trim() ?? ''
  return [t('admission.inbox.approvedBody', { nickname: formatNickname(app.intro) }), instructions, t('joinGuide.inbox.approvedHint')].filter((part) => part !== '').join('\n')
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

/** Decisions per transaction in a batch (CloudBase caps a transaction's size; 10 keeps one well inside). */
export const BATCH_CHUNK = 10

/**
 * Several decisions (at most 50): in transactions of up to `BATCH_CHUNK` applications each, so a batch of 50
 * is 5 transactions, not 50. Each reads the group and the decider's role once, the chunk's applications at
 * once, refuses what cannot be decided (not found, decided already, group full — the seats counted as the
 * chunk fills them), and writes the rest at once; the member count is written once. Rejections touch no
 * shared document, so their chunks run side by side (`BATCH_PARALLEL` at a time); approvals all change the
 * group's member count, so theirs run one after another (in parallel they would only conflict and re-run).
 * The applicants' memberships are looked up first with one query per chunk; one created meanwhile makes the
 * store refuse the chunk, which is then decided one application per transaction. Subscribe messages go out
 * after the commits, several at a time. Reports what happened to each, in the order asked.
 */
export async function decideApplications(
  ctx: UseCaseContext,
  services: WechatPort,
  input: { groupId: string; applicationIds: string[]; decision: 'approve' | 'reject'; reason: string },
): Promise<BatchDecisionResult> {
  const openid = requireOpenid(ctx)
  const ids = [...new Set(input.applicationIds)]
  const chunks: string[][] = []
  for (let i = 0; i < ids.length; i += BATCH_CHUNK) chunks.push(ids.slice(i, i + BATCH_CHUNK))
  const outcomes = new Map<string, DecisionResult>()
  const decided: Array<{ app: ApplicationDoc; group: GroupDoc }> = []
  await inParallel(chunks, input.decision === 'reject' ? BATCH_PARALLEL : 1, async (chunk) => {
    for (const result of await decideChunk(ctx, openid, { ...input, applicationIds: chunk })) {
      if ('refused' in result) outcomes.set(result.id, { applicationId: result.id, outcome: result.refused.outcome, message: result.refused.message })
      else {
        decided.push(result)
        const outcome = result.app.status === 'approved' ? 'approved' : 'rejected'
        outcomes.set(result.app._id, { applicationId: result.app._id, outcome, message: outcomeMessage(outcome, formatNickname(result.app.intro)) })
      }
    }
  })
  await inParallel(decided, BATCH_PARALLEL, ({ app, group }) => notifyDecision(services, app, group))
  const results = ids.map((id) => outcomes.get(id)!)
  return { results, decided: results.filter((r) => r.outcome === 'approved' || r.outcome === 'rejected').length }
}

/** Chunks (and subscribe messages) in flight at once in a batch. */
export const BATCH_PARALLEL = 6

type ChunkResult = { app: ApplicationDoc; group: GroupDoc } | { id: string; refused: DecisionRefused }

async function decideChunk(
  ctx: UseCaseContext,
  adminOpenid: string,
  input: { groupId: string; applicationIds: string[]; decision: 'approve' | 'reject'; reason: string },
): Promise<ChunkResult[]> {
  const now = ctx.now()
  const at = now.toISOString()
  const approve = input.decision === 'approve'
  // Which applicants are members already: one query for the chunk, outside the transaction (which cannot query).
  const applicantIds = input.applicationIds.filter((id) => id.startsWith(`${input.groupId}:`))
  const existing = approve && applicantIds.length > 0
    ? new Set((await ctx.store.find('members', { where: { _id: { in: applicantIds } }, limit: applicantIds.length })).map((m) => m._id))
    : new Set<string>()
  try {
    return await ctx.store.transaction(async (tx) => {
      const group = await tx.get('groups', input.groupId)
      if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
      const decider = await tx.get('members', memberId(input.groupId, adminOpenid))
      if (!canManageGroup(decider?.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
      const apps = await Promise.all(input.applicationIds.map((id) => tx.get('applications', id)))
      if (approve) assertGroupWritable(group)
      let memberCount = group.memberCount
      const results: ChunkResult[] = []
      const writes: Array<() => Promise<unknown>> = []
      for (const [i, id] of input.applicationIds.entries()) {
        const app = apps[i]
        const refused =
          refusalOf(app, input, group, memberCount) ??
          (approve && app && existing.has(memberId(group._id, app.openid))
            ? new DecisionRefused('alreadyMember', 'CONFLICT', t('admission.error.applicantIsMember'))
            : null)
        if (refused || !app) {
          results.push({ id, refused: refused as DecisionRefused })
          continue
        }
        if (approve) {
          memberCount++
          writes.push(() => tx.create('members', membershipFor(group, app, at)))
        }
        const decided = { ...app, ...decisionPatch(input, adminOpenid, at) }
        writes.push(...decisionWrites(tx, adminOpenid, decided, group, now))
        results.push({ app: decided, group })
      }
      if (memberCount !== group.memberCount) writes.push(() => tx.update('groups', group._id, { memberCount }))
      if (approve) {
        const approved = results.flatMap((result) => ('app' in result ? [result.app] : []))
        for (const [id, patch] of await inviterCredits(tx, group, approved, decider!, now)) writes.push(() => tx.update('members', id, patch))
      }
      // All at once; every one settles before the work ends, and the first failure aborts the transaction.
      const settled = await Promise.allSettled(writes.map((write) => write()))
      const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
      if (failed) throw failed.reason
      return results
    })
  } catch (error) {
    if (!(error instanceof StoreConflictError && error.collection === 'members')) throw error
    // A membership appeared since the query: decide this chunk one application at a time.
    const results: ChunkResult[] = []
    for (const id of input.applicationIds) {
      try {
        results.push(await decideInTransaction(ctx, adminOpenid, { ...input, applicationId: id }))
      } catch (inner) {
        if (!(inner instanceof DecisionRefused)) throw inner
        results.push({ id, refused: inner })
      }
    }
    return results
  }
}

/** Run `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}
