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
  addCheckinToState,
  checkinId,
  checkinMonthId,
  checkinStatsId,
  isCheckedIn,
  legacyCheckinState,
  makeUpCandidates,
  makeUpPolicyOf,
  makeUpQuotaMonth,
  makeUpRefusal,
  makeUpsUsedIn,
  visibleCurrentStreak,
  type CheckinDoc,
  type CheckinState,
  type MakeUpPolicy,
} from '../domain/checkin'
import type { CalendarMonth, CalendarMonthEntries, CheckinOverview, CheckinResult, CheckinView, MakeUpStatus, StreakSummary, TodayFeed } from '../contracts/checkin'
import type { PageInput } from '../contracts/fields'
import { dayInMonth, dayRuleOf, isValidDayKey, monthOf, todayKey } from '../domain/days'
import { DomainError } from '../domain/errors'
import { formatNickname, memberId, type GroupDoc, type MemberDoc } from '../domain/group'
import { DEFAULT_REMINDER_TIME, reminderId } from '../domain/reminders'
import { dailyTaskId, isPublished, type DailyTaskDoc } from '../domain/tasks'
import { assertGroupWritable, checkinEvent, checkinPatch, groupCopyOf, scoreForEvent } from '../domain/participation'
import { t } from '../i18n/strings'
import { StoreConflictError, type Patch, type Store, type Transaction } from '../store/port'
import { requireOpenid, type UseCaseContext } from './context'
import { EVERY_ROLE, requireGroup, requireRole } from './access'
import { groupDayRule, rememberDayRule } from './group-cache'
import { pageOf } from './paging'
import { opaqueViewId } from './member-keys'
import { claimPhoto, photoLinksFor, photoPathPrefix, readOwnUnusedPhoto, type PhotoStorage } from './photos'
import { getPublishedTask, toTaskView } from './tasks'
import { withLikes } from './checkin-likes'

export const FEED_PAGE_SIZE = 20

export async function getCheckinOverview(ctx: UseCaseContext, input: { groupId: string }, storage: PhotoStorage): Promise<CheckinOverview> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  rememberDayRule(ctx.store, group)
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  // The membership carries the counters, this month's calendar, the quota and the latest check-in; what a
  // membership written before that lacks is read from where it used to live.
  const [task, state, mine, reminder] = await Promise.all([
    getPublishedTask(ctx.store, group, today, now),
    checkinStateOf(ctx.store, member, today),
    todaysCheckin(ctx.store, member, today),
    member.reminder ?? readReminder(ctx.store, group._id, openid),
  ])
  const links = await photoLinksFor(storage, [mine?.photoFileId ?? null], now)
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: dayRuleOf(group).timezone,
    viewerRole: member.role,
    today,
    todayTask: task ? toTaskView(task, now) : null,
    myCheckin: mine ? toCheckinView(mine, openid, links, task ? { [task._id]: task } : {}) : null,
    streak: toStreakSummary(state, today),
    calendar: calendarOf(state, monthOf(today)),
    makeUp: makeUpStatus(group, member, today, state),
    memberCount: group.memberCount,
    reminder,
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

/**
 * Check in today. The group's day rule comes from the instance cache (it never changes); the task is read
 * never (linked by id); the membership is read, and the check-in created and the counters and score written, in
 * one transaction: 3 document operations, with or without a task. A membership whose copy of the group's
 * participation settings is missing (written before it existed) reads the group once inside the transaction.
 */
export async function checkIn(ctx: UseCaseContext, input: CheckInInput, storage: PhotoStorage): Promise<CheckinResult> {
  const openid = requireOpenid(ctx)
  const rule = await groupDayRule(ctx.store, input.groupId)
  const now = ctx.now()
  const today = todayKey(now, rule)
  // The day's task is linked by its deterministic id, not read here: the page asks to link only when the overview
  // showed a published task; views resolve the title (`resolveTaskTitles`), and the nightly tally unlinks (and
  // takes the task bonus back from) a check-in whose day had no task published at that time.
  const task = input.linkTask === false ? null : { _id: dailyTaskId(input.groupId, today), title: null }
  const recorded = await recordDay(ctx, { groupId: input.groupId, openid, day: today, today, makeUp: null, note: input.note, photoFileId: input.photoFileId, task })
  return withPhotoLink(storage, ctx.now(), openid, recorded, today)
}

