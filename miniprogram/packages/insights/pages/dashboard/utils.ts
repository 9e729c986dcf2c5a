/**
 * The dashboard's pure helpers: the percentage it shows, how an inactive member's silence reads, the
 * confirmation of a nudge / removal, and the outcome line after it.
 *
 * @example
 *   percent(0.6666)                                   // '67%'
 *   whoText([{ nickname: '李娜-郑州-小学教师' }])        // '李娜-郑州-小学教师'
 *   outcomeText('removed', { done: 2, skipped: ['m_x'], memberCount: 20 })  // '已移出 2 人，1 人未处理（…）'
 */
import type { ActivityMember, RosterActionResult } from '../../../../../contracts/participation'
import { t } from '../../../../../i18n/strings'

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`
}

/** 12 天未打卡 · 最近打卡 11-11, or 从未打卡 · 入群 9 天. */
export function silenceText(member: Pick<ActivityMember, 'daysInactive' | 'lastCheckinDay'>): string {
  if (member.lastCheckinDay === null) return t('dash.neverChecked', { days: member.daysInactive })
  return `${t('dash.silentDays', { days: member.daysInactive })} · ${t('dash.lastCheckin', { day: member.lastCheckinDay.slice(5) })}`
}

/** One member by name, several by count. */
export function whoText(members: Array<Pick<ActivityMember, 'nickname'>>): string {
  return members.length === 1 ? members[0].nickname : t('dash.people', { count: members.length })
}

export function outcomeText(kind: 'nudged' | 'removed', result: RosterActionResult): string {
  const done = t(kind === 'nudged' ? 'dash.nudged' : 'dash.removed', { count: result.done })
  return result.skipped.length > 0 ? done + t('dash.skipped', { count: result.skipped.length }) : done
}
