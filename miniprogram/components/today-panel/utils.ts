/**
 * What the group home's today panel says, from `GroupProfile.today`. Pure (utils.test.ts).
 *
 * @example
 *   taskLine({ task: { publishAt: '2026-11-23T00:00:00.000Z', published: false }, timezone: 'Asia/Shanghai', … })
 *   // { text: '今日任务 08:00 发布', waiting: true }
 */
import type { GroupToday } from '../../../contracts/group'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'

export function taskLine(today: Pick<GroupToday, 'task' | 'timezone'>): { text: string; waiting: boolean } {
  if (today.task === null) return { text: t('hub.noTask'), waiting: true }
  if (today.task.published) return { text: today.task.title, waiting: false }
  return { text: t('hub.taskAt', { time: formatLocal(today.task.publishAt, today.timezone, 'HH:mm') }), waiting: true }
}

export function checkinLine(today: Pick<GroupToday, 'checkedIn' | 'streak'>): string {
  return today.checkedIn ? `${t('hub.checkedIn')} · ${t('hub.streak', { count: today.streak })}` : today.streak > 0 ? `${t('hub.notYet')} · ${t('hub.streak', { count: today.streak })}` : t('hub.notYet')
}
