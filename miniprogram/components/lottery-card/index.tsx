/**
 * The group page's lottery card (members only): the group's open lottery — title, prizes, when entries
 * close — tapping through to its page, and 全部抽奖 to the group's list. See README.md.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '../../../domain/group'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import { usePageData } from '../../hooks/use-page-data'
import AppTag from '../app-tag'
import { LIST_LOTTERIES } from './list-open'
import { featured, lotteriesUrl, lotteryUrl, phaseTagType, phaseText, prizeLine } from './utils'
import './index.scss'

export default function LotteryCard({ groupId, viewerRole }: { groupId: string; viewerRole: Role | null }) {
  const { state } = usePageData(LIST_LOTTERIES, viewerRole === null ? null : { groupId, filter: 'open' })
  if (viewerRole === null || state.status !== 'ready') return null
  const lottery = featured(state.data.items)
  return (
    <View id="lottery-card" className="lottery-card">
      <View className="lottery-card__head">
        <Text className="lottery-card__label">{t('lotteryCard.title')}</Text>
        <Text id="lottery-card-all" className="lottery-card__all" onClick={() => Taro.navigateTo({ url: lotteriesUrl(groupId) })}>
          {`${t('lotteryCard.all')} ›`}
        </Text>
      </View>
      {lottery ? (
        <View id="lottery-card-open" className="lottery-card__item" onClick={() => Taro.navigateTo({ url: lotteryUrl(lottery.id) })}>
          <Text id="lottery-card-title" className="lottery-card__title">
            {lottery.title}
          </Text>
          <Text className="lottery-card__meta">{prizeLine(lottery)}</Text>
          <View className="lottery-card__head">
            <Text className="lottery-card__meta">{t('lotteryCard.closes', { time: formatLocal(lottery.closesAt, state.data.timezone) })}</Text>
            <AppTag type={phaseTagType(lottery.phase)}>{phaseText(lottery.phase)}</AppTag>
          </View>
        </View>
      ) : (
        <Text id="lottery-card-none" className="lottery-card__meta">
          {t('lotteryCard.none')}
        </Text>
      )}
    </View>
  )
}
