/**
 * Participation (活跃度): the score a member earns by taking part, the per-group settings that price each
 * event, the counters kept on the member's own membership document, and the goal (e.g. 连续打卡 21 天送书).
 *
 * Where the counters live: top-level fields of `members/<groupId>:<openid>` (`ParticipationCounters`), written
 * in the same transaction as the event that earns them (check-in, make-up, approval of an invitee, lottery
 * entry), so they are never behind the facts and no group-wide document is written per event. Week and month
 * counters carry the key of their period (`weekKey` = the Monday of the week, `monthKey` = `YYYY-MM`, in the
 * group's day rule); an event in a newer period resets them lazily, so a week's board is one indexed query
 * `{ groupId, weekKey }` ordered by `weekScore`. A point counts in the period of the day it was earned (a
 * make-up done on Monday for Sunday counts on Monday).
 *
 * Ranking and ties: competition ranking — equal values share a rank and the next rank skips (1, 2, 2, 4);
 * within a tie the member who joined earlier is listed first.
 *
 * @example
 *   const settings = participationSettingsOf(group)
 *   scoreForEvent(settings, 'checkin')                // 10 by default
 *   const patch = creditPatch(member, '2026-11-23', scoreForEvent(settings, 'lotteryEntry'), { checkin: false })
 *   await tx.update('members', member._id, patch)     // inside the lottery entry's transaction
 */
import { daysBetween, monthOf, shiftDay } from './days'
import { t } from '../i18n/strings'
import { DomainError } from './errors'
import type { GroupDoc, MemberDoc } from './group'

/** What earns points. */
export type ScoreEvent = 'checkin' | 'makeUp' | 'taskCheckin' | 'lotteryEntry' | 'invitee'
export const SCORE_EVENTS: readonly ScoreEvent[] = ['checkin', 'makeUp', 'taskCheckin', 'lotteryEntry', 'invitee']

export type ScorePoints = Record<ScoreEvent, number>

/** Defaults (documented in the README): a check-in 10, a make-up 5, a check-in on the day's task 15, a lottery entry 2, an approved invitee 20 to the inviter. */
export const DEFAULT_SCORE_POINTS: ScorePoints = { checkin: 10, makeUp: 5, taskCheckin: 15, lotteryEntry: 2, invitee: 20 }
export const MAX_POINTS_PER_EVENT = 100

export const DEFAULT_INACTIVE_DAYS = 7
export const MIN_INACTIVE_DAYS = 2
export const MAX_INACTIVE_DAYS = 90

export type GoalKind = 'streak' | 'total'
/** The group's goal: reach `days` consecutive (streak) or total check-in days, with a reward to name. */
export interface ParticipationGoal {
  kind: GoalKind
  days: number
  /** What reaching it earns, e.g. 送书 (may be empty). */
  reward: string
}
export const MAX_GOAL_DAYS = 365
export const MAX_GOAL_REWARD_LENGTH = 30

export interface ParticipationSettings {
  points: ScorePoints
  /** A member with no check-in for this many days is inactive (the dashboard's list, the tally's flag). */
  inactiveDays: number
  goal: ParticipationGoal | null
}

export const DEFAULT_PARTICIPATION_SETTINGS: ParticipationSettings = { points: DEFAULT_SCORE_POINTS, inactiveDays: DEFAULT_INACTIVE_DAYS, goal: null }

/** The settings of a group, every missing or out-of-range value replaced by its default. */
export function participationSettingsOf(group: Pick<GroupDoc, 'participation'>): ParticipationSettings {
  const stored = group.participation
  if (!stored) return DEFAULT_PARTICIPATION_SETTINGS
  const points = {} as ScorePoints
  for (const event of SCORE_EVENTS) points[event] = clampInt(stored.points?.[event], 0, MAX_POINTS_PER_EVENT, DEFAULT_SCORE_POINTS[event])
  const goal = stored.goal
  return {
    points,
    inactiveDays: clampInt(stored.inactiveDays, MIN_INACTIVE_DAYS, MAX_INACTIVE_DAYS, DEFAULT_INACTIVE_DAYS),
    goal:
      goal && (goal.kind === 'streak' || goal.kind === 'total') && Number.isInteger(goal.days) && goal.days >= 1 && goal.days <= MAX_GOAL_DAYS
        ? { kind: goal.kind, days: goal.days, reward: typeof goal.reward === 'string' ? goal.reward.slice(0, MAX_GOAL_REWARD_LENGTH) : '' }
        : null,
  }
}