/** Fill a missed day (补卡): the group read fresh (its make-up policy), the day's task, then one transaction. */
export async function makeUpCheckin(
  ctx: UseCaseContext,
  input: { groupId: string; day: string; note?: string; photoFileId?: string },
  storage: PhotoStorage,
): Promise<CheckinResult> {
  const openid = requireOpenid(ctx)
  const group = await requireGroup(ctx, input.groupId)
  rememberDayRule(ctx.store, group)
  assertGroupWritable(group)
  const now = ctx.now()
  const today = todayKey(now, dayRuleOf(group))
  // Window and policy are checked up front; membership, joining day and the monthly limit inside the transaction.
  const policy = makeUpPolicyOf(group)
  const valid = isValidDayKey(input.day)
  const early = valid ? makeUpRefusal(policy, { today, day: input.day, joinedDay: input.day, usedThisMonth: 0 }) : null
  if (!valid || early) {
    // Say "not a member" before anything about the day.
    await requireRole(ctx, input.groupId, EVERY_ROLE)
    if (!valid) throw new DomainError('INVALID_INPUT', t('validate.dayKey'), { day: t('validate.dayKey') })
    throw makeUpError(early!, policy)
  }
  const task = await getPublishedTask(ctx.store, group, input.day, now)
  const recorded = await recordDay(ctx, { groupId: group._id, openid, day: input.day, today, makeUp: group, note: input.note, photoFileId: input.photoFileId, task })
  return withPhotoLink(storage, ctx.now(), openid, recorded, today, group)
}

/**
 * A month's calendar: the member's check-ins of that month (one query), with each day's entry so a tapped day
 * shows it: photo links (one storage call), the titles of tasks linked by id (one `_id in` query) and likes
 * (one `_id in` query) — 5 operations at most, whatever the month holds.
 */
export async function getCheckinCalendar(ctx: UseCaseContext, input: { groupId: string; month: string }, storage?: PhotoStorage): Promise<CalendarMonthEntries> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const docs = await ctx.store.find('checkins', {
    where: { groupId: group._id, openid, day: { gte: `${input.month}-01`, lte: `${input.month}-31` } },
    orderBy: [{ field: 'day', direction: 'asc' }],
    limit: 31,
  })
  const now = ctx.now()
  const [links, tasks] = await Promise.all([storage ? photoLinksFor(storage, docs.map((doc) => doc.photoFileId), now) : {}, linkedTasksById(ctx.store, docs)])
  const entries = await withLikes(ctx.store, group._id, member, docs.map((doc) => toCheckinView(doc, openid, links, tasks)))
  return { month: input.month, timezone: dayRuleOf(group).timezone, days: docs.map((doc) => ({ day: doc.day, makeUp: doc.makeUp })), entries }
}

export async function listTodayFeed(ctx: UseCaseContext, input: { groupId: string; day?: string } & PageInput, storage: PhotoStorage): Promise<TodayFeed> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const today = todayKey(ctx.now(), dayRuleOf(group))
  // A past day's feed as well as today's; a day to come has nothing to show.
  if (input.day !== undefined && input.day > today) throw new DomainError('INVALID_INPUT', t('checkin.error.futureDay'), { day: t('checkin.error.futureDay') })
  const day = input.day ?? today
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
  const [links, tasks] = await Promise.all([photoLinksFor(storage, items.map((doc) => doc.photoFileId), ctx.now()), linkedTasks(ctx.store, items)])
  return {
    day,
    today,
    timezone: dayRuleOf(group).timezone,
    items: await withLikes(ctx.store, group._id, member, items.map((doc) => toCheckinView(doc, openid, links, tasks))),
    next,
    checkedInCount,
    memberCount: group.memberCount,
  }
}

