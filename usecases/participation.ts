/**
 * Participation use cases: leaderboards, a member's own progress, the admins' dashboard and inactive list,
 * nudges and batch removals, CSV exports, the participation settings, archive / restore and "my groups".
 * The counters they read are written by the events themselves (check-in, approval; `domain/participation.ts`)
 * and by the nightly tally (`usecases/tally.ts`); nothing here scans history: a board page or the dashboard is
 * a constant number of indexed queries.
 *
 * @example
 *   const board = await getLeaderboard(ctx, { groupId: 'g1', period: 'week', metric: 'score' })
 *   const dash = await getDashboard(ctx, { groupId: 'g1' })
 *   await nudgeMembers(ctx, notifier, { groupId: 'g1', memberKeys: ['m_…'], message: '' })
 */
import type { PageInput } from '../contracts/fields'
import {
  DASHBOARD_NEWEST_MEMBERS,
  DASHBOARD_SERIES_DAYS,
  INACTIVE_PAGE_SIZE,
  LEADERBOARD_PAGE_SIZE,
  MAX_EXPORT_RANGE_DAYS,
  type ActivityMember,
  type Dashboard,
  type DailyStatsView,
  type ExportFile,
  type GoalProgressView,
  type GroupLifecycleResult,
  type InactivePage,
  type LeaderboardMetric,
  type LeaderboardPage,
  type LeaderboardPeriod,
  type LeaderboardRow,
  type MyGroupSummary,
  type MyProgress,
  type ParticipationSettingsView,
  type RosterActionResult,
} from '../contracts/participation'
import { pageUrl, wechatPagePath } from '../contracts/routes'
import { toCsv } from '../domain/csv'
import { dayRuleOf, daysBetween, formatLocal, isValidDayKey, monthOf, shiftDay, todayKey } from '../domain/days'
import { DomainError } from '../domain/errors'
import { formatNickname, memberId, type GroupDoc, type MemberDoc, type Role } from '../domain/group'
import { visibleCurrentStreak, type CheckinDoc } from '../domain/checkin'
import {
  DEFAULT_PARTICIPATION_SETTINGS,
  competitionRanks,
  countersOn,
  daysInactive,
  goalProgress,
  groupCopyOf,
  isArchived,
  participationSettingsOf,
  weekKeyOf,
  type ParticipationSettings,
} from '../domain/participation'
import { dailyStatsId, type DailyStatsDoc } from '../domain/tally'
import type { DailyTaskDoc } from '../domain/tasks'
import { t } from '../i18n/strings'
import type { Filter, Store } from '../store/port'
import { EVERY_ROLE, MANAGERS, requireRole } from './access'
import { recordAudit } from './audit'
import { taskTitleOf } from './checkin'
import { requireOpenid, type UseCaseContext } from './context'
import { deliverToInbox } from './inbox/deliver'
import { memberKey } from './member-keys'
import * as members from './members'
import type { Notifier } from './ports/wechat'
import type { ExportStorage } from './ports/exports'
import { saveExportFile } from './exports'
import { pageOf } from './paging'

// --- leaderboards ---------------------------------------------------------------------------------

/**
 * A members filter on the optional counter fields (`Filter` types only required scalar fields; the store
 * compares optional ones the same way, a missing field matching nothing but `null` / `ne`).
 */
export function filter(where: Record<string, unknown>): Filter<MemberDoc> {
  return where as Filter<MemberDoc>
}

type CounterField = 'weekScore' | 'weekCheckins' | 'monthScore' | 'monthCheckins' | 'score' | 'checkinDays' | 'streak'

/** The board's query (indexed: `groupId` [+ period key] + the counter, ordered by it, ties by joining). */
function boardQuery(groupId: string, period: LeaderboardPeriod, metric: LeaderboardMetric, today: string): { where: Filter<MemberDoc>; field: CounterField; periodKey: string | null } {
  const byScore = metric === 'score'
  switch (period) {
    case 'week':
      return { where: filter({ groupId, weekKey: weekKeyOf(today) }), field: byScore ? 'weekScore' : 'weekCheckins', periodKey: weekKeyOf(today) }
    case 'month':
      return { where: filter({ groupId, monthKey: monthOf(today) }), field: byScore ? 'monthScore' : 'monthCheckins', periodKey: monthOf(today) }
    case 'all':
      return { where: { groupId }, field: byScore ? 'score' : 'checkinDays', periodKey: null }
    case 'streak':
      return { where: { groupId }, field: 'streak', periodKey: null }
  }
}

