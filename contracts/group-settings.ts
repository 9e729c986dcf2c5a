/**
 * Contracts of the group settings page (群设置, admin subpackage), served by the `group` function: the
 * group's name and introduction, its day rule (timezone, day-start hour), make-up policy (补卡), the default
 * publish time of daily tasks and its capacity. Inactivity days and points are the participation settings
 * (`participation.getSettings/saveSettings`), linked from the page, not repeated here.
 *
 * Who: owners and admins read and save; the day rule and the capacity are the owner's alone (an admin's
 * save that changes them is refused as a whole). `preview: true` answers what a save would do (the day-rule
 * plan) and writes nothing, so the page can ask before a change of the day rule.
 *
 * @example
 *   const plan = await api.call(saveGroupSettings, { groupId, ...form, preview: true })
 *   plan.dayRule // { kind: 'planned', fromDay: '2026-12-01', startsAt, endsAt, hours: 28 }
 */
import * as v from 'valibot'
import { MAX_MAKE_UP_MONTHLY_LIMIT, MAX_MAKE_UP_WINDOW_DAYS, type MakeUpPolicy } from '../domain/checkin'
import { MAX_GROUP_INTRO_LENGTH, MAX_GROUP_NAME_LENGTH } from '../domain/group-settings'
import { MAX_GROUP_CAPACITY, type Role } from '../domain/group'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { groupIdSchema, optionalTextSchema, textSchema, timeOfDaySchema } from './fields'

/** A day-rule change as the page explains it (times are instants; `before` counts until `startsAt`). */
export interface DayRuleChangeView {
  /** The first group day under the new rule: it starts at `startsAt` (old rule) and ends at `endsAt` (new rule). */
  fromDay: string
  startsAt: string
  endsAt: string
  hours: number
  before: { timezone: string; dayStartHour: number }
  after: { timezone: string; dayStartHour: number }
}

export interface GroupSettingsView {
  groupId: string
  name: string
  intro: string
  /** The day rule as saved (the new one when a change is pending: see `dayRuleChange`). */
  timezone: string
  dayStartHour: number
  /** A change of the day rule not yet over (pending, or its transition day running); null otherwise. */
  dayRuleChange: (DayRuleChangeView & { inEffect: boolean }) | null
  makeUp: MakeUpPolicy
  taskPublishTime: string
  capacity: number
  memberCount: number
  maxCapacity: number
  /** Today in the group's day rule. */
  today: string
  viewerRole: Role
  /** The owner may change the day rule and the capacity. */
  canEditOwnerSettings: boolean
}

export const getGroupSettings = defineAction<GroupSettingsView>()('group', 'getSettings', v.object({ groupId: groupIdSchema }))

const intSchema = (min: number, max: number) =>
  v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(min, t('groupSettings.validate.range', { min, max })), v.maxValue(max, t('groupSettings.validate.range', { min, max })))

export const groupSettingsSchema = v.object({
  name: textSchema(MAX_GROUP_NAME_LENGTH),
  intro: optionalTextSchema(MAX_GROUP_INTRO_LENGTH),
  timezone: v.pipe(v.string(t('groupSettings.validate.timezone')), v.minLength(2, t('groupSettings.validate.timezone')), v.maxLength(40, t('groupSettings.validate.timezone'))),
  dayStartHour: intSchema(0, 23),
  makeUp: v.object({
    enabled: v.boolean(t('validate.invalid')),
    windowDays: intSchema(1, MAX_MAKE_UP_WINDOW_DAYS),
    monthlyLimit: intSchema(0, MAX_MAKE_UP_MONTHLY_LIMIT),
  }),
  taskPublishTime: timeOfDaySchema,
  capacity: intSchema(1, MAX_GROUP_CAPACITY),
})

export type GroupSettingsInput = v.InferInput<typeof groupSettingsSchema>

export type DayRulePlanView =
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  | ({ kind: 'planned' } & DayRuleChangeView)

export interface GroupSettingsSaved {
  /** False for a preview: nothing was written. */
  saved: boolean
  dayRule: DayRulePlanView
  /** The settings after the save (as they stand, for a preview). */
  settings: GroupSettingsView
}

/** Owners and admins; the day rule and capacity, the owner only. */
export const saveGroupSettings = defineAction<GroupSettingsSaved>()(
  'group',
  'saveSettings',
  v.object({ groupId: groupIdSchema, ...groupSettingsSchema.entries, preview: v.optional(v.boolean(t('validate.invalid')), false) }),
)
