/**
 * Daily task (每日任务) use cases. Admins write a task for a day ahead of time with a publish time
 * (08:00 in the group's timezone unless given); members see a task only from its `publishAt` on — the
 * filter runs here on the server, so an unpublished task never reaches a member's phone.
 *
 * @example
 *   await saveDailyTask(ctx, { groupId: 'g1', day: '2026-11-24', title: '《活着》第 3 章', body: '…' })  // publishes 08:00
 *   await getPublishedTask(ctx.store, group, '2026-11-24', now)  // null before 08:00, the task after
 */
import { DomainError } from '../domain/errors'
import { canManageGroup, type GroupDoc } from '../domain/group'
import { DEFAULT_TASK_PUBLISH_TIME, daysBetween, isValidDayKey, localInstant, dayRuleOf, todayKey } from '../domain/days'
import type { DailyTaskView, TaskList } from '../contracts/board'
import type { PageInput } from '../contracts/fields'
import { MAX_TASK_DAYS_AHEAD, dailyTaskId, isPublished, type DailyTaskDoc } from '../domain/tasks'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'
import { recordAudit } from './audit'
import type { UseCaseContext } from './context'
import { EVERY_ROLE, MANAGERS, requireRole } from './access'
import { pageOf } from './paging'

export const TASK_PAGE_SIZE = 20

export function toTaskView(doc: DailyTaskDoc, now: Date): DailyTaskView {
  return { id: doc._id, day: doc.day, title: doc.title, body: doc.body, publishAt: doc.publishAt, published: isPublished(doc, now), edited: !!doc.editedAt }
}

/** The task of `day` if it is published at `now`, else null. */
export async function getPublishedTask(store: Store, group: Pick<GroupDoc, '_id'>, day: string, now: Date): Promise<DailyTaskDoc | null> {
  const task = await store.get('dailyTasks', dailyTaskId(group._id, day))
  return task && isPublished(task, now) ? task : null
}

export async function listDailyTasks(ctx: UseCaseContext, input: { groupId: string } & PageInput): Promise<TaskList> {
  const { group, member } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const now = ctx.now()
  const cursor = input.cursor ?? 0
  const page = await ctx.store.find('dailyTasks', {
    where: { groupId: group._id, publishAt: { lte: now.toISOString() } },
    orderBy: [{ field: 'publishAt', direction: 'desc' }],
    skip: cursor,
    limit: TASK_PAGE_SIZE + 1,
  })
  const canManage = canManageGroup(member.role)
  const scheduled = canManage
    ? await ctx.store.find('dailyTasks', {
        where: { groupId: group._id, publishAt: { gt: now.toISOString() } },
        orderBy: [{ field: 'publishAt', direction: 'asc' }],
        limit: 100,
      })
    : []
  const { items, next } = pageOf(page, cursor, TASK_PAGE_SIZE)
  return {
    items: items.map((doc) => toTaskView(doc, now)),
    next,
    timezone: dayRuleOf(group).timezone,
    scheduled: scheduled.map((doc) => toTaskView(doc, now)),
    canManage,
    today: todayKey(now, dayRuleOf(group)),
    defaultPublishTime: group.taskPublishTime ?? DEFAULT_TASK_PUBLISH_TIME,
  }
}

export interface SaveTaskInput {
  groupId: string
  day: string
  title: string
  body: string
  /** HH:mm in the group's timezone; the group's default (08:00) when missing. */
  publishTime?: string
  /** The client's id for this save: a retry of it answers the task as saved, writing nothing. */
  requestId?: string
}

/** Write (or rewrite) the task of a day. Days in the past are refused; a day up to 60 days ahead is fine. */
export async function saveDailyTask(ctx: UseCaseContext, input: SaveTaskInput): Promise<DailyTaskView> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  if (!isValidDayKey(input.day)) throw new DomainError('INVALID_INPUT', t('validate.dayKey'), { day: t('validate.dayKey') })
  const ahead = daysBetween(todayKey(now, dayRuleOf(group)), input.day)
  if (ahead < 0) throw new DomainError('INVALID_INPUT', t('tasks.error.past'), { day: t('tasks.error.past') })
  if (ahead > MAX_TASK_DAYS_AHEAD) {
    const message = t('tasks.error.tooFar', { days: MAX_TASK_DAYS_AHEAD })
    throw new DomainError('INVALID_INPUT', message, { day: message })
  }
  const publishTime = input.publishTime ?? group.taskPublishTime ?? DEFAULT_TASK_PUBLISH_TIME
  const publishAt = localInstant(input.day, publishTime, dayRuleOf(group).timezone).toISOString()
  const id = dailyTaskId(group._id, input.day)
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.get('dailyTasks', id)
    if (existing && input.requestId && existing.requestId === input.requestId) return toTaskView(existing, now)
    // Edited after members could see it: they are told (已编辑).
    const editedAt = existing && isPublished(existing, now) ? now.toISOString() : (existing?.editedAt ?? null)
    const doc: DailyTaskDoc = {
      _id: id,
      groupId: group._id,
      day: input.day,
      title: input.title.trim(),
      body: input.body.trim(),
      publishAt,
      authorOpenid: openid,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      editedAt,
      requestId: input.requestId ?? null,
    }
    await tx.set('dailyTasks', doc)
    await recordAudit(tx, {
      groupId: group._id,
      actorOpenid: openid,
      action: existing ? 'task.update' : 'task.create',
      detail: { day: input.day, publishAt },
      at: now,
    })
    return toTaskView(doc, now)
  })
}

/** Admins: delete a day's task, scheduled or published; written to the audit log. */
export async function deleteDailyTask(ctx: UseCaseContext, input: { groupId: string; day: string }): Promise<{ deleted: string }> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  const id = dailyTaskId(group._id, input.day)
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.get('dailyTasks', id)
    if (!existing) throw new DomainError('NOT_FOUND', t('tasks.error.notFound'))
    await tx.remove('dailyTasks', id)
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'task.delete', detail: { day: input.day, title: existing.title }, at: now })
    return { deleted: id }
  })
}
