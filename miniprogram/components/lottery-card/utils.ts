/**
 * What the group page's lottery card says: the phase of a lottery as a short tag, the prizes in a line, and
 * the card's links (the open lottery, the group's list). Pure, so it is tested beside the component.
 *
 * @example
 *   prizeLine({ firstPrize: '《活着》签名本', totalPrizes: 3 })  // '《活着》签名本 等 3 份奖品'
 *   phaseTagType('open')                                        // 'success'
 */
import type { LotteryPhase, LotterySummary } from '../../../contracts/lottery'
import { pageUrl } from '../../../contracts/routes'
import { t } from '../../../i18n/strings'

const RANKS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** A prize tier's rank name by its position (0 → 一等奖); tiers are drawn in this order. */
export function tierLabel(index: number): string {
  return t('lotteryPage.tierName', { rank: RANKS[index] ?? String(index + 1) })
}

export function phaseText(phase: LotteryPhase): string {
  return t(`lotteryPhase.${phase}`)
}

/** NutUI Tag type per phase: open green, waiting orange, done grey, cancelled red. */
export function phaseTagType(phase: LotteryPhase): 'success' | 'warning' | 'default' | 'danger' | 'primary' {
  if (phase === 'open') return 'success'
  if (phase === 'upcoming' || phase === 'closed' || phase === 'drawing') return 'warning'
  if (phase === 'cancelled') return 'danger'
  if (phase === 'drawn') return 'primary'
  return 'default'
}

export function prizeLine(summary: Pick<LotterySummary, 'firstPrize' | 'totalPrizes'>): string {
  return summary.totalPrizes > 1 ? t('lotteryCard.prizes', { prize: summary.firstPrize, count: summary.totalPrizes }) : t('lotteryCard.prize', { prize: summary.firstPrize })
}

/** The lottery shown on the card: the newest that still takes entries, else the newest of the open tab. */
export function featured(items: LotterySummary[]): LotterySummary | null {
  return items.find((item) => item.phase === 'open') ?? items[0] ?? null
}

export function lotteryUrl(lotteryId: string): string {
  return pageUrl('lottery', { id: lotteryId })
}

export function lotteriesUrl(groupId: string): string {
  return pageUrl('lotteries', { id: groupId })
}