/** A member's value on a board as it stands today (a past period's counters and a broken streak read 0). */
function boardValue(member: MemberDoc, field: CounterField, today: string): number {
  if (field === 'streak') {
    return member.lastCheckinDay ? visibleCurrentStreak({ currentStreak: member.streak ?? 0, lastDay: member.lastCheckinDay }, today) : 0
  }
  return countersOn(member, today)[field]
}

/** 1 + how many on the board have more than `value`: one count. */
async function rankOf(store: Store, where: Filter<MemberDoc>, field: CounterField, value: number): Promise<number> {
  return 1 + (await store.count('members', { ...where, [field]: { gt: value } } as Filter<MemberDoc>))
}

/**
 * A page of a board: members with a value above 0 in the period, best first, ties by joining (earlier first),
 * with competition ranks, and the viewer's own row. 4 operations (5 past the first page): the group and the
 * viewer's membership, the page, the viewer's rank (and the rank of the page's first row).
 */
export async function getLeaderboard(
  ctx: UseCaseContext,
  input: { groupId: string; period?: LeaderboardPeriod; metric?: LeaderboardMetric } & PageInput,
): Promise<LeaderboardPage> {
  const { group, member: viewer, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const rule = dayRuleOf(group)
  const today = todayKey(ctx.now(), rule)
  const period = input.period ?? 'week'
  const metric = input.metric ?? 'score'
  const cursor = input.cursor ?? 0
  const { where, field, periodKey } = boardQuery(group._id, period, metric, today)
  const positive = { ...where, [field]: { gt: 0 } } as Filter<MemberDoc>
  const myValue = boardValue(viewer, field, today)
  const [rows, myRank] = await Promise.all([
    ctx.store.find('members', {
      where: positive,
      orderBy: [
        { field, direction: 'desc' },
        { field: 'joinedAt', direction: 'asc' },
        { field: '_id', direction: 'asc' },
      ],
      skip: cursor,
      limit: LEADERBOARD_PAGE_SIZE + 1,
    }),
    myValue > 0 ? rankOf(ctx.store, where, field, myValue) : Promise.resolve(null),
  ])
  const { items, next } = pageOf(rows, cursor, LEADERBOARD_PAGE_SIZE)
  // The streak counter of a run that broke since the last tally still reads > 0: such rows drop out here.
  const shown = items.map((member) => ({ member, value: boardValue(member, field, today) })).filter((row) => row.value > 0)
  const values = shown.map((row) => row.value)
  const firstRank = shown.length > 0 && cursor > 0 ? await rankOf(ctx.store, where, field, values[0]) : 1
  const ranks = competitionRanks(values, cursor + 1, cursor > 0 && shown.length > 0 ? values[0] : null, cursor > 0 ? firstRank : null)
  const toRow = (member: MemberDoc, value: number, rank: number): LeaderboardRow => ({
    rank,
    key: memberKey(member.groupId, member.openid),
    nickname: formatNickname(member.intro),
    value,
    isViewer: member.openid === openid,
  })
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: rule.timezone,
    period,
    metric: period === 'streak' ? 'streak' : metric,
    periodKey,
    today,
    items: shown.map((row, i) => toRow(row.member, row.value, ranks[i])),
    next,
    me: myRank === null ? null : toRow(viewer, myValue, myRank),
  }
}

// --- my progress ----------------------------------------------------------------------------------

/** How far back the streak history looks. */
export const STREAK_HISTORY_DAYS = 90

export function goalText(goal: { kind: 'streak' | 'total'; days: number; reward: string }, remaining: number, reached: boolean): string {
  const title = t(goal.kind === 'streak' ? 'participation.goal.streak' : 'participation.goal.total', { days: goal.days, reward: goal.reward ? `送${goal.reward.replace(/^送/, '')}` : '' })
  return reached ? t('participation.goal.reached', { goal: title }) : t('participation.goal.remaining', { goal: title, remaining })
}

