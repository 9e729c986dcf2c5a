/**
 * Contracts of the `participation` cloud function — leaderboards, a member's own progress, the admins'
 * dashboard, the roster by activity (nudge / remove, one or a batch), CSV exports, the group's participation
 * settings and its lifecycle (archive / restore by the owner, "my groups" with headline numbers) — and of the
 * `tally` timer function that closes each group's day.
 *
 * Members are named by their opaque per-group `key` (as on the roster), never by platform identity. Boards
 * show every member's nickname and the board's value only; counters beyond that (inactivity, nudges,
 * exports) are for admins.
 *
 * Ranking (every board): competition ranking on the board's value — equal values share a rank and the next
 * rank skips (1, 2, 2, 4); within a tie the member who joined earlier is listed first. Week = Monday–Sunday and
 * month = calendar month, both as days in the group's timezone and day-start hour; a point counts in the period
 * of the day it was earned.
 *
 * @example
 *   const board = await callAction(getLeaderboard, { groupId, period: 'week', metric: 'score' })
 *   const more = await callAction(getLeaderboard, { groupId, period: 'week', metric: 'score', cursor: board.next! })
 *   const me = await callAction(getMyProgress, { groupId })       // me.goal?.remaining → 「还差 4 天」
 *   const dash = await callAction(getDashboard, { groupId })      // admins
 *   await callAction(nudgeMembers, { groupId, memberKeys: [dash.inactive.items[0].key] })
 *   await callAction(removeMembers, { groupId, memberKeys: ['m_…', 'm_…'], reason: '连续 30 天未打卡' })
 *   const file = await callAction(exportMembers, { groupId })     // file.url: open or copy (WeChat temp link / local download)
 */
import * as v from 'valibot'
import type { GroupStatus, Role } from '../domain/group'
import type { DailyStatsDoc } from '../domain/tally'
import {
  MAX_GOAL_DAYS,
  MAX_GOAL_REWARD_LENGTH,
  MAX_INACTIVE_DAYS,
  MAX_POINTS_PER_EVENT,
  MIN_INACTIVE_DAYS,
  type GoalKind,
  type ParticipationSettings,
} from '../domain/participation'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { MAX_REASON_LENGTH, cursorSchema, dayKeySchema, groupIdSchema, optionalTextSchema, textSchema, type Page } from './fields'
import { memberKeySchema } from './members'

// --- limits ---

export const LEADERBOARD_PAGE_SIZE = 20
export const INACTIVE_PAGE_SIZE = 20
/** Members one nudge / removal call may name. */
export const MAX_BATCH_MEMBERS = 50
/** Days of history on the dashboard's charts. */
export const DASHBOARD_SERIES_DAYS = 30
export const DASHBOARD_NEWEST_MEMBERS = 5
/** The longest date range one check-in export may cover. */
export const MAX_EXPORT_RANGE_DAYS = 366
export const MAX_NUDGE_MESSAGE_LENGTH = 100

// --- views ---

export type LeaderboardPeriod = 'week' | 'month' | 'all' | 'streak'
export type LeaderboardMetric = 'score' | 'checkins'

export interface LeaderboardRow {
  /** Competition rank (1, 2, 2, 4). */
  rank: number
  /** The member's opaque roster key. */
  key: string
  /** 姓名-地区-职业 */
  nickname: string
  /** The board's value: points or check-in days in the period, or the current streak (`streak` board). */
  value: number
  isViewer: boolean
}

export interface LeaderboardPage extends Page<LeaderboardRow> {
  groupId: string
  groupName: string
  timezone: string
  period: LeaderboardPeriod
  /** `streak` boards always rank by the current streak; otherwise as asked. */
  metric: LeaderboardMetric | 'streak'
  /** The period shown: the Monday of the week (YYYY-MM-DD), the month (YYYY-MM), or null (all time, streak). */
  periodKey: string | null
  today: string
  /** The viewer's own row (rank and value), on every page; null when the viewer has no value on this board yet. */
  me: LeaderboardRow | null
}

