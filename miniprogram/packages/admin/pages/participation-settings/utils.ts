/**
 * The participation settings form: text fields from the saved settings (`formOf`), back to the action's input
 * with a message per field that is not a whole number in range (`parseForm`), and the goal as members will
 * read it (`goalPreview`).
 *
 * @example
 *   const form = formOf(view)                       // { points: { checkin: '10', … }, inactiveDays: '7', goalOn: false, … }
 *   parseForm({ ...form, inactiveDays: '1' })       // { errors: { inactiveDays: '请填写 2–90 之间的整数' } }
 *   goalPreview('streak', 21, '书')                  // '连续打卡 21 天送书'
 */
import {
  MAX_GOAL_DAYS,
  MAX_INACTIVE_DAYS,
  MAX_POINTS_PER_EVENT,
  MIN_INACTIVE_DAYS,
  SCORE_EVENTS,
  type GoalKind,
  type ParticipationSettings,
  type ScoreEvent,
  type ScorePoints,
} from '../../../../../domain/participation'
import { t } from '../../../../../i18n/strings'

export interface SettingsForm {
  points: Record<ScoreEvent, string>
  inactiveDays: string
  goalOn: boolean
  goalKind: GoalKind
  goalDays: string
  goalReward: string
}

export function formOf(settings: ParticipationSettings): SettingsForm {
  const points = {} as Record<ScoreEvent, string>
  for (const event of SCORE_EVENTS) points[event] = String(settings.points[event])
  return {
    points,
    inactiveDays: String(settings.inactiveDays),
    goalOn: settings.goal !== null,
    goalKind: settings.goal?.kind ?? 'streak',
    goalDays: String(settings.goal?.days ?? 21),
    goalReward: settings.goal?.reward ?? '',
  }
}

function whole(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null
  const value = Number(text.trim())
  return value >= min && value <= max ? value : null
}

export type ParsedForm = { input: ParticipationSettings } | { errors: Record<string, string> }

/** The settings to save, or a message for every field out of range (keyed like the server's fields). */
export function parseForm(form: SettingsForm): ParsedForm {
  const errors: Record<string, string> = {}
  const points = {} as ScorePoints
  for (const event of SCORE_EVENTS) {
    const value = whole(form.points[event], 0, MAX_POINTS_PER_EVENT)
    if (value === null) errors[`points.${event}`] = t('pSettings.numberInvalid', { min: 0, max: MAX_POINTS_PER_EVENT })
    else points[event] = value
  }
  const inactiveDays = whole(form.inactiveDays, MIN_INACTIVE_DAYS, MAX_INACTIVE_DAYS)
  if (inactiveDays === null) errors.inactiveDays = t('pSettings.numberInvalid', { min: MIN_INACTIVE_DAYS, max: MAX_INACTIVE_DAYS })
  const goalDays = form.goalOn ? whole(form.goalDays, 1, MAX_GOAL_DAYS) : null
  if (form.goalOn && goalDays === null) errors['goal.days'] = t('pSettings.numberInvalid', { min: 1, max: MAX_GOAL_DAYS })
  if (Object.keys(errors).length > 0) return { errors }
  return {
    input: {
      points,
      inactiveDays: inactiveDays!,
      goal: form.goalOn ? { kind: form.goalKind, days: goalDays!, reward: form.goalReward.trim() } : null,
    },
  }
}

/** The goal's title as members read it on their progress page (连续打卡 21 天送书). */
export function goalPreview(kind: GoalKind, days: number, reward: string): string {
  const gift = reward.trim() ? `送${reward.trim().replace(/^送/, '')}` : ''
  return t(kind === 'streak' ? 'participation.goal.streak' : 'participation.goal.total', { days, reward: gift })
}
