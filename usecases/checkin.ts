/**
 * Check-in (打卡) use cases: the member's day (today's task, own check-in, streak, calendar, make-up
 * options), checking in, make-up check-ins (补卡), the month calendar, today's feed and the reminder
 * subscription. Only members (any role) may do any of it.
 *
 * One check-in per member per group per day: the check-in's id is `<groupId>:<openid>:<day>`, and it is
 * created in one transaction with the month document and the counters (domain/checkin.ts explains how
 * that keeps streaks exact, make-ups included). A second check-in on the same day returns the first one
 * (`created: false`) — also when many arrive at once: either the transaction finds it by id, or the store
 * refuses the duplicate id and we read the one that won.
 *
 * A photo on a check-in must be the author's own unused upload for that group (`usecases/photos.ts`): the
 * transaction reads its record by id and marks it used. Views carry a short-lived `photoUrl` from the
 * storage port, one call per view.
 *
 * @example
 *   const { checkin, created, streak } = await checkIn(ctx, { groupId: 'g1', note: '读完第 3 章', linkTask: true }, storage)
 *   await makeUpCheckin(ctx, { groupId: 'g1', day: '2026-11-21', note: '补昨天的' }, storage)
 */
import {
  addDayToStats,
  checkinId,
  checkinMonthId,
  checkinStatsId,
  emptyMonth,
  emptyStats,
  makeUpCandidates,
  makeUpPolicyOf,
  makeUpQuotaMonth,
  makeUpRefusal,
  runBeforeFromStats,
  visibleCurrentStreak,
  withDay,
  type CheckinDoc,
  type CheckinMonthDoc,
  type CheckinStatsDoc,
  type MakeUpPolicy,
} from '../domain/checkin'
import type { CalendarMonth, CheckinOverview, CheckinResult, CheckinView, MakeUpStatus, StreakSummary, TodayFeed } from '../contracts/checkin'
import type { PageInput } from '../contracts/fields'
import {
  dayInMonth,
  dayOfMonth,
  dayRuleOf,
  isValidDayKey,
  monthOf,
  shiftDay,
  shiftMonth,
  todayKey,
} from '../domain/days'
import { DomainError } from '../domain/errors'
import { formatNickname, type GroupDoc, type MemberDoc } from '../domain/group'
import { DEFAULT_REMINDER_TIME, reminderId } from '../domain/reminders'
import type { DailyTaskDoc } from '../domain/tasks'
import { t } from '../i18n/strings'
import { StoreConflictError, type Store, type Transaction } from '../store/port'
import type { UseCaseContext } from './context'
import { EVERY_ROLE, requireRole } from './access'
import { pageOf } from './paging'
import { opaqueViewId } from './member-keys'
import { claimPhoto, photoLinksFor, photoPathPrefix, readOwnUnusedPhoto, type PhotoStorage } from './photos'
import { getPublishedTask, toTaskView } from './tasks'

export const FEED_PAGE_SIZE = 20

export async function getCheckinOverview(ctx: UseCaseContext, input: { groupId: string }, storage: PhotoStorage): Promise<CheckinOverview> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  const month = monthOf(today)
  const [task, mine, stats, thisMonth, lastMonth, checkedInToday, reminder] = await Promise.all([
    getPublishedTask(ctx.store, group, today, now),
    ctx.store.get('checkins', checkinId(group._id, openid, today)),
    ctx.store.get('checkinStats', checkinStatsId(group._id, openid)),
    readMonth(ctx.store, group._id, openid, month),
    readMonth(ctx.store, group._id, openid, shiftMonth(month, -1)),
    ctx.store.count('checkins', { groupId: group._id, day: today }),
    ctx.store.get('reminderSubscriptions', reminderId(group._id, openid)),
  ])
  const links = await photoLinksFor(storage, [mine?.photoFileId ?? null], now)
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: dayRuleOf(group).timezone,
    viewerRole: member.role,
    today,
    todayTask: task ? toTaskView(task, now) : null,
    myCheckin: mine ? toCheckinView(mine, openid, links) : null,
    streak: toStreakSummary(stats ?? emptyStats(group._id, openid), today),
    calendar: toCalendar(thisMonth),
    makeUp: makeUpStatus(group, member, today, [thisMonth, lastMonth]),
    checkedInToday,
    memberCount: group.memberCount,
    reminder: { enabled: reminder?.enabled ?? false, time: reminder?.time ?? DEFAULT_REMINDER_TIME },
    photoPathPrefix: photoPathPrefix(group._id, today, openid),
  }
}

