/**
 * Pure helpers of the application status card: times for people, the 姓名-地区-职业 line, and whether a
 * rejected applicant must still wait before applying again. No Taro imports (utils.test.ts).
 *
 * @example
 *   introLine({ name: '张三', region: '郑州', occupation: '教师', about: '' })   // '张三-郑州-教师'
 */
import { formatLocal } from '../../../domain/local-time'
import type { MyApplicationView } from '../../../contracts/admission'

/** 2026-11-23T02:00:00Z → '11-23 10:00' in the group's timezone (here Asia/Shanghai). */
export function shortTime(iso: string | null, timezone: string): string {
  return iso ? formatLocal(iso, timezone) : ''
}

export function introLine(intro: MyApplicationView['intro']): string {
  return `${intro.name}-${intro.region}-${intro.occupation}`
}

/** A rejection with a cooldown that has not passed yet: the form stays hidden until then. */
export function mustWaitToReapply(application: MyApplicationView | null, now: Date): boolean {
  return application?.status === 'rejected' && application.reapplyAllowedAt !== null && new Date(application.reapplyAllowedAt) > now
}
