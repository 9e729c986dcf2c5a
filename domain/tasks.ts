/**
 * Daily tasks (每日任务): one per group per day, `dailyTasks/<groupId>:<YYYY-MM-DD>`, written ahead by an
 * admin with a publish time (08:00 in the group's timezone unless set). Before `publishAt` nobody but the
 * group's admins sees it — the server filters, the page never receives it.
 *
 * @example
 *   dailyTaskId('g1', '2026-11-23')             // 'g1:2026-11-23'
 *   isPublished({ publishAt: '2026-11-23T00:00:00.000Z' }, new Date('2026-11-23T00:00:01Z'))  // true
 */
/** How far ahead an admin may schedule a task. */
export const MAX_TASK_DAYS_AHEAD = 60

export interface DailyTaskDoc {
  _id: string
  groupId: string
  day: string
  title: string
  body: string
  /** The instant it becomes visible to members (ISO). */
  publishAt: string
  authorOpenid: string
  createdAt: string
  updatedAt: string
  /** When it was last edited after being published (shown as 已编辑); missing/null when never. */
  editedAt?: string | null
  /** The client request that last wrote it (a retry of that request changes nothing). */
  requestId?: string | null
}

export function dailyTaskId(groupId: string, day: string): string {
  return `${groupId}:${day}`
}

export function isPublished(task: Pick<DailyTaskDoc, 'publishAt'>, now: Date): boolean {
  return task.publishAt <= now.toISOString()
}