export interface GoalProgressView {
  kind: GoalKind
  /** Target days. */
  days: number
  reward: string
  /** Toward it now: the current streak (kind streak) or the total check-in days (kind total), capped at `days`. */
  current: number
  remaining: number
  reached: boolean
  /** Ready to show: 「连续打卡 21 天送书 — 还差 4 天」 / 「… — 已达成」. */
  text: string
}

export interface StreakRunView {
  first: string
  last: string
  days: number
}

export interface MyProgress {
  groupId: string
  groupName: string
  timezone: string
  today: string
  viewerRole: Role
  score: number
  weekScore: number
  monthScore: number
  checkinDays: number
  /** Ranks by score (null when the viewer has no points on that board yet). */
  rank: { week: number | null; month: number | null; all: number | null }
  streak: { current: number; longest: number; lastDay: string | null; makeUpDays: number }
  /** Runs of consecutive days in the last 90 days, newest first. */
  streakHistory: StreakRunView[]
  goal: GoalProgressView | null
  /** What each event is worth in this group. */
  points: ParticipationSettings['points']
  archived: boolean
}

/** One closed day of the group, as the nightly tally wrote it (`domain/tally.ts`). */
export type DailyStatsView = Pick<
  DailyStatsDoc,
  'day' | 'members' | 'checkedIn' | 'rate' | 'activeMembers' | 'newMembers' | 'applicationsReceived' | 'applicationsDecided' | 'lotteryEntries' | 'streakBreaks' | 'newlyInactive'
>

export interface ActivityMember {
  key: string
  nickname: string
  role: Role
  joinedAt: string
  /** The last day checked in, or null when never. */
  lastCheckinDay: string | null
  /** Days since the last check-in (or since joining, when never). */
  daysInactive: number
  score: number
  checkinDays: number
  /** When an admin last nudged the member (ISO), or null. */
  nudgedAt: string | null
}

export interface InactivePage extends Page<ActivityMember> {
  /** The group's N: members with no check-in for N days or more. */
  inactiveDays: number
  total: number
  timezone: string
}

export interface Dashboard {
  groupId: string
  groupName: string
  timezone: string
  today: string
  viewerRole: Role
  status: GroupStatus
  memberCount: number
  /** Today so far (live): regular check-ins and their rate. */
  todayCheckedIn: number
  todayRate: number
  pendingApplications: number
  /** The closed days of the last 30, oldest first (a day the tally has not closed yet is missing). */
  series: DailyStatsView[]
  newestMembers: ActivityMember[]
  /** The first page of members inactive for N days or more (more with `listInactiveMembers`). */
  inactive: InactivePage
  settings: ParticipationSettings
}

export interface RosterActionResult {
  /** Members the action was done to. */
  done: number
  /** Keys that were skipped (not a member any more, or not allowed: e.g. the owner, an admin for an admin). */
  skipped: string[]
  memberCount: number
}

export interface ExportFile {
  fileName: string
  /** Open or copy: a cloud storage temp link (WeChat) or the local runtime's signed download link. */
  url: string
  /** When the link stops working (ISO). */
  expiresAt: string
  rows: number
}

export interface ParticipationSettingsView extends ParticipationSettings {
  groupId: string
  defaults: ParticipationSettings
  canEdit: boolean
}

export interface MyGroupSummary {
  id: string
  name: string
  topic: string
  role: Role
  status: GroupStatus
  memberCount: number
  timezone: string
  today: string
  todayCheckedIn: number
  todayRate: number
  /** Admins and owners only; null for members. */
  pendingApplications: number | null
  /** The latest closed day's stats, or null before the first tally. */
  lastDay: DailyStatsView | null
}

export interface GroupLifecycleResult {
  groupId: string
  status: GroupStatus
  archivedAt: string | null
}

export interface TallyRun {
  groups: number
  /** Days closed in this run (a missed night is caught up, at most `MAX_TALLY_CATCH_UP_DAYS` back). */
  daysClosed: number
  streakBreaks: number
  newlyInactive: number
}

// --- actions ---

const memberKeysSchema = v.pipe(
  v.array(memberKeySchema, t('validate.invalid')),
  v.minLength(1, t('validate.required')),
  v.maxLength(MAX_BATCH_MEMBERS, t('participation.validate.tooMany', { max: MAX_BATCH_MEMBERS })),
)