/** Runs of consecutive days among ascending day keys, newest first. */
export function runsOf(days: string[]): Array<{ first: string; last: string; days: number }> {
  const runs: Array<{ first: string; last: string; days: number }> = []
  for (const day of days) {
    const last = runs[runs.length - 1]
    if (last && shiftDay(last.last, 1) === day) {
      last.last = day
      last.days++
    } else if (!last || last.last !== day) runs.push({ first: day, last: day, days: 1 })
  }
  return runs.reverse()
}

/** The viewer's points, ranks, streak, recent runs and goal: 6 operations. */
export async function getMyProgress(ctx: UseCaseContext, input: { groupId: string }): Promise<MyProgress> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const rule = dayRuleOf(group)
  const today = todayKey(ctx.now(), rule)
  const settings = participationSettingsOf(group)
  const counters = countersOn(member, today)
  const rank = (period: LeaderboardPeriod, value: number) => (value > 0 ? rankOf(ctx.store, boardQuery(group._id, period, 'score', today).where, boardQuery(group._id, period, 'score', today).field, value) : Promise.resolve(null))
  const [week, month, all, recent] = await Promise.all([
    rank('week', counters.weekScore),
    rank('month', counters.monthScore),
    rank('all', counters.score),
    ctx.store.find('checkins', {
      where: { groupId: group._id, openid: member.openid, day: { gt: shiftDay(today, -STREAK_HISTORY_DAYS) } },
      orderBy: [{ field: 'day', direction: 'asc' }],
      limit: 100,
    }),
  ])
  const state = member.checkin
  const current = state ? visibleCurrentStreak(state, today) : 0
  const progress = goalProgress(settings.goal, { visibleStreak: current, totalDays: state?.totalDays ?? 0, longestStreak: state?.longestStreak ?? 0 })
  const goal: GoalProgressView | null = progress
    ? { ...progress.goal, current: progress.current, remaining: progress.remaining, reached: progress.reached, text: goalText(progress.goal, progress.remaining, progress.reached) }
    : null
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: rule.timezone,
    today,
    viewerRole: member.role,
    score: counters.score,
    weekScore: counters.weekScore,
    monthScore: counters.monthScore,
    checkinDays: counters.checkinDays,
    rank: { week, month, all },
    streak: { current, longest: state?.longestStreak ?? 0, lastDay: state?.lastDay ?? null, makeUpDays: state?.makeUpDays ?? 0 },
    streakHistory: runsOf(recent.map((doc) => doc.day)),
    goal,
    points: settings.points,
    archived: isArchived(group),
  }
}

// --- dashboard and the inactive list --------------------------------------------------------------

function toActivityMember(member: MemberDoc, today: string): ActivityMember {
  return {
    key: memberKey(member.groupId, member.openid),
    nickname: formatNickname(member.intro),
    role: member.role,
    joinedAt: member.joinedAt,
    lastCheckinDay: member.lastCheckinDay ?? null,
    daysInactive: daysInactive(member.activeDay, today),
    score: member.score ?? 0,
    checkinDays: member.checkinDays ?? 0,
    nudgedAt: member.nudgedAt ?? null,
  }
}

export function toDailyStatsView(doc: DailyStatsDoc): DailyStatsView {
  const { day, members, checkedIn, rate, activeMembers, newMembers, applicationsReceived, applicationsDecided, lotteryEntries, streakBreaks, newlyInactive } = doc
  return { day, members, checkedIn, rate, activeMembers, newMembers, applicationsReceived, applicationsDecided, lotteryEntries, streakBreaks, newlyInactive }
}

/** Members whose last active day is N or more days back: `activeDay <= today − N`. */
function inactiveWhere(groupId: string, today: string, settings: ParticipationSettings): Filter<MemberDoc> {
  return filter({ groupId, activeDay: { lte: shiftDay(today, -settings.inactiveDays) } })
}