export interface CheckInInput {
  groupId: string
  note?: string
  photoFileId?: string
  /** Link today's task when one is published (the default). */
  linkTask?: boolean
}

export async function checkIn(ctx: UseCaseContext, input: CheckInInput, storage: PhotoStorage): Promise<CheckinResult> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  const task = input.linkTask === false ? null : await getPublishedTask(ctx.store, group, today, now)
  return withPhotoLink(storage, ctx.now(), openid, await recordDay(ctx, { group, member, openid, day: today, today, makeUp: false, note: input.note, photoFileId: input.photoFileId, task }))
}

export async function makeUpCheckin(
  ctx: UseCaseContext,
  input: { groupId: string; day: string; note?: string; photoFileId?: string },
  storage: PhotoStorage,
): Promise<CheckinResult> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  if (!isValidDayKey(input.day)) throw new DomainError('INVALID_INPUT', t('validate.dayKey'), { day: t('validate.dayKey') })
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  // Window, joining day and the policy are checked up front; the monthly limit again inside the transaction.
  const refusal = makeUpRefusal(makeUpPolicyOf(group), { today, day: input.day, joinedDay: joinedDay(group, member), usedThisMonth: 0 })
  if (refusal) throw makeUpError(refusal, makeUpPolicyOf(group))
  const task = await getPublishedTask(ctx.store, group, input.day, now)
  return withPhotoLink(storage, ctx.now(), openid, await recordDay(ctx, { group, member, openid, day: input.day, today, makeUp: true, note: input.note, photoFileId: input.photoFileId, task }))
}

