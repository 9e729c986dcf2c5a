/**
 * The applicant's side of admission: the apply page, submitting (one open application per person per
 * group; a double submit updates the pending one) and withdrawing. A new round after a decision archives
 * the previous application under `archivedApplicationId` in the same transaction.
 *
 * @example
 *   const page = await getApplyPage(ctx, services, { inviteId: scene })   // or { groupId }
 *   await submitApplication(ctx, services, { groupId, rulesVersion: 1, acceptRules: true, intro, answers: {}, subscribedTemplateIds: [] })
 */
import { assertGroupWritable } from '../../domain/participation'
import dayjs from 'dayjs'
import { applicationFormSchema, formErrors, type ApplyPageView, type MyApplicationView } from '../../contracts/admission'
import {
  applicationId,
  archivedApplicationId,
  canStartNewRound,
  reapplyAllowedAt,
  snapshotAnswers,
  type AdmissionSettingsDoc,
  type ApplicationDoc,
  type ApplicationIntro,
} from '../../domain/admission'
import { DomainError } from '../../domain/errors'
import { dayRuleOf } from '../../domain/days'
import { memberId } from '../../domain/group'
import { t } from '../../i18n/strings'
import type { WechatPort } from '../ports/wechat'
import { callerOpenid, requireOpenid, type UseCaseContext } from '../context'
import { requireGroup } from '../access'
import { toGroupProfile } from '../group'
import { findInvite, nicknameOf } from './invites'
import { admissionSettingsFor } from './settings'
import { joinGuideViewFor, type JoinGuideStorage } from './join-guide'

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

/** The apply page: group card + rules, the questions, the caller's own application. Opened by group id or invite (scene). */
export async function getApplyPage(
  ctx: UseCaseContext,
  services: WechatPort,
  input: { groupId?: string; inviteId?: string },
  storage: JoinGuideStorage = NO_LINKS,
): Promise<ApplyPageView> {
  const invite = await findInvite(ctx.store, input.inviteId)
  if (input.inviteId && !invite && !input.groupId) throw new DomainError('NOT_FOUND', t('admission.error.inviteNotFound'))
  const groupId = input.groupId ?? invite!.groupId
  const group = await requireGroup(ctx, groupId)
  const validInvite = invite && invite.groupId === groupId ? invite : null
  // The instance's copy while the group's settings version matches: opening the page also warms it for the submit.
  const settings = await admissionSettingsFor(ctx.store, ctx.store, group, ctx.now())
  const viewer = callerOpenid(ctx)
  const membership = viewer ? await ctx.store.get('members', memberId(groupId, viewer)) : null
  const mine = viewer ? await ctx.store.get('applications', applicationId(groupId, viewer)) : null
  return {
    group: toGroupProfile(group, membership?.role ?? null),
    timezone: dayRuleOf(group).timezone,
    questions: settings.questions,
    requirePhone: settings.requirePhone,
    inviteId: validInvite?._id ?? null,
    inviterName: await nicknameOf(ctx.store, groupId, validInvite?.inviterOpenid ?? null),
    myApplication: mine ? toMyApplication(mine, settings) : null,
    subscribeTemplateIds: services.subscribeTemplateIds('applicationDecided'),
    // Members only: how to get into the WeChat group (never built for applicants or strangers).
    joinGuide: membership ? await joinGuideViewFor(storage, group, membership, ctx.now()) : null,
  }
}

/** Without a storage port (tests calling the use case directly): no image links. */
const NO_LINKS: JoinGuideStorage = { photoLinks: async () => ({}) }

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
  services: WechatPort,
  input: SubmitApplicationInput,
): Promise<MyApplicationView> {
  const openid = requireOpenid(ctx)
  const now = ctx.now()
  // The phone first: it is a WeChat call, never made inside a transaction (which may run more than once).
  const phone = input.phoneCode ? await services.phoneNumberFromCode(input.phoneCode) : (input.phone ?? '')
  const invite = await findInvite(ctx.store, input.inviteId)
  const validInvite = invite && invite.groupId === input.groupId && invite.inviterOpenid !== openid ? invite : null
  const subscribed = input.subscribedTemplateIds.filter((id) => services.subscribeTemplateIds('applicationDecided').includes(id))
  const id = applicationId(input.groupId, openid)
  const at = now.toISOString()

  // The group, its settings (this instance's copy while the group's settings version says it is current),
  // the membership and the application: 4 operations, the settings read a fifth only after a change.
  let settings!: AdmissionSettingsDoc
  const saved = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    const { timezone } = dayRuleOf(group)
    settings = await admissionSettingsFor(ctx.store, tx, group, now)
    const form = { intro: input.intro, answers: input.answers, phone }
    const fields = formErrors(applicationFormSchema(settings.questions, { requirePhone: settings.requirePhone }), form)
    if (fields) throw new DomainError('INVALID_INPUT', Object.values(fields)[0], fields)
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
    assertGroupWritable(group)
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
      const until = dayjs(check.until).tz(timezone).format('YYYY-MM-DD HH:mm')
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
  const group = await requireGroup(ctx, input.groupId)
  const settings = await admissionSettingsFor(ctx.store, ctx.store, group, ctx.now())
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