async function inactivePage(store: Store, group: GroupDoc, today: string, cursor: number): Promise<InactivePage> {
  const settings = participationSettingsOf(group)
  const where = inactiveWhere(group._id, today, settings)
  const [rows, total] = await Promise.all([
    store.find('members', {
      where,
      orderBy: [
        { field: 'activeDay', direction: 'asc' },
        { field: 'joinedAt', direction: 'asc' },
        { field: '_id', direction: 'asc' },
      ],
      skip: cursor,
      limit: INACTIVE_PAGE_SIZE + 1,
    }),
    store.count('members', where),
  ])
  const { items, next } = pageOf(rows, cursor, INACTIVE_PAGE_SIZE)
  return { items: items.map((member) => toActivityMember(member, today)), next, inactiveDays: settings.inactiveDays, total, timezone: dayRuleOf(group).timezone }
}

/**
 * The admins' dashboard: today's check-ins and rate, pending applications, the closed days of the last 30,
 * the newest members and the first page of the inactive list — 8 operations whatever the group's size or age.
 */
export async function getDashboard(ctx: UseCaseContext, input: { groupId: string }): Promise<Dashboard> {
  const { group, member } = await requireRole(ctx, input.groupId, MANAGERS)
  const rule = dayRuleOf(group)
  const today = todayKey(ctx.now(), rule)
  const [todayCheckedIn, pendingApplications, stats, newest, inactive] = await Promise.all([
    ctx.store.count('checkins', { groupId: group._id, day: today }),
    ctx.store.count('applications', { groupId: group._id, status: 'pending' }),
    ctx.store.find('dailyStats', {
      where: { groupId: group._id, day: { gte: shiftDay(today, -DASHBOARD_SERIES_DAYS), lt: today } },
      orderBy: [{ field: 'day', direction: 'desc' }],
      limit: DASHBOARD_SERIES_DAYS,
    }),
    ctx.store.find('members', { where: { groupId: group._id }, orderBy: [{ field: 'joinedAt', direction: 'desc' }], limit: DASHBOARD_NEWEST_MEMBERS }),
    inactivePage(ctx.store, group, today, 0),
  ])
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: rule.timezone,
    today,
    viewerRole: member.role,
    status: group.status,
    memberCount: group.memberCount,
    todayCheckedIn,
    todayRate: group.memberCount > 0 ? Math.round((todayCheckedIn / group.memberCount) * 10000) / 10000 : 0,
    pendingApplications,
    series: stats.map(toDailyStatsView).reverse(),
    newestMembers: newest.map((m) => toActivityMember(m, today)),
    inactive,
    settings: participationSettingsOf(group),
  }
}

export async function listInactiveMembers(ctx: UseCaseContext, input: { groupId: string } & PageInput): Promise<InactivePage> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  return inactivePage(ctx.store, group, todayKey(ctx.now(), dayRuleOf(group)), input.cursor ?? 0)
}

// --- roster by activity ---------------------------------------------------------------------------

/** Nudges in flight at once. */
const NUDGE_PARALLEL = 6

/**
 * Nudge members (at most 50): per member one transaction — the admin's role and the member re-read by id, the
 * member's `nudgedAt`, the audit entry and the member's inbox message (4 operations) — then the
 * `inactivityNudge` subscribe message where the template is configured. Keys of non-members are skipped.
 */
export async function nudgeMembers(ctx: UseCaseContext, notifier: Notifier, input: { groupId: string; memberKeys: string[]; message?: string }): Promise<RosterActionResult> {
  const openid = requireOpenid(ctx)
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  const keys = [...new Set(input.memberKeys)]
  const found = await ctx.store.find('members', { where: { groupId: group._id, memberKey: { in: keys } }, limit: keys.length })
  const skipped = keys.filter((key) => !found.some((member) => member.memberKey === key))
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  const message = (input.message ?? '').trim()
  const nudged: MemberDoc[] = []
  let next = 0
  const lanes = Array.from({ length: Math.min(NUDGE_PARALLEL, found.length) }, async () => {
    while (next < found.length) {
      const target = found[next++]
      const done = await ctx.store.transaction(async (tx) => {
        const actor = await tx.get('members', memberId(group._id, openid))
        if (!actor || !MANAGERS.includes(actor.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
        const member = await tx.get('members', target._id)
        if (!member) return null
        await tx.update('members', member._id, { nudgedAt: now.toISOString() })
        await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'member.nudge', targetOpenid: member.openid, detail: { days: daysInactive(member.activeDay, today) }, at: now })
        const days = daysInactive(member.activeDay, today)
        await deliverToInbox(tx, {
          openid: member.openid,
          groupId: group._id,
          kind: 'member.nudge',
          title: t('participation.nudge.title', { group: group.name }),
          body: member.lastCheckinDay ? t('participation.nudge.body', { days, message }) : t('participation.nudge.bodyNever', { message }),
          link: pageUrl('checkin', { id: group._id }),
          at: now,
        })
        return member
      })
      if (done) nudged.push(done)
      else skipped.push(target.memberKey)
    }
  })
  await Promise.all(lanes)
  for (const member of nudged) {
    await notifier.notify('inactivityNudge', { touser: member.openid, page: wechatPagePath('checkin', { id: group._id }), facts: { group: group.name } })
  }
  return { done: nudged.length, skipped, memberCount: group.memberCount }
}