export async function setReminder(
  ctx: UseCaseContext,
  input: { groupId: string; enabled: boolean; time: string },
): Promise<{ enabled: boolean; time: string }> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const id = reminderId(group._id, openid)
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.get('reminderSubscriptions', id)
    // The overview reads the choice with the membership.
    if (await tx.get('members', member._id)) await tx.update('members', member._id, { reminder: { enabled: input.enabled, time: input.time } })
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
  groupId: string
  openid: string
  day: string
  today: string
  /** For a make-up, the group as read for it (its make-up policy); null for today's check-in. */
  makeUp: GroupDoc | null
  note?: string
  photoFileId?: string
  /** The day's task to link: read (make-up) or named by its deterministic id (today's check-in, title null). */
  task: Pick<DailyTaskDoc, '_id'> & { title: string | null } | null
}

/** What recording a day did: the day's check-in (new or the one already there) and the member's state after. */
interface RecordedDay {
  doc: CheckinDoc
  created: boolean
  state: CheckinState
  member: MemberDoc
}

async function recordDay(ctx: UseCaseContext, record: DayToRecord): Promise<RecordedDay> {
  const id = checkinId(record.groupId, record.openid, record.day)
  try {
    return await ctx.store.transaction((tx) => recordDayInTransaction(tx, ctx.now(), record))
  } catch (error) {
    if (!(error instanceof StoreConflictError) || error.id !== id) throw error
    // Another request for the same day won the race: answer with its check-in.
    const [existing, member] = await Promise.all([ctx.store.get('checkins', id), ctx.store.get('members', memberId(record.groupId, record.openid))])
    if (!existing || !member) throw error
    return { doc: existing, created: false, state: await checkinStateOf(ctx.store, member, record.today), member }
  }
}

