/**
 * The leaderboard's pure helpers: its tabs, how a row's value reads on each board, and the period line.
 *
 * @example
 *   valueText({ metric: 'score' }, 120)      // '120 分'
 *   valueText({ metric: 'streak' }, 6)       // '连续 6 天'
 *   periodText({ period: 'week', periodKey: '2026-11-23' })  // '2026-11-23 起的一周'
 *   periodText({ period: 'month', periodKey: '2026-03' })    // '2026 年 3 月'
 */
import type { LeaderboardMetric, LeaderboardPage, LeaderboardPeriod } from '../../../../../contracts/participation'
import { t } from '../../../../../i18n/strings'

// Each tab's text, its key written out: a key read from the tab (`t(tab.label)`) would bring the whole texts
// table into the bundle (babel.config.js, inlineTexts).
export const PERIOD_TABS: Array<{ period: LeaderboardPeriod; label: string }> = [
  { period: 'week', label: t('ranking.week') },
  { period: 'month', label: t('ranking.month') },
  { period: 'all', label: t('ranking.all') },
  { period: 'streak', label: t('ranking.streak') },
]

export const METRIC_TABS: Array<{ metric: LeaderboardMetric; label: string }> = [
  { metric: 'score', label: t('ranking.byScore') },
  { metric: 'checkins', label: t('ranking.byCheckins') },
]

export function valueText(board: Pick<LeaderboardPage, 'metric'>, value: number): string {
  if (board.metric === 'streak') return t('ranking.streakDays', { value })
  return board.metric === 'score' ? t('ranking.points', { value }) : t('ranking.days', { value })
}

/** The period the board covers, or '' for all time and streaks. */
export function periodText(board: Pick<LeaderboardPage, 'period' | 'periodKey'>): string {
  if (board.periodKey === null) return ''
  if (board.period === 'week') return t('ranking.periodWeek', { from: board.periodKey })
  return t('ranking.periodMonth', { year: board.periodKey.slice(0, 4), month: Number(board.periodKey.slice(5, 7)) })
}
