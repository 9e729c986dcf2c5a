/**
 * The nightly tally (timer): closes every group's ended days (`domain/tally.ts` says what closing a day is).
 * Per run: the groups in pages of 100 (archived ones are read-only and skipped); a group whose last ended day is
 * closed costs nothing more; otherwise each day to close costs a fixed handful of counts and reads plus the
 * day's own activity (check-ins done that day, the members whose run breaks or who turn inactive that day) —
 * never the group's history — and the group's `talliedThrough` is written once.
 *
 * @example
 *   await runTally({ store, caller: timerCaller('tallyNightly'), now })   // { groups, daysClosed, streakBreaks, newlyInactive }
 *   await closeGroupDays(ctx, group, ['2026-11-20', '2026-11-21'])         // the demo seeding and tests
 */
import type { TallyRun } from '../contracts/participation'
import { dayKeyAt, dayRuleOf, monthOf, shiftDay, todayKey, type DayRule } from '../domain/days'
import type { CheckinDoc } from '../domain/checkin'
import type { GroupDoc, MemberDoc } from '../domain/group'
import { countersOn, isArchived, participationSettingsOf, scoreForEvent, weekKeyOf } from '../domain/participation'
import { checkinRate, dailyStatsId, dayBounds, daysToClose, type DailyStatsDoc } from '../domain/tally'
import { dailyTaskId, isPublished } from '../domain/tasks'
import { StoreConflictError, type Store } from '../store/port'
import type { UseCaseContext } from './context'
import { filter } from './participation'

const PAGE = 100