/** Points a group gives for `event`. */
export function scoreForEvent(settings: Pick<ParticipationSettings, 'points'>, event: ScoreEvent): number {
  return settings.points[event]
}

/** The event a check-in is: a make-up, a check-in linking the day's task, or a plain check-in. */
export function checkinEvent(checkin: { makeUp: boolean; taskId: string | null }): ScoreEvent {
  return checkin.makeUp ? 'makeUp' : checkin.taskId ? 'taskCheckin' : 'checkin'
}

// --- the counters on the membership ----------------------------------------------------------------

/**
 * Top-level fields of the membership (top-level so the boards query and order by them). All optional:
 * a membership that never earned a point lacks them and counts as zero.
 */
export interface ParticipationCounters {
  /** All-time points. */
  score?: number
  /** Days checked in (make-ups included), all time: the `checkins` board. Mirrors `checkin.totalDays`. */
  checkinDays?: number
  /** The Monday (YYYY-MM-DD) of the week `weekScore` / `weekCheckins` count. */
  weekKey?: string
  weekScore?: number
  weekCheckins?: number
  /** The month (YYYY-MM) `monthScore` / `monthCheckins` count. */
  monthKey?: string
  monthScore?: number
  monthCheckins?: number
  /** The current run of consecutive days as of `lastCheckinDay`; the nightly tally sets 0 when it breaks. */
  streak?: number
  /** The latest checked-in day (YYYY-MM-DD). */
  lastCheckinDay?: string
  /** The latest day the member took part: the last check-in day, or the joining day before any. The inactive list is `activeDay <= today − N`. */
  activeDay?: string
  /** The day the nightly tally flagged the member inactive (N days without a check-in); cleared by a check-in. */
  inactiveFrom?: string | null
  /** When an admin last nudged the member (ISO), shown on the inactive list. */
  nudgedAt?: string | null
}

/** The Monday of the ISO week `day` is in. */
export function weekKeyOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return shiftDay(day, -((weekday + 6) % 7))
}

/** The counters as they stand on `day`: week and month counters of a past period read as zero. */
export function countersOn(member: ParticipationCounters, day: string): Required<Pick<ParticipationCounters, 'score' | 'checkinDays' | 'weekScore' | 'weekCheckins' | 'monthScore' | 'monthCheckins'>> {
  const sameWeek = member.weekKey === weekKeyOf(day)
  const sameMonth = member.monthKey === monthOf(day)
  return {
    score: member.score ?? 0,
    checkinDays: member.checkinDays ?? 0,
    weekScore: sameWeek ? (member.weekScore ?? 0) : 0,
    weekCheckins: sameWeek ? (member.weekCheckins ?? 0) : 0,
    monthScore: sameMonth ? (member.monthScore ?? 0) : 0,
    monthCheckins: sameMonth ? (member.monthCheckins ?? 0) : 0,
  }
}

/**
 * The membership patch crediting `points` earned on `day` (the day in the group's rule when it happened),
 * and one more check-in day when `checkin` is set: the all-time, week and month counters, the period keys
 * reset lazily. Pure: the caller writes it with the event, in the same transaction.
 */
export function creditPatch(member: ParticipationCounters, day: string, points: number, options: { checkin: boolean }): Partial<ParticipationCounters> {
  const now = countersOn(member, day)
  const checkins = options.checkin ? 1 : 0
  return {
    score: now.score + points,
    checkinDays: now.checkinDays + checkins,
    weekKey: weekKeyOf(day),
    weekScore: now.weekScore + points,
    weekCheckins: now.weekCheckins + checkins,
    monthKey: monthOf(day),
    monthScore: now.monthScore + points,
    monthCheckins: now.monthCheckins + checkins,
  }
}

/**
 * The membership patch crediting one event that is not a check-in (a lottery entry, an approved invitee) made on
 * `day`, with the group's points: what the lottery entry's transaction writes to the entrant's membership.
 *
 * @example
 *   await tx.update('members', member._id, eventCreditPatch(member, participationSettingsOf(group), 'lotteryEntry', today))
 */