async function recordDayInTransaction(tx: Transaction, at: Date, record: DayToRecord): Promise<RecordedDay> {
  const { groupId, openid, day, today, makeUp } = record
  const id = checkinId(groupId, openid, day)
  // The membership: the role (any), the counters and runs, this month's calendar, the make-up quota.
  const member = await tx.get('members', memberId(groupId, openid))
  if (!member || !EVERY_ROLE.includes(member.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
  let state = member.checkin
  const patch: Patch<MemberDoc> = {}
  // The group's participation settings and archived state travel on the membership (`groupCopy`); a
  // membership without the copy reads the group here once and keeps it.
  let copy = makeUp ? groupCopyOf(makeUp) : member.groupCopy
  if (!copy) {
    const group = await tx.get('groups', groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    copy = groupCopyOf(group)
    patch.groupCopy = copy
  }
  if (copy.archived) throw new DomainError('CONFLICT', t('participation.error.archived'))
  if (!state) {
    // Written before the counters moved onto the membership (or never checked in): read them where they were.
    state = legacyCheckinState(await tx.get('checkinStats', checkinStatsId(groupId, openid)), await tx.get('checkinMonths', checkinMonthId(groupId, openid, monthOf(today))))
    if (!member.reminder) patch.reminder = await readReminder(tx, groupId, openid)
  }

  const checked = makeUp ? isCheckedIn(state, day) : state.lastDay !== null && day <= state.lastDay && (day === state.lastDay || isCheckedIn(state, day))
  if (checked) {
    // A repeated tap today: the membership's copy of today's check-in is the check-in (edits update both, and the
    // nightly tally only touches days that are over), so only an earlier day's is read.
    const existing = day === today && state.latest?._id === id ? state.latest : await tx.get('checkins', id)
    if (existing) return { doc: existing, created: false, state, member }
  }
  if (makeUp) {
    const policy = makeUpPolicyOf(makeUp)
    const refusal = makeUpRefusal(policy, { today, day, joinedDay: joinedDay(makeUp, member), usedThisMonth: makeUpsUsedIn(state, makeUpQuotaMonth(today)) })
    if (refusal) throw makeUpError(refusal, policy)
  }

  // The photo: the author's own unused upload for this group, read by id before any write.
  const photo = record.photoFileId ? await readOwnUnusedPhoto(tx, { groupId, openid, photoId: record.photoFileId }) : null

  const checkin: CheckinDoc = {
    _id: id,
    groupId,
    openid,
    day,
    note: (record.note ?? '').trim(),
    photoFileId: record.photoFileId ?? null,
    taskId: record.task?._id ?? null,
    taskTitle: record.task?.title ?? null,
    makeUp: makeUp !== null,
    authorName: formatNickname(member.intro),
    checkedInAt: at.toISOString(),
    viewId: opaqueViewId(id),
  }
  const next = addCheckinToState(state, checkin, today, at)
  // The score is earned today (a make-up done today counts in today's week and month).
  Object.assign(patch, checkinPatch(member, { earnedOn: today, points: scoreForEvent(copy, checkinEvent(checkin)), streak: next.currentStreak, lastDay: next.lastDay }))
  await tx.create('checkins', checkin)
  if (photo) await claimPhoto(tx, photo, id)
  await tx.update('members', member._id, { ...patch, checkin: next })
  return { doc: checkin, created: true, state: next, member: { ...member, ...patch, checkin: next } }
}

// --- views -----------------------------------------------------------------------------------------

/** The member's check-in state: on the membership, or (written before it moved there) from the old documents. */
async function checkinStateOf(store: Store, member: MemberDoc, today: string): Promise<CheckinState> {
  if (member.checkin) return member.checkin
  const [stats, month] = await Promise.all([
    store.get('checkinStats', checkinStatsId(member.groupId, member.openid)),
    store.get('checkinMonths', checkinMonthId(member.groupId, member.openid, monthOf(today))),
  ])
  return legacyCheckinState(stats, month)
}

/** The member's check-in today and visible streak (the group home): no read when the membership carries its counters. */
export async function checkinTodayOf(store: Store, member: MemberDoc, today: string): Promise<{ checkedIn: boolean; streak: number }> {
  const state = await checkinStateOf(store, member, today)
  return { checkedIn: isCheckedIn(state, today), streak: visibleCurrentStreak(state, today) }
}

/** Today's check-in of the member: the latest one on the membership, read by id only when that lacks it. */
async function todaysCheckin(store: Store, member: MemberDoc, today: string): Promise<CheckinDoc | null> {
  const latest = member.checkin?.latest
  if (latest) return latest.day === today ? latest : null
  if (member.checkin && member.checkin.lastDay !== today) return null
  return store.get('checkins', checkinId(member.groupId, member.openid, today))
}

async function readReminder(source: Pick<Store, 'get'>, groupId: string, openid: string): Promise<{ enabled: boolean; time: string }> {
  const reminder = await source.get('reminderSubscriptions', reminderId(groupId, openid))
  return { enabled: reminder?.enabled ?? false, time: reminder?.time ?? DEFAULT_REMINDER_TIME }
}

/** This month's calendar from the state (the month of its latest day; empty when that is another month). */
function calendarOf(state: CheckinState, month: string): CalendarMonth {
  const days: { days: number[]; makeUpDays: number[] } = state.month.month === month ? state.month : { days: [], makeUpDays: [] }
  return { month, days: days.days.map((date) => ({ day: dayInMonth(month, date), makeUp: days.makeUpDays.includes(date) })) }
}

function makeUpStatus(group: GroupDoc, member: MemberDoc, today: string, state: CheckinState): MakeUpStatus {
  const policy = makeUpPolicyOf(group)
  const usedThisMonth = makeUpsUsedIn(state, makeUpQuotaMonth(today))
  const left = policy.enabled ? Math.max(0, policy.monthlyLimit - usedThisMonth) : 0
  const candidates = left > 0 ? makeUpCandidates(policy, { today, joinedDay: joinedDay(group, member), isChecked: (day) => isCheckedIn(state, day) }) : []
  return { policy, usedThisMonth, left, candidates }
}

function joinedDay(group: Pick<GroupDoc, 'timezone' | 'dayStartHour'>, member: MemberDoc): string {
  return todayKey(new Date(member.joinedAt), dayRuleOf(group))
}

export function toStreakSummary(stats: Pick<CheckinState, 'currentStreak' | 'longestStreak' | 'totalDays' | 'lastDay' | 'makeUpDays'>, today: string): StreakSummary {
  return {
    current: visibleCurrentStreak(stats, today),
    longest: stats.longestStreak,
    total: stats.totalDays,
    lastDay: stats.lastDay,
    makeUpDays: stats.makeUpDays,
  }
}

/** The tasks check-ins link by id without a stored title (one read per distinct day; a feed is one day). */
export async function linkedTasks(store: Pick<Store, 'get'>, docs: CheckinDoc[]): Promise<Record<string, DailyTaskDoc>> {
  const ids = [...new Set(docs.filter((doc) => doc.taskId && doc.taskTitle === null).map((doc) => doc.taskId!))]
  const found = await Promise.all(ids.map((id) => store.get('dailyTasks', id)))
  return Object.fromEntries(found.filter((task): task is DailyTaskDoc => task !== null).map((task) => [task._id, task]))
}

/** The same as `linkedTasks` for check-ins of many days (a month): one `_id in` query, none when no title is missing. */
async function linkedTasksById(store: Pick<Store, 'find'>, docs: CheckinDoc[]): Promise<Record<string, DailyTaskDoc>> {
  const ids = [...new Set(docs.filter((doc) => doc.taskId && doc.taskTitle === null).map((doc) => doc.taskId!))]
  if (ids.length === 0) return {}
  const found = await store.find('dailyTasks', { where: { _id: { in: ids } }, limit: ids.length })
  return Object.fromEntries(found.map((task) => [task._id, task]))
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** The title of the task a check-in linked: stored (make-ups), else its task's if that was published when the member checked in. */
export function taskTitleOf(doc: CheckinDoc, tasks: Record<string, DailyTaskDoc>): string | null {
  if (doc.taskTitle !== null || !doc.taskId) return doc.taskTitle
  const task = tasks[doc.taskId]
  if (!task) return null
  // Both instants are `toISOString()` text, which orders as the instants do: no Date per view of a feed.
  const published = ISO_INSTANT.test(doc.checkedInAt) ? task.publishAt <= doc.checkedInAt : isPublished(task, new Date(doc.checkedInAt))
  return published ? task.title : null
}

export function toCheckinView(doc: CheckinDoc, viewer: string, photoLinks: Record<string, string> = {}, tasks: Record<string, DailyTaskDoc> = {}): CheckinView {
  return {
    // The document id names the author; other members see only an opaque one (stored on the check-in since likes
    // came, `opaqueViewId(_id)` by construction; hashed here for older ones).
    id: doc.viewId ?? opaqueViewId(doc._id),
    day: doc.day,
    note: doc.note,
    photoUrl: doc.photoFileId ? (photoLinks[doc.photoFileId] ?? null) : null,
    taskTitle: taskTitleOf(doc, tasks),
    makeUp: doc.makeUp,
    authorName: doc.authorName,
    checkedInAt: doc.checkedInAt,
    isMine: doc.openid === viewer,
    editedAt: doc.editedAt ?? null,
  }
}

/**
 * The result with its check-in's photo link (one storage call when it has a photo), and what the page shows
 * that the check-in changed (streak, this month's calendar; after a make-up, the make-up status), so the page
 * updates in place instead of reloading.
 */
async function withPhotoLink(storage: PhotoStorage, at: Date, viewer: string, recorded: RecordedDay, today: string, group?: GroupDoc): Promise<CheckinResult> {
  const links = await photoLinksFor(storage, [recorded.doc.photoFileId], at)
  return {
    checkin: toCheckinView(recorded.doc, viewer, links),
    created: recorded.created,
    streak: toStreakSummary(recorded.state, today),
    calendar: calendarOf(recorded.state, monthOf(today)),
    ...(group ? { makeUp: makeUpStatus(group, recorded.member, today, recorded.state) } : {}),
  }
}

function makeUpError(refusal: NonNullable<ReturnType<typeof makeUpRefusal>>, policy: MakeUpPolicy): DomainError {
  const message = t(`checkin.makeUp.${refusal}`, { window: policy.windowDays, limit: policy.monthlyLimit })
  return new DomainError(refusal === 'limitReached' ? 'CONFLICT' : 'INVALID_INPUT', message, { day: message })
}
