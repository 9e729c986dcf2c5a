/**
 * Daily check-in reminders: a member subscribes with a time of day (in the group's timezone); the
 * `reminders` job, run on a timer, reminds every subscriber whose time has come and who has not checked in
 * that day — at most once a day (`lastSentDay`, changed in the same transaction as the inbox entry).
 *
 * @example
 *   reminderDue({ enabled: true, time: '20:00', lastSentDay: '2026-11-22' }, { today: '2026-11-23', localTime: '20:15' })  // true
 */
export const DEFAULT_REMINDER_TIME = '20:00'

export interface ReminderSubscriptionDoc {
  /** `<groupId>:<openid>` */
  _id: string
  groupId: string
  openid: string
  enabled: boolean
  /** HH:mm in the group's timezone. */
  time: string
  lastSentDay: string | null
  updatedAt: string
}

export function reminderId(groupId: string, openid: string): string {
  return `${groupId}:${openid}`
}

export function reminderDue(
  subscription: Pick<ReminderSubscriptionDoc, 'enabled' | 'time' | 'lastSentDay'>,
  at: { today: string; localTime: string },
): boolean {
  return subscription.enabled && subscription.lastSentDay !== at.today && subscription.time <= at.localTime
}