/** The roster's removal for one or many, with the reason each removed member reads in their inbox. */
export async function removeMembers(ctx: UseCaseContext, input: { groupId: string; memberKeys: string[]; reason: string }): Promise<RosterActionResult> {
  return members.removeMembers(ctx, input)
}

// --- exports --------------------------------------------------------------------------------------

const PAGE = 100

function roleName(role: Role): string {
  return t(`participation.role.${role}`)
}

/** Every member with their counters, as CSV: pages of 100 by joining order. */
export async function exportMembers(ctx: UseCaseContext, storage: ExportStorage, input: { groupId: string }): Promise<ExportFile> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  const rule = dayRuleOf(group)
  const now = ctx.now()
  const today = todayKey(now, rule)
  const rows: Array<Array<string | number | null>> = []
  for (let after = ''; ; ) {
    const page = await ctx.store.find('members', { where: { groupId: group._id, _id: { gt: after } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
    for (const member of page) {
      const counters = countersOn(member, today)
      rows.push([
        formatNickname(member.intro),
        roleName(member.role),
        formatLocal(member.joinedAt, rule.timezone, 'YYYY-MM-DD HH:mm'),
        counters.score,
        counters.weekScore,
        counters.monthScore,
        member.checkin?.totalDays ?? counters.checkinDays,
        member.checkin ? visibleCurrentStreak(member.checkin, today) : 0,
        member.checkin?.longestStreak ?? 0,
        member.lastCheckinDay ?? member.checkin?.lastDay ?? null,
      ])
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  rows.sort((a, b) => String(a[2]).localeCompare(String(b[2])))
  const header = ['nickname', 'role', 'joinedAt', 'score', 'weekScore', 'monthScore', 'checkinDays', 'streak', 'longest', 'lastCheckinDay'].map((key) => t(`participation.csv.${key}` as Parameters<typeof t>[0]))
  const fileName = `${group.name}-${t('participation.export.members')}-${today}.csv`
  const saved = await saveExportFile(ctx, storage, { groupId: group._id, fileName, content: toCsv(header, rows), at: now })
  return { fileName, ...saved, rows: rows.length }
}

/**
 * The check-ins of days `from`..`to` as CSV, by day then id: pages of 100 keyed on (day, _id) — the rest of
 * the current day after the last id, then the following days — so thousands of rows never need a large skip.
 * Task titles come with one query per page.
 */
export async function exportCheckins(ctx: UseCaseContext, storage: ExportStorage, input: { groupId: string; from: string; to: string }): Promise<ExportFile> {
  const { group } = await requireRole(ctx, input.groupId, MANAGERS)
  for (const key of ['from', 'to'] as const) if (!isValidDayKey(input[key])) throw new DomainError('INVALID_INPUT', t('validate.dayKey'), { [key]: t('validate.dayKey') })
  if (input.to < input.from) throw new DomainError('INVALID_INPUT', t('participation.validate.range'), { to: t('participation.validate.range') })
  if (daysBetween(input.from, input.to) + 1 > MAX_EXPORT_RANGE_DAYS) {
    const message = t('participation.validate.rangeTooLong', { max: MAX_EXPORT_RANGE_DAYS })
    throw new DomainError('INVALID_INPUT', message, { to: message })
  }
  const rule = dayRuleOf(group)
  const now = ctx.now()
  const rows: Array<Array<string | number | null>> = []
  const add = async (docs: CheckinDoc[]) => {
    const ids = [...new Set(docs.filter((doc) => doc.taskId && doc.taskTitle === null).map((doc) => doc.taskId!))]
    const tasks: Record<string, DailyTaskDoc> = {}
    if (ids.length > 0) for (const task of await ctx.store.find('dailyTasks', { where: { _id: { in: ids } }, limit: ids.length })) tasks[task._id] = task
    for (const doc of docs) {
      rows.push([
        doc.day,
        doc.authorName,
        formatLocal(doc.checkedInAt, rule.timezone, 'YYYY-MM-DD HH:mm'),
        doc.makeUp ? t('participation.csv.yes') : t('participation.csv.no'),
        taskTitleOf(doc, tasks),
        doc.note,
      ])
    }
  }
  let day = input.from
  let after = ''
  for (;;) {
    // The rest of `day` after `after` (only when the last page ended inside it).
    if (after !== '') {
      for (;;) {
        const rest = await ctx.store.find('checkins', { where: { groupId: group._id, day, _id: { gt: after } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
        await add(rest)
        if (rest.length < PAGE) break
        after = rest[rest.length - 1]._id
      }
    }
    const lower = after === '' ? { gte: day, lte: input.to } : { gt: day, lte: input.to }
    const page = await ctx.store.find('checkins', {
      where: { groupId: group._id, day: lower },
      orderBy: [
        { field: 'day', direction: 'asc' },
        { field: '_id', direction: 'asc' },
      ],
      limit: PAGE,
    })
    await add(page)
    if (page.length < PAGE) break
    day = page[page.length - 1].day
    after = page[page.length - 1]._id
  }
  const header = ['day', 'nickname', 'checkedInAt', 'makeUp', 'task', 'note'].map((key) => t(`participation.csv.${key}` as Parameters<typeof t>[0]))
  const fileName = `${group.name}-${t('participation.export.checkins')}-${input.from}_${input.to}.csv`
  const saved = await saveExportFile(ctx, storage, { groupId: group._id, fileName, content: toCsv(header, rows), at: now })
  return { fileName, ...saved, rows: rows.length }
}

// --- settings -------------------------------------------------------------------------------------

function settingsView(group: GroupDoc, role: Role): ParticipationSettingsView {
  return { groupId: group._id, ...participationSettingsOf(group), defaults: DEFAULT_PARTICIPATION_SETTINGS, canEdit: MANAGERS.includes(role) }
}

export async function getParticipationSettings(ctx: UseCaseContext, input: { groupId: string }): Promise<ParticipationSettingsView> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  return settingsView(group, member.role)
}

/**
 * Give every membership the group's current copy (`groupCopy`: points, archived) — after a settings save or an
 * archive / restore. Pages of 100 by id, the group re-read before each page, so two saves close together both
 * end with every membership holding the latest copy. O(members), only on those admin actions.
 */
export async function syncGroupCopy(store: Store, groupId: string): Promise<number> {
  let updated = 0
  for (let after = ''; ; ) {
    const group = await store.get('groups', groupId)
    if (!group) return updated
    const copy = groupCopyOf(group)
    const page = await store.find('members', { where: { groupId, _id: { gt: after } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
    await Promise.all(
      page
        .filter((member) => (member.groupCopy?.version ?? -1) < copy.version || member.groupCopy?.archived !== copy.archived)
        .map(async (member) => {
          await store.update('members', member._id, { groupCopy: copy }).catch(() => undefined) // removed meanwhile
          updated++
        }),
    )
    if (page.length < PAGE) return updated
    after = page[page.length - 1]._id
  }
}

export async function saveParticipationSettings(
  ctx: UseCaseContext,
  input: { groupId: string; points: ParticipationSettings['points']; inactiveDays: number; goal: { kind: 'streak' | 'total'; days: number; reward?: string } | null },
): Promise<ParticipationSettingsView> {
  const openid = requireOpenid(ctx)
  await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  const saved = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    const actor = await tx.get('members', memberId(input.groupId, openid))
    if (!actor || !MANAGERS.includes(actor.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    const participation = { points: input.points, inactiveDays: input.inactiveDays, goal: input.goal ? { kind: input.goal.kind, days: input.goal.days, reward: (input.goal.reward ?? '').trim() } : null }
    const participationVersion = (group.participationVersion ?? 0) + 1
    await tx.update('groups', group._id, { participation, participationVersion })
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'participation.settings', detail: { inactiveDays: input.inactiveDays, goalDays: input.goal?.days ?? null }, at: now })
    return { group: { ...group, participation, participationVersion }, role: actor.role }
  })
  await syncGroupCopy(ctx.store, input.groupId)
  return settingsView(saved.group, saved.role)
}

// --- lifecycle ------------------------------------------------------------------------------------

async function setArchived(ctx: UseCaseContext, groupId: string, archive: boolean): Promise<GroupLifecycleResult> {
  const openid = requireOpenid(ctx)
  await requireRole(ctx, groupId, ['owner'])
  const now = ctx.now()
  const result = await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    const actor = await tx.get('members', memberId(groupId, openid))
    if (actor?.role !== 'owner') throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
    if (archive === isArchived(group)) throw new DomainError('CONFLICT', t(archive ? 'participation.error.alreadyArchived' : 'participation.error.notArchived'))
    const status = archive ? ('archived' as const) : (group.statusBeforeArchive ?? 'open')
    const archivedAt = archive ? now.toISOString() : null
    await tx.update('groups', groupId, {
      status,
      archivedAt,
      statusBeforeArchive: archive ? (group.status === 'closed' ? 'closed' : 'open') : null,
      participationVersion: (group.participationVersion ?? 0) + 1,
    })
    await recordAudit(tx, { groupId, actorOpenid: openid, action: archive ? 'group.archive' : 'group.restore', at: now })
    return { groupId, status, archivedAt }
  })
  await syncGroupCopy(ctx.store, groupId)
  return result
}

/** Owner only: read-only from now on; every membership's copy says so before this returns. */
export function archiveGroup(ctx: UseCaseContext, input: { groupId: string }): Promise<GroupLifecycleResult> {
  return setArchived(ctx, input.groupId, true)
}

export function restoreGroup(ctx: UseCaseContext, input: { groupId: string }): Promise<GroupLifecycleResult> {
  return setArchived(ctx, input.groupId, false)
}

/** The caller's groups with headline numbers: 2 queries, then per group today's count, the latest closed day and (admins) pending applications. */
export async function listMyGroupSummaries(ctx: UseCaseContext): Promise<MyGroupSummary[]> {
  const openid = requireOpenid(ctx)
  const memberships = await ctx.store.find('members', { where: { openid }, limit: 100 })
  if (memberships.length === 0) return []
  const groups = await ctx.store.find('groups', { where: { _id: { in: memberships.map((m) => m.groupId) } }, limit: 100 })
  const now = ctx.now()
  const summaries = await Promise.all(
    groups.map(async (group): Promise<MyGroupSummary> => {
      const role = memberships.find((m) => m.groupId === group._id)!.role
      const rule = dayRuleOf(group)
      const today = todayKey(now, rule)
      const manager = MANAGERS.includes(role)
      const [todayCheckedIn, pending, last] = await Promise.all([
        ctx.store.count('checkins', { groupId: group._id, day: today }),
        manager ? ctx.store.count('applications', { groupId: group._id, status: 'pending' }) : Promise.resolve(null),
        group.talliedThrough ? ctx.store.get('dailyStats', dailyStatsId(group._id, group.talliedThrough)) : Promise.resolve(null),
      ])
      return {
        id: group._id,
        name: group.name,
        topic: group.topic,
        role,
        status: group.status,
        memberCount: group.memberCount,
        timezone: rule.timezone,
        today,
        todayCheckedIn,
        todayRate: group.memberCount > 0 ? Math.round((todayCheckedIn / group.memberCount) * 10000) / 10000 : 0,
        pendingApplications: pending,
        lastDay: last ? toDailyStatsView(last) : null,
      }
    }),
  )
  // Open groups first, then by name.
  return summaries.sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived') || a.name.localeCompare(b.name))
}

