/**
 * Admission use cases: the apply page, submitting (one open application per person per group),
 * withdrawing, the admins' review queue, decisions (membership + member count + audit + inbox in one
 * transaction), batch decisions (one transaction each), the group's questions / thresholds, invite codes,
 * and the purge of rejected applications' personal fields.
 *
 * Concurrency: every change re-reads the application by its deterministic id inside a transaction, so two
 * admins deciding at once, or a double tap, end in exactly one decision (the second gets CONFLICT), and a
 * double submit updates the one pending application.
 *
 * @example
 *   await submitApplication(ctx, services, { groupId, rulesVersion: 1, acceptRules: true, intro, answers: {} })
 *   await decideApplication(ctx, services, { groupId, applicationId: 'g1:o_new', decision: 'approve', reason: '' })
 */
import { createHash } from 'node:crypto'
import dayjs from 'dayjs'
import {
  applicationFormSchema,
  formErrors,
  type AdmissionSettingsView,
  type ApplicationCard,
  type ApplicationDetail,
  type ApplyPageView,
  type BatchDecisionResult,
  type DecisionOutcome,
  type DecisionResult,
  type InviteCodeView,
  type MyApplicationView,
  type ReviewQueuePage,
} from '../contracts/admission'
import { SUBSCRIBE_TEMPLATES, configuredTemplateIds } from '../contracts/subscribe-templates'
import {
  DEFAULT_PURGE_AFTER_DAYS,
  applicationId,
  archivedApplicationId,
  canStartNewRound,
  defaultAdmissionSettings,
  maskPhone,
  purgeCutoff,
  purgedPersonalFields,
  reapplyAllowedAt,
  snapshotAnswers,
  type AdmissionSettingsDoc,
  type ApplicationDoc,
  type ApplicationIntro,
  type InviteDoc,
} from '../domain/admission'
import { DomainError } from '../domain/errors'
import { DEFAULT_TIMEZONE, canManageGroup, formatNickname, isFull, memberId, toGroupProfile, type GroupDoc, type MemberDoc } from '../domain/group'
import { rulesAckId } from '../domain/rules'
import { t } from '../i18n/strings'
import type { WechatServices } from '../platform/wechat-services'
import { StoreConflictError, type Store } from '../store/port'
import { recordAudit } from './audit'
import { requireOpenid, type UseCaseContext } from './context'
import { deliverToInbox } from './inbox/deliver'
import { EVERY_ROLE, MANAGERS, requireGroup, requireRole } from './access'
import { ROUTES, pageUrl, wechatPagePath } from '../contracts/routes'

export const QUEUE_PAGE_SIZE = 20

// --- settings ---

export async function loadAdmissionSettings(store: Store, groupId: string, now: Date): Promise<AdmissionSettingsDoc> {
  return (await store.get('admissionSettings', groupId)) ?? defaultAdmissionSettings(groupId, now)
}

function toSettingsView(settings: AdmissionSettingsDoc): AdmissionSettingsView {
  const { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates } = settings
  return { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates }
}

export async function getAdmissionSettings(ctx: UseCaseContext, input: { groupId: string }): Promise<AdmissionSettingsView> {
  await requireRole(ctx, input.groupId, MANAGERS)
  return toSettingsView(await loadAdmissionSettings(ctx.store, input.groupId, ctx.now()))
}

export async function updateAdmissionSettings(
  ctx: UseCaseContext,
  input: { groupId: string; settings: AdmissionSettingsView },
): Promise<AdmissionSettingsView> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  const doc: AdmissionSettingsDoc = {
    _id: input.groupId,
    groupId: input.groupId,
    ...input.settings,
    questions: input.settings.questions.map((q) => ({ ...q, options: q.kind === 'choice' ? q.options : [] })),
    updatedAt: now.toISOString(),
  }
  await ctx.store.transaction(async (tx) => {
    await tx.set('admissionSettings', doc)
    await recordAudit(tx, {
      groupId: input.groupId,
      actorOpenid: openid,
      action: 'admission.settings',
      detail: { questions: doc.questions.length, requirePhone: doc.requirePhone, allowMemberInvites: doc.allowMemberInvites, cooldownDays: doc.cooldownDays },
      at: now,
    })
  })
  return toSettingsView(doc)
}

// --- the applicant's side ---

function toMyApplication(app: ApplicationDoc, settings: AdmissionSettingsDoc): MyApplicationView {
  return {
    id: app._id,
    status: app.status,
    intro: app.intro,
    answers: app.answers,
    phone: app.phone,
    rulesVersion: app.rulesVersion,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    rejectReason: app.rejectReason,
    reapplyAllowedAt: reapplyAllowedAt(app, settings.cooldownDays),
  }
}

