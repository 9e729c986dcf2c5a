/**
 * The group settings page (群设置): read and save a group's name, introduction, day rule, make-up policy,
 * default task publish time and capacity. Owners and admins; the day rule and the capacity are the owner's.
 *
 * A save is one transaction: the group and the caller's membership read, the group updated, one audit entry
 * (what changed, old → new). A refused save (a bad value, a capacity under the member count, an admin touching
 * the owner's settings, a day-rule change while a transition day runs) writes nothing.
 *
 * Where the saved values are read: the make-up policy, the task publish time and the capacity are read fresh
 * from the group by every use case that needs them (make-ups, the overview, publishing, approvals), so they
 * count from the save. The day rule is planned to take effect at a later day boundary
 * (`domain/day-rule-change.ts`); function instances that remember it re-read it well before
 * (`usecases/group-cache.ts`), and the instance that saved forgets its copy at once.
 *
 * @example
 *   await saveGroupSettings(ctx, { groupId, ...view, dayStartHour: 4, preview: true })   // the plan, nothing written
 */
import type { DayRuleChangeView, DayRulePlanView, GroupSettingsInput, GroupSettingsSaved, GroupSettingsView } from '../contracts/group-settings'
import { makeUpPolicyOf } from '../domain/checkin'
import { DEFAULT_TASK_PUBLISH_TIME, dayRuleOf, shiftDay, todayKey } from '../domain/days'
import { DomainError } from '../domain/errors'
import { MAX_GROUP_CAPACITY, memberId, type GroupDoc, type Role } from '../domain/group'
import { planDayRuleChange, type DayRulePlan } from '../domain/day-rule-change'
import { isKnownTimezone } from '../domain/group-settings'
import { dayStart } from '../domain/tally'
import { t } from '../i18n/strings'
import type { Patch } from '../store/port'
import { MANAGERS, requireRole } from './access'
import { recordAudit } from './audit'
import { requireOpenid, type UseCaseContext } from './context'
import { rememberDayRule } from './group-cache'

export async function getGroupSettings(ctx: UseCaseContext, input: { groupId: string }): Promise<GroupSettingsView> {
  const { group, member } = await requireRole(ctx, input.groupId, MANAGERS)
  return toSettingsView(group, member.role, ctx.now())
}

export async function saveGroupSettings(ctx: UseCaseContext, input: { groupId: string; preview?: boolean } & GroupSettingsInput): Promise<GroupSettingsSaved> {
  // Who may save is checked inside the transaction, on the documents it writes against.
  const openid = requireOpenid(ctx)
  if (!isKnownTimezone(input.timezone)) {
    throw new DomainError('INVALID_INPUT', t('groupSettings.validate.timezone'), { timezone: t('groupSettings.validate.timezone') })
  }
  const now = ctx.now()
  const run = async (source: 'preview' | 'save') =>
    ctx.store.transaction(async (tx) => {
      const group = await tx.get('groups', input.groupId)
      if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
      const actor = await tx.get('members', memberId(input.groupId, openid))
      if (!actor || !MANAGERS.includes(actor.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
      const { patch, plan, changed } = settingsPatch(group, input, now)
      const ownerOnly = changed.filter((field) => field === 'timezone' || field === 'dayStartHour' || field === 'capacity')
      if (ownerOnly.length > 0 && actor.role !== 'owner') throw new DomainError('FORBIDDEN', t('groupSettings.error.ownerOnly'))
      if (plan.kind === 'inTransition') {
        throw new DomainError('CONFLICT', t('groupSettings.error.inTransition', { time: formatTime(plan.endsAt, group.timezone) }), { dayStartHour: t('groupSettings.error.inTransition', { time: formatTime(plan.endsAt, group.timezone) }) })
      }
      if (plan.kind === 'skipsDay') {
        throw new DomainError('INVALID_INPUT', t('groupSettings.error.skipsDay'), { timezone: t('groupSettings.error.skipsDay') })
      }
      if (changed.includes('capacity') && input.capacity < group.memberCount) {
        const message = t('groupSettings.error.capacityBelowMembers', { count: group.memberCount })
        throw new DomainError('INVALID_INPUT', message, { capacity: message })
      }
      const after = { ...group, ...patch } as GroupDoc
      if (source === 'save' && changed.length > 0) {
        await tx.update('groups', group._id, patch)
        await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'group.settings', detail: auditDetail(group, after, changed), at: now })
      }
      return { after, role: actor.role, plan }
    })
  const preview = input.preview === true
  const { after, role, plan } = await run(preview ? 'preview' : 'save')
  // This instance counts by the saved rule from now on (the others within minutes, before it takes effect).
  if (!preview) rememberDayRule(ctx.store, after)
  return { saved: !preview, dayRule: planView(plan), settings: toSettingsView(after, role, now) }
}

type Field = 'name' | 'intro' | 'timezone' | 'dayStartHour' | 'makeUp' | 'taskPublishTime' | 'capacity'