export function eventCreditPatch(member: ParticipationCounters, settings: Pick<ParticipationSettings, 'points'>, event: Exclude<ScoreEvent, 'checkin' | 'makeUp' | 'taskCheckin'>, day: string): Partial<ParticipationCounters> {
  return creditPatch(member, day, scoreForEvent(settings, event), { checkin: false })
}

/** The membership patch for a check-in: its points, the streak mirror and activity (`streak`/`lastDay` from the check-in state after it). */
export function checkinPatch(
  member: ParticipationCounters,
  input: { earnedOn: string; points: number; streak: number; lastDay: string | null },
): Partial<ParticipationCounters> {
  return {
    ...creditPatch(member, input.earnedOn, input.points, { checkin: true }),
    streak: input.streak,
    ...(input.lastDay ? { lastCheckinDay: input.lastDay, activeDay: input.lastDay > (member.activeDay ?? '') ? input.lastDay : member.activeDay } : {}),
    inactiveFrom: null,
  }
}

/** The counters a new membership starts with (joined on `day`): active that day, nothing earned. */
export function newMemberCounters(day: string): ParticipationCounters {
  return { score: 0, checkinDays: 0, streak: 0, activeDay: day, inactiveFrom: null, nudgedAt: null }
}

// --- the group's copy on each membership ------------------------------------------------------------

/**
 * What a check-in needs of its group besides the day rule — the points and whether the group is archived —
 * copied onto every membership (`MemberDoc.groupCopy`), because a check-in reads only the membership in its
 * transaction (3 operations in all). Saving the settings or archiving writes the group, then the copy on each
 * membership (`version` = the group's `participationVersion` it was copied from).
 */
export interface GroupCopy {
  archived: boolean
  points: ScorePoints
  version: number
}

export function groupCopyOf(group: Pick<GroupDoc, 'participation' | 'status' | 'participationVersion'>): GroupCopy {
  return { archived: isArchived(group), points: participationSettingsOf(group).points, version: group.participationVersion ?? 0 }
}

// --- goal -------------------------------------------------------------------------------------------

export interface GoalProgress {
  goal: ParticipationGoal
  /** The member's current value toward it (the visible current streak, or the total days). */
  current: number
  remaining: number
  reached: boolean
}

export function goalProgress(goal: ParticipationGoal | null, member: { visibleStreak: number; totalDays: number; longestStreak: number }): GoalProgress | null {
  if (!goal) return null
  const current = goal.kind === 'streak' ? member.visibleStreak : member.totalDays
  const reached = goal.kind === 'streak' ? member.longestStreak >= goal.days || current >= goal.days : current >= goal.days
  return { goal, current: Math.min(current, goal.days), remaining: reached ? 0 : goal.days - current, reached }
}

// --- ranking ----------------------------------------------------------------------------------------

/** Competition ranks of values already ordered best first (1, 2, 2, 4), the first one ranked `firstRank`. */
export function competitionRanks(values: number[], firstRank: number, valueBefore: number | null, rankBefore: number | null): number[] {
  const ranks: number[] = []
  values.forEach((value, index) => {
    if (index === 0) ranks.push(valueBefore !== null && rankBefore !== null && value === valueBefore ? rankBefore : firstRank)
    else ranks.push(value === values[index - 1] ? ranks[index - 1] : firstRank + index)
  })
  return ranks
}

/** Days without a check-in as of `today` (from the active day). */
export function daysInactive(activeDay: string | undefined, today: string): number {
  return activeDay ? Math.max(0, daysBetween(activeDay, today)) : 0
}

// --- the group's lifecycle --------------------------------------------------------------------------

/** Archived groups are read-only: applications, check-ins and lottery entries are refused. */
export function isArchived(group: Pick<GroupDoc, 'status'>): boolean {
  return group.status === 'archived'
}

/** Refuse a write to an archived group with a clear message (check-ins, applications, lottery entries). */
export function assertGroupWritable(group: Pick<GroupDoc, 'status'>, message = t('participation.error.archived')): void {
  if (isArchived(group)) throw new DomainError('CONFLICT', message)
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback
}