export const getLeaderboard = defineAction<LeaderboardPage>()(
  'participation',
  'leaderboard',
  v.object({
    groupId: groupIdSchema,
    period: v.optional(v.picklist(['week', 'month', 'all', 'streak'], t('validate.invalid')), 'week'),
    metric: v.optional(v.picklist(['score', 'checkins'], t('validate.invalid')), 'score'),
    cursor: cursorSchema,
  }),
)

export const getMyProgress = defineAction<MyProgress>()('participation', 'myProgress', v.object({ groupId: groupIdSchema }))

/** Admins only. */
export const getDashboard = defineAction<Dashboard>()('participation', 'dashboard', v.object({ groupId: groupIdSchema }))

/** Admins only: members with no check-in for N days or more, longest silent first. */
export const listInactiveMembers = defineAction<InactivePage>()('participation', 'inactive', v.object({ groupId: groupIdSchema, cursor: cursorSchema }))

/** Admins only: an inbox message (and the `inactivityNudge` subscribe message where configured) to each member. */
export const nudgeMembers = defineAction<RosterActionResult>()(
  'participation',
  'nudge',
  v.object({ groupId: groupIdSchema, memberKeys: memberKeysSchema, message: v.optional(optionalTextSchema(MAX_NUDGE_MESSAGE_LENGTH), '') }),
)

/** Admins only (only the owner removes admins): the same removal as the roster's, for one or many, with the reason each removed member reads in their inbox. */
export const removeMembers = defineAction<RosterActionResult>()(
  'participation',
  'remove',
  v.object({ groupId: groupIdSchema, memberKeys: memberKeysSchema, reason: textSchema(MAX_REASON_LENGTH) }),
)

/** Admins only: every member with their counters, as CSV (UTF-8 with BOM). */
export const exportMembers = defineAction<ExportFile>()('participation', 'exportMembers', v.object({ groupId: groupIdSchema }))

/** Admins only: the check-ins of days `from`..`to` (inclusive, at most 366 days), as CSV. */
export const exportCheckins = defineAction<ExportFile>()(
  'participation',
  'exportCheckins',
  v.object({ groupId: groupIdSchema, from: dayKeySchema, to: dayKeySchema }),
)

export const getParticipationSettings = defineAction<ParticipationSettingsView>()('participation', 'getSettings', v.object({ groupId: groupIdSchema }))

const pointsSchema = v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(0, t('validate.invalid')), v.maxValue(MAX_POINTS_PER_EVENT, t('validate.invalid')))

/** Admins only. */
export const saveParticipationSettings = defineAction<ParticipationSettingsView>()(
  'participation',
  'saveSettings',
  v.object({
    groupId: groupIdSchema,
    points: v.object({ checkin: pointsSchema, makeUp: pointsSchema, taskCheckin: pointsSchema, lotteryEntry: pointsSchema, invitee: pointsSchema }),
    inactiveDays: v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(MIN_INACTIVE_DAYS, t('validate.invalid')), v.maxValue(MAX_INACTIVE_DAYS, t('validate.invalid'))),
    goal: v.nullable(
      v.object({
        kind: v.picklist(['streak', 'total'], t('validate.invalid')),
        days: v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(1, t('validate.invalid')), v.maxValue(MAX_GOAL_DAYS, t('validate.invalid'))),
        reward: v.optional(optionalTextSchema(MAX_GOAL_REWARD_LENGTH), ''),
      }),
    ),
  }),
)

/** Owner only: the group becomes read-only (applications, check-ins and lottery entries refused); history stays readable. */
export const archiveGroup = defineAction<GroupLifecycleResult>()('participation', 'archive', v.object({ groupId: groupIdSchema }))

/** Owner only: an archived group opens again. */
export const restoreGroup = defineAction<GroupLifecycleResult>()('participation', 'restore', v.object({ groupId: groupIdSchema }))

/** The caller's groups (any role, archived included) with their headline numbers. */
export const listMyGroupSummaries = defineAction<MyGroupSummary[]>()('participation', 'myGroups', v.object({}))

/** The timer job closing each group's ended days; refused when called with a user's identity. */
export const runTally = defineAction<TallyRun>()('tally', 'run', v.object({}))