/** The group's patch for the form, the day-rule plan, and which fields change. */
function settingsPatch(group: GroupDoc, input: GroupSettingsInput, now: Date): { patch: Patch<GroupDoc>; plan: DayRulePlan; changed: Field[] } {
  const patch: Patch<GroupDoc> = {}
  const changed: Field[] = []
  const name = input.name.trim()
  const intro = input.intro.trim()
  if (name !== group.name) (patch.name = name), changed.push('name')
  if (intro !== group.intro) (patch.intro = intro), changed.push('intro')
  const policy = makeUpPolicyOf(group)
  const makeUp = { enabled: input.makeUp.enabled, windowDays: input.makeUp.windowDays, monthlyLimit: input.makeUp.monthlyLimit }
  if (policy.enabled !== makeUp.enabled || policy.windowDays !== makeUp.windowDays || policy.monthlyLimit !== makeUp.monthlyLimit) (patch.makeUp = makeUp), changed.push('makeUp')
  if (input.taskPublishTime !== (group.taskPublishTime ?? DEFAULT_TASK_PUBLISH_TIME)) (patch.taskPublishTime = input.taskPublishTime), changed.push('taskPublishTime')
  if (input.capacity !== Math.min(group.capacity, MAX_GROUP_CAPACITY)) (patch.capacity = input.capacity), changed.push('capacity')
  const rule = dayRuleOf(group)
  const plan = planDayRuleChange(rule, { timezone: input.timezone, dayStartHour: input.dayStartHour }, now)
  if (plan.kind === 'planned' || plan.kind === 'cancelled') {
    patch.timezone = plan.stored.timezone
    patch.dayStartHour = plan.stored.dayStartHour
    patch.dayRuleChange = plan.kind === 'planned' ? plan.change : (rule.change && Date.parse(rule.change.at) <= now.getTime() ? rule.change : null)
    if (plan.kind === 'cancelled') patch.dayRuleChange = null
    if (input.timezone !== rule.timezone) changed.push('timezone')
    if (input.dayStartHour !== rule.dayStartHour) changed.push('dayStartHour')
  } else if (plan.kind === 'inTransition' || plan.kind === 'skipsDay') {
    if (input.timezone !== rule.timezone) changed.push('timezone')
    if (input.dayStartHour !== rule.dayStartHour) changed.push('dayStartHour')
  }
  return { patch, plan, changed }
}

function auditDetail(before: GroupDoc, after: GroupDoc, changed: Field[]): Record<string, string | number | boolean | null> {
  const detail: Record<string, string | number | boolean | null> = { changed: changed.join(',') }
  for (const field of changed) {
    if (field === 'makeUp') {
      const from = makeUpPolicyOf(before)
      const to = makeUpPolicyOf(after)
      detail.makeUp = `${from.enabled ? 'on' : 'off'}/${from.windowDays}/${from.monthlyLimit} → ${to.enabled ? 'on' : 'off'}/${to.windowDays}/${to.monthlyLimit}`
    } else if (field === 'taskPublishTime') {
      detail.taskPublishTime = `${before.taskPublishTime ?? DEFAULT_TASK_PUBLISH_TIME} → ${after.taskPublishTime}`
    } else if (field === 'intro') {
      detail.intro = true
    } else if (field === 'timezone' || field === 'dayStartHour') {
      detail[field] = `${dayRuleOf(before)[field]} → ${dayRuleOf(after)[field]}`
    } else {
      detail[field] = `${String(before[field] ?? '')} → ${String(after[field])}`
    }
  }
  if (after.dayRuleChange && (changed.includes('timezone') || changed.includes('dayStartHour'))) detail.fromDay = after.dayRuleChange.fromDay
  return detail
}

function planView(plan: DayRulePlan): DayRulePlanView {
  if (plan.kind === 'planned') return { kind: 'planned', ...changeView(plan.change, plan.stored, plan.endsAt) }
  if (plan.kind === 'cancelled') return { kind: 'cancelled' }
  return { kind: 'unchanged' }
}

function changeView(change: NonNullable<GroupDoc['dayRuleChange']>, after: { timezone: string; dayStartHour: number }, endsAt: Date): DayRuleChangeView {
  return {
    fromDay: change.fromDay,
    startsAt: change.at,
    endsAt: endsAt.toISOString(),
    hours: Math.round((endsAt.getTime() - Date.parse(change.at)) / 360_000) / 10,
    before: change.before,
    after,
  }
}

function toSettingsView(group: GroupDoc, role: Role, now: Date): GroupSettingsView {
  const rule = dayRuleOf(group)
  let dayRuleChange: GroupSettingsView['dayRuleChange'] = null
  if (rule.change) {
    const endsAt = dayStart(shiftDay(rule.change.fromDay, 1), rule)
    if (now < endsAt) dayRuleChange = { ...changeView(rule.change, { timezone: rule.timezone, dayStartHour: rule.dayStartHour }, endsAt), inEffect: now.getTime() >= Date.parse(rule.change.at) }
  }
  return {
    groupId: group._id,
    name: group.name,
    intro: group.intro,
    timezone: rule.timezone,
    dayStartHour: rule.dayStartHour,
    dayRuleChange,
    makeUp: makeUpPolicyOf(group),
    taskPublishTime: group.taskPublishTime ?? DEFAULT_TASK_PUBLISH_TIME,
    capacity: Math.min(group.capacity, MAX_GROUP_CAPACITY),
    memberCount: group.memberCount,
    maxCapacity: MAX_GROUP_CAPACITY,
    today: todayKey(now, rule),
    viewerRole: role,
    canEditOwnerSettings: role === 'owner',
  }
}

function formatTime(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant)
}
