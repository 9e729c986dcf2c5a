/**
 * How the lottery pages word a lottery: tier names (一等奖…), the draw rule, who may enter, the odds, the
 * countdown. Pure (times in the group's timezone from the view), tested beside it.
 *
 * @example
 *   tierLabel(0)                                        // '一等奖'
 *   countdownText(93_784_000)                           // '1 天 02:03:04'
 *   ruleText({ kind: 'count', count: 30 }, 'Asia/Shanghai')  // '满 30 人自动开奖（截止时不足则截止时开奖）'
 */
import type { DrawRule, LotteryView } from '../../../contracts/lottery'
import { formatLocal } from '../../../domain/days'
import { t } from '../../../i18n/strings'

/** The tier's rank name by its position (0 → 一等奖); shared with the admin pages through the card's texts. */
export { tierLabel } from '../../components/lottery-card/utils'

/** A time of the view as the page shows it, in the group's timezone. */
export function timeText(at: string, timezone: string): string {
  return formatLocal(at, timezone, 'MM-DD HH:mm')
}

export function ruleText(rule: DrawRule, timezone: string): string {
  if (rule.kind === 'time') return t('lottery.rule.time', { time: timeText(rule.drawAt, timezone) })
  if (rule.kind === 'count') return t('lottery.rule.count', { count: rule.count })
  return t('lottery.rule.manual')
}

/** Who may enter, a line per condition: members always, then the check-in minimum and the join date. */
export function eligibilityLines(view: Pick<LotteryView, 'eligibility'>): string[] {
  const { minCheckins, period, joinedBefore } = view.eligibility
  const lines = [t('lottery.eligibility.members')]
  if (minCheckins > 0 && period) lines.push(t('lottery.eligibility.minCheckins', { from: period.from, to: period.to, min: minCheckins }))
  if (joinedBefore) lines.push(t('lottery.eligibility.joinedBefore', { day: joinedBefore }))
  return lines
}

/** How the odds work: one ticket each, or tickets by check-ins in the period, capped. */
export function oddsText(view: Pick<LotteryView, 'weighting' | 'eligibility'>): string {
  if (!view.weighting) return t('lotteryPage.unweighted')
  const period = view.eligibility.period
  const weighted = t('lottery.eligibility.weighted', { max: view.weighting.maxTickets })
  return period ? `${weighted}，${t('lotteryPage.oddsPeriod', { from: period.from, to: period.to })}` : weighted
}

/** What is left of a countdown: 'HH:MM:SS', with the days before it when there are any; never negative. */
export function countdownText(msLeft: number): string {
  const total = Math.max(0, Math.floor(msLeft / 1000))
  const days = Math.floor(total / 86400)
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? t('lotteryPage.countdown.days', { days, clock }) : clock
}