async function findInvite(store: Store, inviteId: string | undefined | null): Promise<InviteDoc | null> {
  return inviteId ? store.get('invites', inviteId) : null
}

async function nicknameOf(store: Store, groupId: string, openid: string | null): Promise<string | null> {
  if (!openid) return null
  const member = await store.get('members', memberId(groupId, openid))
  return member ? formatNickname(member.intro) : null
}

/** The apply page: group card + rules, the questions, the caller's own application. Opened by group id or invite (scene). */
export async function getApplyPage(ctx: UseCaseContext, input: { groupId?: string; inviteId?: string }): Promise<ApplyPageView> {
  const invite = await findInvite(ctx.store, input.inviteId)
  if (input.inviteId && !invite && !input.groupId) throw new DomainError('NOT_FOUND', t('admission.error.inviteNotFound'))
  const groupId = input.groupId ?? invite!.groupId
  const group = await requireGroup(ctx, groupId)
  const validInvite = invite && invite.groupId === groupId ? invite : null
  const settings = await loadAdmissionSettings(ctx.store, groupId, ctx.now())
  const membership = ctx.openid ? await ctx.store.get('members', memberId(groupId, ctx.openid)) : null
  const mine = ctx.openid ? await ctx.store.get('applications', applicationId(groupId, ctx.openid)) : null
  return {
    group: toGroupProfile(group, membership?.role ?? null),
    questions: settings.questions,
    requirePhone: settings.requirePhone,
    inviteId: validInvite?._id ?? null,
    inviterName: await nicknameOf(ctx.store, groupId, validInvite?.inviterOpenid ?? null),
    myApplication: mine ? toMyApplication(mine, settings) : null,
    subscribeTemplateIds: configuredTemplateIds(),
  }
}

export interface SubmitApplicationInput {
  groupId: string
  inviteId?: string | null
  rulesVersion: number
  acceptRules: true
  intro: ApplicationIntro
  answers: Record<string, string>
  phone?: string
  phoneCode?: string
  subscribedTemplateIds: string[]
}

/** Apply, or update the pending application. Refuses members, changed rules, and rejected applicants in their cooldown. */
export async function submitApplication(
  ctx: UseCaseContext,
  services: WechatServices,
  input: SubmitApplicationInput,
): Promise<MyApplicationView> {
  const openid = requireOpenid(ctx)
  const now = ctx.now()
  await requireGroup(ctx, input.groupId)
  const settings = await loadAdmissionSettings(ctx.store, input.groupId, now)
  const phone = input.phoneCode ? await services.phoneNumberFromCode(input.phoneCode) : (input.phone ?? '')
  const form = { intro: input.intro, answers: input.answers, phone }
  const fields = formErrors(applicationFormSchema(settings.questions, { requirePhone: settings.requirePhone }), form)
  if (fields) throw new DomainError('INVALID_INPUT', Object.values(fields)[0], fields)

  const invite = await findInvite(ctx.store, input.inviteId)
  const validInvite = invite && invite.groupId === input.groupId && invite.inviterOpenid !== openid ? invite : null
  const subscribed = input.subscribedTemplateIds.filter((id) => configuredTemplateIds().includes(id))
  const id = applicationId(input.groupId, openid)
  const at = now.toISOString()
  const content = {
    intro: {
      name: input.intro.name.trim(),
      region: input.intro.region.trim(),
      occupation: input.intro.occupation.trim(),
      about: input.intro.about.trim(),
    },
    answers: snapshotAnswers(settings.questions, input.answers),
    phone: phone.trim() === '' ? null : phone.trim(),
    rulesVersion: input.rulesVersion,
    subscribedTemplateIds: subscribed,
    updatedAt: at,
  }

  const saved = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    if (group.status !== 'open') throw new DomainError('CONFLICT', t('admission.error.groupClosed'))
    if (group.rules.version !== input.rulesVersion) throw new DomainError('CONFLICT', t('admission.error.rulesChanged'))
    if (await tx.get('members', memberId(input.groupId, openid))) throw new DomainError('CONFLICT', t('admission.error.alreadyMember'))
    const current = await tx.get('applications', id)

    if (current?.status === 'pending') {
      const updated: ApplicationDoc = {
        ...current,
        ...content,
        inviteId: current.inviteId ?? validInvite?._id ?? null,
        inviterOpenid: current.inviterOpenid ?? validInvite?.inviterOpenid ?? null,
      }
      await tx.set('applications', updated)
      return updated
    }

    const check = canStartNewRound(current, false, settings.cooldownDays, now)
    if (!check.allowed) {
      const until = dayjs(check.until).tz(DEFAULT_TIMEZONE).format('YYYY-MM-DD HH:mm')
      throw new DomainError('CONFLICT', t('admission.error.cooldown', { until }))
    }
    const fresh: ApplicationDoc = {
      _id: id,
      groupId: input.groupId,
      openid,
      round: (current?.round ?? 0) + 1,
      archived: false,
      status: 'pending',
      ...content,
      inviteId: validInvite?._id ?? null,
      inviterOpenid: validInvite?.inviterOpenid ?? null,
      submittedAt: at,
      decidedAt: null,
      decidedBy: null,
      rejectReason: null,
      purgedAt: null,
    }
    if (current) {
      await tx.create('applications', { ...current, _id: archivedApplicationId(input.groupId, openid, current.round), archived: true })
      await tx.set('applications', fresh)
    } else {
      await tx.create('applications', fresh)
    }
    return fresh
  })
  return toMyApplication(saved, settings)
}