export async function getCheckinCalendar(ctx: UseCaseContext, input: { groupId: string; month: string }): Promise<CalendarMonth> {
  const { group, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  return toCalendar(await readMonth(ctx.store, group._id, openid, input.month))
}

export async function listTodayFeed(ctx: UseCaseContext, input: { groupId: string } & PageInput, storage: PhotoStorage): Promise<TodayFeed> {
  const { group, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const day = todayKey(ctx.now(), dayRuleOf(group))
  const cursor = input.cursor ?? 0
  const [page, checkedInCount] = await Promise.all([
    ctx.store.find('checkins', {
      where: { groupId: group._id, day },
      orderBy: [{ field: 'checkedInAt', direction: 'desc' }],
      skip: cursor,
      limit: FEED_PAGE_SIZE + 1,
    }),
    ctx.store.count('checkins', { groupId: group._id, day }),
  ])
  const { items, next } = pageOf(page, cursor, FEED_PAGE_SIZE)
  const links = await photoLinksFor(storage, items.map((doc) => doc.photoFileId), ctx.now())
  return {
    day,
    timezone: dayRuleOf(group).timezone,
    items: items.map((doc) => toCheckinView(doc, openid, links)),
    next,
    checkedInCount,
    memberCount: group.memberCount,
  }
}

export async function setReminder(
  ctx: UseCaseContext,
  input: { groupId: string; enabled: boolean; time: string },
): Promise<{ enabled: boolean; time: string }> {
  const { group, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const id = reminderId(group._id, openid)
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.get('reminderSubscriptions', id)
    await tx.set('reminderSubscriptions', {
      _id: id,
      groupId: group._id,
      openid,
      enabled: input.enabled,
      time: input.time,
      lastSentDay: existing?.lastSentDay ?? null,
      updatedAt: ctx.now().toISOString(),
    })
  })
  return { enabled: input.enabled, time: input.time }
}

// --- recording a day -------------------------------------------------------------------------------

interface DayToRecord {
  group: GroupDoc
  member: MemberDoc
  openid: string
  day: string
  today: string
  makeUp: boolean
  note?: string
  photoFileId?: string
  task: DailyTaskDoc | null
}

async function recordDay(ctx: UseCaseContext, record: DayToRecord): Promise<RecordedDay> {
  const { group, openid, day, today } = record
  const id = checkinId(group._id, openid, day)
  try {
    return await ctx.store.transaction((tx) => recordDayInTransaction(tx, ctx.now(), record))
  } catch (error) {
    if (!(error instanceof StoreConflictError) || error.id !== id) throw error
    // Another request for the same day won the race: answer with its check-in.
    const [existing, stats] = await Promise.all([
      ctx.store.get('checkins', id),
      ctx.store.get('checkinStats', checkinStatsId(group._id, openid)),
    ])
    if (!existing) throw error
    return { doc: existing, created: false, streak: toStreakSummary(stats ?? emptyStats(group._id, openid), today) }
  }
}

/** What recording a day did: the day's check-in (new or the one already there), before it becomes a view. */
interface RecordedDay {
  doc: CheckinDoc
  created: boolean
  streak: StreakSummary
}

async function recordDayInTransaction(tx: Transaction, at: Date, record: DayToRecord): Promise<RecordedDay> {
  const { group, member, openid, day, today, makeUp } = record
  const id = checkinId(group._id, openid, day)
  const statsId = checkinStatsId(group._id, openid)
  const existing = await tx.get('checkins', id)
  if (existing) {
    const stats = (await tx.get('checkinStats', statsId)) ?? emptyStats(group._id, openid)
    return { doc: existing, created: false, streak: toStreakSummary(stats, today) }
  }

  const stats = (await tx.get('checkinStats', statsId)) ?? emptyStats(group._id, openid)
  const months = new Map<string, CheckinMonthDoc>()
  const loadMonth = async (month: string): Promise<CheckinMonthDoc> => {
    let doc = months.get(month)
    if (!doc) {
      doc = (await tx.get('checkinMonths', checkinMonthId(group._id, openid, month))) ?? emptyMonth(group._id, openid, month)
      months.set(month, doc)
    }
    return doc
  }
  const isChecked = async (d: string) => (await loadMonth(monthOf(d))).days.includes(dayOfMonth(d))

  let runBefore: number
  let runAfter = 0
  if (!makeUp && (stats.lastDay === null || day > stats.lastDay)) {
    runBefore = runBeforeFromStats(stats, day)
  } else {
    // A filled day may join two runs: count them from the month documents, month by month, until a gap.
    runBefore = 0
    for (let d = shiftDay(day, -1); runBefore < stats.totalDays && (await isChecked(d)); d = shiftDay(d, -1)) runBefore++
    if (stats.lastDay !== null) {
      for (let d = shiftDay(day, 1); d <= stats.lastDay && (await isChecked(d)); d = shiftDay(d, 1)) runAfter++
    }
  }

  // The photo: the author's own unused upload for this group, read by id before any write.
  const photo = record.photoFileId ? await readOwnUnusedPhoto(tx, { groupId: group._id, openid, photoId: record.photoFileId }) : null

  const dayMonth = await loadMonth(monthOf(day))
  months.set(dayMonth.month, withDay(dayMonth, dayOfMonth(day), makeUp))
  const touched = new Set([dayMonth.month])
  if (makeUp) {
    const policy = makeUpPolicyOf(group)
    const quota = await loadMonth(makeUpQuotaMonth(today))
    if (quota.makeUpsUsed >= policy.monthlyLimit) throw makeUpError('limitReached', policy)
    months.set(quota.month, { ...quota, makeUpsUsed: quota.makeUpsUsed + 1 })
    touched.add(quota.month)
  }

  const checkin: CheckinDoc = {
    _id: id,
    groupId: group._id,
    openid,
    day,
    note: (record.note ?? '').trim(),
    photoFileId: record.photoFileId ?? null,
    taskId: record.task?._id ?? null,
    taskTitle: record.task?.title ?? null,
    makeUp,
    authorName: formatNickname(member.intro),
    checkedInAt: at.toISOString(),
  }
  const nextStats: CheckinStatsDoc = addDayToStats(stats, { day, runBefore, runAfter, makeUp, at })

  await tx.create('checkins', checkin)
  if (photo) await claimPhoto(tx, photo, id)
  for (const month of touched) await tx.set('checkinMonths', months.get(month)!)
  await tx.set('checkinStats', nextStats)
  return { doc: checkin, created: true, streak: toStreakSummary(nextStats, today) }
}

// --- views -----------------------------------------------------------------------------------------

async function readMonth(store: Store, groupId: string, openid: string, month: string): Promise<CheckinMonthDoc> {
  return (await store.get('checkinMonths', checkinMonthId(groupId, openid, month))) ?? emptyMonth(groupId, openid, month)
}

function toCalendar(month: CheckinMonthDoc): CalendarMonth {
  return {
    month: month.month,
    days: month.days.map((date) => ({ day: dayInMonth(month.month, date), makeUp: month.makeUpDays.includes(date) })),
  }
}

function makeUpStatus(group: GroupDoc, member: MemberDoc, today: string, months: CheckinMonthDoc[]): MakeUpStatus {
  const policy = makeUpPolicyOf(group)
  const quotaMonth = months.find((m) => m.month === makeUpQuotaMonth(today))
  const usedThisMonth = quotaMonth?.makeUpsUsed ?? 0
  const left = policy.enabled ? Math.max(0, policy.monthlyLimit - usedThisMonth) : 0
  const isChecked = (day: string) => months.some((m) => m.month === monthOf(day) && m.days.includes(dayOfMonth(day)))
  const candidates = left > 0 ? makeUpCandidates(policy, { today, joinedDay: joinedDay(group, member), isChecked }) : []
  return { policy, usedThisMonth, left, candidates }
}

function joinedDay(group: GroupDoc, member: MemberDoc): string {
  return todayKey(new Date(member.joinedAt), dayRuleOf(group))
}

export function toStreakSummary(stats: CheckinStatsDoc, today: string): StreakSummary {
  return {
    current: visibleCurrentStreak(stats, today),
    longest: stats.longestStreak,
    total: stats.totalDays,
    lastDay: stats.lastDay,
    makeUpDays: stats.makeUpDays,
  }
}

function toCheckinView(doc: CheckinDoc, viewer: string, photoLinks: Record<string, string> = {}): CheckinView {
  return {
    // The document id names the author; other members see only an opaque one.
    id: opaqueViewId(doc._id),
    day: doc.day,
    note: doc.note,
    photoUrl: doc.photoFileId ? (photoLinks[doc.photoFileId] ?? null) : null,
    taskTitle: doc.taskTitle,
    makeUp: doc.makeUp,
    authorName: doc.authorName,
    checkedInAt: doc.checkedInAt,
    isMine: doc.openid === viewer,
  }
}

/** The result with its check-in's photo link (one storage call when it has a photo). */
async function withPhotoLink(storage: PhotoStorage, at: Date, viewer: string, recorded: RecordedDay): Promise<CheckinResult> {
  const links = await photoLinksFor(storage, [recorded.doc.photoFileId], at)
  return { checkin: toCheckinView(recorded.doc, viewer, links), created: recorded.created, streak: recorded.streak }
}

function makeUpError(refusal: NonNullable<ReturnType<typeof makeUpRefusal>>, policy: MakeUpPolicy): DomainError {
  const message = t(`checkin.makeUp.${refusal}`, { window: policy.windowDays, limit: policy.monthlyLimit })
  return new DomainError(refusal === 'limitReached' ? 'CONFLICT' : 'INVALID_INPUT', message, { day: message })
}
