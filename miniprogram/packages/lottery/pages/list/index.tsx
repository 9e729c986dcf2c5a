/**
 * A group's lotteries (packages/lottery/pages/list/index?id=<groupId>[&filter=…]): tabs 进行中 / 已开奖 /
 * 已取消, each a paged list (newest first) whose items open the lottery page; owners and admins also get
 * 「发起抽奖」.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listLotteries, type LotteryListFilter, type LotterySummary } from '../../../../../contracts/lottery'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import LoadMore from '../../../../components/load-more'
import PageShell from '../../../../components/page-shell'
import { phaseTagType, phaseText, prizeLine } from '../../../../components/lottery-card/utils'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { timeText } from '../../lottery-texts'
import './index.scss'

const FILTERS: LotteryListFilter[] = ['open', 'drawn', 'cancelled']

function filterOf(value: string | undefined): LotteryListFilter {
  return FILTERS.find((filter) => filter === value) ?? 'open'
}

export default function LotteryListPage() {
  const params = useRouter().params
  const groupId = params.id ?? ''
  const [filter, setFilter] = useState<LotteryListFilter>(filterOf(params.filter))
  const list = usePagedAction(listLotteries, groupId ? { groupId, filter } : null)
  const { state, reload } = list
  return (
    <PageShell name="lottery-list-page">
      <View id="lottery-tabs" className="lottery-tabs">
        {FILTERS.map((key) => (
          <View key={key} id={`lottery-tab-${key}`} className={key === filter ? 'lottery-tabs__tab is-active' : 'lottery-tabs__tab'} onClick={() => setFilter(key)}>
            <Text>{t(`lotteryList.tab.${key}`)}</Text>
          </View>
        ))}
      </View>
      {state.status === 'loading' && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="lottery-list-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="lottery-list">
          <Text className="lottery-list__group">{state.data.groupName}</Text>
          {state.data.isAdmin && (
            <Button id="lottery-create" type="primary" block className="lottery-list__create" onClick={() => Taro.navigateTo({ url: pageUrl('lotteryCreate', { id: groupId }) })}>
              {t('lotteryList.create')}
            </Button>
          )}
          {list.items.length === 0 && (
            <Text id="lottery-list-empty" className="lottery-list__empty">
              {t(`lotteryList.empty.${filter}`)}
            </Text>
          )}
          {list.items.map((item) => (
            <LotteryItem key={item.id} item={item} timezone={state.data.timezone} />
          ))}
          <LoadMore id="lottery-list-more" list={list} fill="outline" />
        </View>
      )}
    </PageShell>
  )
}

function LotteryItem({ item, timezone }: { item: LotterySummary; timezone: string }) {
  const when =
    item.drawnAt !== null
      ? t('lotteryList.drawnAt', { time: timeText(item.drawnAt, timezone), count: item.entrantCount ?? 0 })
      : item.phase === 'cancelled'
        ? t('lotteryList.created', { time: timeText(item.createdAt, timezone) })
        : t('lotteryList.closes', { time: timeText(item.closesAt, timezone) })
  return (
    <View id={`lottery-item-${item.id}`} className="lottery-item" onClick={() => Taro.navigateTo({ url: pageUrl('lottery', { id: item.id }) })}>
      <View className="lottery-item__head">
        <Text className="lottery-item__title">{item.title}</Text>
        <Tag type={phaseTagType(item.phase)}>{phaseText(item.phase)}</Tag>
      </View>
      <Text className="lottery-item__meta">{prizeLine(item)}</Text>
      <Text className="lottery-item__meta">{when}</Text>
    </View>
  )
}