export async function withdrawApplication(ctx: UseCaseContext, input: { groupId: string }): Promise<MyApplicationView> {
  const openid = requireOpenid(ctx)
  await requireGroup(ctx, input.groupId)
  const settings = await loadAdmissionSettings(ctx.store, input.groupId, ctx.now())
  const at = ctx.now().toISOString()
  const withdrawn = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('applications', applicationId(input.groupId, openid))
    if (!current) throw new DomainError('NOT_FOUND', t('admission.error.noApplication'))
    if (current.status !== 'pending') throw new DomainError('CONFLICT', t('admission.error.notPending'))
    const patch = { status: 'withdrawn' as const, decidedAt: at, decidedBy: openid, updatedAt: at }
    await tx.update('applications', current._id, patch)
    return { ...current, ...patch }
  })
  return toMyApplication(withdrawn, settings)
}

// --- the admins' side ---

async function inviterNames(store: Store, groupId: string, apps: ApplicationDoc[]): Promise<Map<string, string>> {
  const openids = [...new Set(apps.flatMap((app) => (app.inviterOpenid ? [app.inviterOpenid] : [])))]
  const names = await Promise.all(openids.map((openid) => nicknameOf(store, groupId, openid)))
  return new Map(openids.flatMap((openid, i) => (names[i] ? [[openid, names[i]!] as [string, string]] : [])))
}

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
  input: { groupId: string; order: 'newest' | 'oldest'; offset: number },
): Promise<ReviewQueuePage> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  const where = { groupId: input.groupId, status: 'pending' as const }
  const [apps, total, settings] = await Promise.all([
    ctx.store.find('applications', {
      where,
      orderBy: [{ field: 'submittedAt', direction: input.order === 'newest' ? 'desc' : 'asc' }],
      skip: input.offset,
      limit: QUEUE_PAGE_SIZE,
    }),
    ctx.store.count('applications', where),
    loadAdmissionSettings(ctx.store, input.groupId, ctx.now()),
  ])
  const names = await inviterNames(ctx.store, input.groupId, apps)
  return {
    items: apps.map((app) => toCard(app, names)),
    total,
    offset: input.offset,
    hasMore: input.offset + apps.length < total,
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

/** One decision in its own transaction; returns the decided application and the group as it was. */
async function decideInTransaction(ctx: UseCaseContext, adminOpenid: string, input: DecisionInput): Promise<{ app: ApplicationDoc; group: GroupDoc }> {
  const now = ctx.now()
  const at = now.toISOString()
  return ctx.store.transaction(async (tx) => {
    // The decider's role as it is now (a demotion may have landed since requireRole).
    const decider = await tx.get('members', memberId(input.groupId, adminOpenid))
    if (!canManageGroup(decider?.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    const app = await tx.get('applications', input.applicationId)
    if (!app || app.groupId !== input.groupId || app.archived) {
      throw new DecisionRefused('notFound', 'NOT_FOUND', t('admission.error.applicationNotFound'))
    }
    if (app.status !== 'pending') throw new DecisionRefused('alreadyDecided', 'CONFLICT', t('admission.error.alreadyDecided'))
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))

    if (input.decision === 'approve') {
      if (isFull(group)) throw new DecisionRefused('groupFull', 'CONFLICT', t('admission.error.groupFull', { capacity: toGroupProfile(group, null).capacity }))
      if (await tx.get('members', memberId(group._id, app.openid))) {
        throw new DecisionRefused('alreadyMember', 'CONFLICT', t('admission.error.applicantIsMember'))
      }
      const member: MemberDoc = {
        _id: memberId(group._id, app.openid),
        groupId: group._id,
        openid: app.openid,
        role: 'member',
        intro: { name: app.intro.name, region: app.intro.region, occupation: app.intro.occupation },
        joinedAt: at,
      }
      await tx.create('members', member)
      await tx.update('groups', group._id, { memberCount: group.memberCount + 1 })
      // The applicant accepted these rules to apply: they count as acknowledged on the rules page.
      await tx.set('ruleAcks', {
        _id: rulesAckId(group._id, app.openid),
        groupId: group._id,
        openid: app.openid,
        version: app.rulesVersion,
        acknowledgedAt: at,
      })
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
}

/** The subscribe message for a decision — after the transaction committed, never failing the decision. */
async function notifyDecision(services: WechatServices, app: ApplicationDoc, group: GroupDoc): Promise<void> {
  const templateId = SUBSCRIBE_TEMPLATES.applicationDecided
  if (!templateId || !app.subscribedTemplateIds.includes(templateId)) return
  try {
    await services.sendSubscribeMessage({
      touser: app.openid,
      templateId,
      page: app.status === 'approved' ? wechatPagePath('group', { id: group._id }) : wechatPagePath('apply', { id: group._id }),
      data: decisionMessageData(app, group),
    })
  } catch (error) {
    console.warn('[admission] subscribe message not sent', error)
  }
}

export function decisionMessageData(app: ApplicationDoc, group: GroupDoc): Record<string, { value: string }> {
  return {
    thing1: { value: group.name.slice(0, 20) },
    phrase2: { value: app.status === 'approved' ? t('admission.status.approved') : t('admission.status.rejected') },
    thing3: { value: (app.rejectReason ?? t('admission.subscribe.welcome')).slice(0, 20) },
    time4: { value: dayjs(app.decidedAt).tz(DEFAULT_TIMEZONE).format('YYYY-MM-DD HH:mm') },
  }
}

function outcomeMessage(outcome: DecisionOutcome, nickname: string): string {
  return t(`admission.outcome.${outcome}`, { nickname })
}

export async function decideApplication(ctx: UseCaseContext, services: WechatServices, input: DecisionInput): Promise<DecisionResult> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const { app, group } = await decideInTransaction(ctx, openid, input)
  await notifyDecision(services, app, group)
  const outcome = app.status === 'approved' ? 'approved' : 'rejected'
  return { applicationId: app._id, outcome, message: outcomeMessage(outcome, formatNickname(app.intro)) }
}

/** Several decisions, each in its own transaction, in order; reports what happened to each. */
export async function decideApplications(
  ctx: UseCaseContext,
  services: WechatServices,
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

// --- invites ---

/** `i_` + 10 hex of sha256(group:inviter): the same person gets the same invite, and it fits a scene. */
export function inviteIdFor(groupId: string, inviterOpenid: string): string {
  return `i_${createHash('sha256').update(`${groupId}:${inviterOpenid}`).digest('hex').slice(0, 10)}`
}

export async function getInviteCode(ctx: UseCaseContext, services: WechatServices, input: { groupId: string }): Promise<InviteCodeView> {
  const { member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const settings = await loadAdmissionSettings(ctx.store, input.groupId, ctx.now())
  if (member.role === 'member' && !settings.allowMemberInvites) throw new DomainError('FORBIDDEN', t('admission.error.invitesAdminsOnly'))
  const id = inviteIdFor(input.groupId, openid)
  const invite: InviteDoc = { _id: id, groupId: input.groupId, inviterOpenid: openid, createdAt: ctx.now().toISOString() }
  try {
    await ctx.store.create('invites', invite)
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    const existing = await ctx.store.get('invites', id)
    if (!existing || existing.groupId !== input.groupId || existing.inviterOpenid !== openid) throw new DomainError('CONFLICT', t('error.CONFLICT'))
  }
  const image = await services.createInviteCode({ scene: id, page: ROUTES.apply })
  return { inviteId: id, scene: id, ...image }
}

// --- the purge job ---

/** Clear intro, answers and phone of rejected applications decided more than `olderThanDays` ago. */
export async function purgeRejectedApplications(ctx: UseCaseContext, input: { olderThanDays?: number }): Promise<{ purged: number }> {
  const now = ctx.now()
  const cutoff = purgeCutoff(now, input.olderThanDays ?? DEFAULT_PURGE_AFTER_DAYS)
  let purged = 0
  // Batches of 100 until nothing is left; each batch's documents drop out of the query once purged.
  for (;;) {
    const due = await ctx.store.find('applications', {
      where: { status: 'rejected', decidedAt: { lt: cutoff }, purgedAt: null },
      limit: 100,
    })
    if (due.length === 0) return { purged }
    for (const app of due) {
      await ctx.store.update('applications', app._id, { ...purgedPersonalFields(), purgedAt: now.toISOString() })
      purged += 1
    }
  }
}