export async function runTally(ctx: UseCaseContext): Promise<TallyRun> {
  const now = ctx.now()
  const run: TallyRun = { groups: 0, daysClosed: 0, streakBreaks: 0, newlyInactive: 0 }
  for (let after = ''; ; ) {
    const page = await ctx.store.find('groups', { where: { _id: { gt: after } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
    for (const group of page) {
      if (isArchived(group)) continue
      const rule = dayRuleOf(group)
      const firstDay = dayKeyAt(new Date(group.createdAt), rule.timezone, rule.dayStartHour)
      const days = daysToClose(group.talliedThrough, todayKey(now, rule), firstDay)
      if (days.length === 0) continue
      run.groups++
      const closed = await closeGroupDays(ctx, group, days)
      run.daysClosed += closed.daysClosed
      run.streakBreaks += closed.streakBreaks
      run.newlyInactive += closed.newlyInactive
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  return run
}

/** Close `days` (ascending) of `group`, then record how far it got. */
export async function closeGroupDays(ctx: UseCaseContext, group: GroupDoc, days: string[]): Promise<Omit<TallyRun, 'groups'>> {
  const result = { daysClosed: 0, streakBreaks: 0, newlyInactive: 0 }
  if (days.length === 0) return result
  await backfillActivity(ctx.store, group)
  for (const day of days) {
    const stats = await closeDay(ctx, group, day)
    if (!stats) continue
    result.daysClosed++
    result.streakBreaks += stats.streakBreaks
    result.newlyInactive += stats.newlyInactive
  }
  const last = days[days.length - 1]
  if (!group.talliedThrough || group.talliedThrough < last) await ctx.store.update('groups', group._id, { talliedThrough: last })
  return result
}

/** Members matching `where`, all of them, in pages by id (each page is that many documents of the day's activity). */
async function allMembers(store: Store, where: Record<string, unknown>): Promise<MemberDoc[]> {
  const found: MemberDoc[] = []
  for (let after = ''; ; ) {
    const page = await store.find('members', { where: filter({ ...where, _id: { gt: after } }), orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
    found.push(...page)
    if (page.length < PAGE) return found
    after = page[page.length - 1]._id
  }
}

/** The check-ins done during `day` (its bounds widened a little, then kept by the day rule): regular ones of the day and make-ups done that day. */
async function checkinsDoneOn(store: Store, groupId: string, day: string, rule: DayRule): Promise<CheckinDoc[]> {
  const { start, end } = dayBounds(day, rule)
  const docs: CheckinDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await store.find('checkins', {
      where: { groupId, checkedInAt: { gte: start.toISOString(), lt: end.toISOString() } },
      orderBy: [{ field: 'checkedInAt', direction: 'asc' }],
      skip,
      limit: PAGE,
    })
    docs.push(...page)
    if (page.length < PAGE) return docs
  }
}

/**
 * Close one day: nothing when its stats document exists (closed before); else the day's facts, the streak
 * breaks, the inactivity flags, the correction of task links no published task backed, and the stats
 * document last (so a run that stopped half way closes the day again next time).
 */
export async function closeDay(ctx: UseCaseContext, group: GroupDoc, day: string): Promise<DailyStatsDoc | null> {
  const id = dailyStatsId(group._id, day)
  if (await ctx.store.get('dailyStats', id)) return null
  const store = ctx.store
  const rule = dayRuleOf(group)
  const settings = participationSettingsOf(group)
  const { start, end } = dayBounds(day, rule)
  const range = { gte: start.toISOString(), lt: end.toISOString() }
  const [done, newMembers, applicationsReceived, applicationsDecided, lotteryEntries] = await Promise.all([
    checkinsDoneOn(store, group._id, day, rule),
    store.count('members', { groupId: group._id, joinedAt: range }),
    store.count('applications', { groupId: group._id, submittedAt: range }),
    store.count('applications', { groupId: group._id, decidedAt: range, status: { in: ['approved', 'rejected'] } }),
    store.count('lotteryEntries', { groupId: group._id, enteredAt: range }),
  ])
  const tasksUnlinked = await unlinkUnbackedTasks(ctx, group, day, done)
  const checkedIn = done.filter((doc) => !doc.makeUp && doc.day === day).length
  const activeMembers = new Set(done.map((doc) => doc.openid)).size

  // Runs that ended the day before (no check-in on `day`): the streak counter goes to 0.
  const broken = await allMembers(store, { groupId: group._id, lastCheckinDay: shiftDay(day, -1), streak: { gt: 0 } })
  await Promise.all(broken.map((member) => store.update('members', member._id, { streak: 0 }).catch(ignoreRemoved)))
  // Members whose last active day is exactly N days back turn inactive with this day.
  const inactive = (await allMembers(store, { groupId: group._id, activeDay: shiftDay(day, -settings.inactiveDays) })).filter((member) => !member.inactiveFrom)
  await Promise.all(inactive.map((member) => store.update('members', member._id, { inactiveFrom: day }).catch(ignoreRemoved)))

  const stats: DailyStatsDoc = {
    _id: id,
    groupId: group._id,
    day,
    members: group.memberCount,
    checkedIn,
    rate: checkinRate(checkedIn, group.memberCount),
    activeMembers,
    newMembers,
    applicationsReceived,
    applicationsDecided,
    lotteryEntries,
    streakBreaks: broken.length,
    newlyInactive: inactive.length,
    tasksUnlinked,
    closedAt: ctx.now().toISOString(),
  }
  try {
    await store.create('dailyStats', stats)
  } catch (error) {
    // Another run closed it meanwhile.
    if (error instanceof StoreConflictError) return null
    throw error
  }
  return stats
}

function ignoreRemoved(): void {
  // The member left or was removed since the query: nothing to count on.
}

/**
 * A check-in links the day's task by id without reading it (3 operations a tap); here, once per day, the task is
 * read and any regular check-in of the day that linked it while no task was published loses the link and the
 * task bonus (its counters are corrected in the period it was earned, when that period is still current).
 */
async function unlinkUnbackedTasks(ctx: UseCaseContext, group: GroupDoc, day: string, done: CheckinDoc[]): Promise<number> {
  const linked = done.filter((doc) => !doc.makeUp && doc.day === day && doc.taskId !== null && doc.taskTitle === null)
  if (linked.length === 0) return 0
  const task = await ctx.store.get('dailyTasks', dailyTaskId(group._id, day))
  const unbacked = linked.filter((doc) => !task || doc.taskId !== task._id || !isPublished(task, new Date(doc.checkedInAt)))
  const settings = participationSettingsOf(group)
  for (const doc of unbacked) {
    await ctx.store.transaction(async (tx) => {
      const current = await tx.get('checkins', doc._id)
      if (!current || current.taskId === null) return
      await tx.update('checkins', doc._id, { taskId: null })
      const member = await tx.get('members', `${group._id}:${doc.openid}`)
      if (!member) return
      // The bonus is what the copy the check-in used gave beyond a plain check-in.
      const points = member.groupCopy?.points ?? settings.points
      const bonus = scoreForEvent({ points }, 'taskCheckin') - scoreForEvent({ points }, 'checkin')
      if (bonus !== 0) await tx.update('members', member._id, takeBack(member, day, bonus))
    })
  }
  return unbacked.length
}

/** The counters with `points` earned on `day` taken back (week / month only while that period is still the member's current one). */
function takeBack(member: MemberDoc, day: string, points: number): Partial<MemberDoc> {
  const now = countersOn(member, day)
  const patch: Partial<MemberDoc> = { score: now.score - points }
  if (member.weekKey === weekKeyOf(day)) patch.weekScore = now.weekScore - points
  if (member.monthKey === monthOf(day)) patch.monthScore = now.monthScore - points
  return patch
}

/**
 * Memberships written before the counters existed lack `activeDay` (the inactive list and the inactivity flag
 * query it): give them one — their last check-in day, else their joining day — once; afterwards this is one
 * query that finds nothing.
 */
async function backfillActivity(store: Store, group: GroupDoc): Promise<void> {
  const rule = dayRuleOf(group)
  for (;;) {
    const page = await store.find('members', { where: filter({ groupId: group._id, activeDay: null }), orderBy: [{ field: '_id', direction: 'asc' }], limit: PAGE })
    await Promise.all(
      page.map((member) => {
        const lastDay = member.checkin?.lastDay ?? null
        const joined = dayKeyAt(new Date(member.joinedAt), rule.timezone, rule.dayStartHour)
        return store
          .update('members', member._id, {
            activeDay: lastDay ?? joined,
            ...(lastDay ? { lastCheckinDay: lastDay, streak: member.checkin!.currentStreak, checkinDays: member.checkin!.totalDays } : {}),
          })
          .catch(ignoreRemoved)
      }),
    )
    if (page.length < PAGE) return
  }
}
