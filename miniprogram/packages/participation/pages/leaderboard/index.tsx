/**
 * Leaderboard (packages/participation/pages/leaderboard/index?id=<groupId>) from `getLeaderboard`: tabs for this
 * week / this month / all time / current streak, by points or by check-in days (the streak board ranks by the
 * streak alone), 20 a page with 加载更多, and the viewer's own rank pinned on top whatever page is loaded. Rows
 * are in the server's order; equal values share a rank (1, 2, 2, 4), who joined earlier listed first.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Skeleton } from '@nutui/nutui-react-taro'
import { getLeaderboard, type LeaderboardMetric, type LeaderboardPage, type LeaderboardPeriod, type LeaderboardRow } from '../../../../../contracts/participation'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import LoadMore from '../../../../components/load-more'
import PageShell from '../../../../components/page-shell'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { METRIC_TABS, PERIOD_TABS, periodText, valueText } from './utils'
import './index.scss'

export default function LeaderboardPage() {
  const groupId = useRouter().params.id ?? ''
  const [period, setPeriod] = useState<LeaderboardPeriod>('week')
  const [metric, setMetric] = useState<LeaderboardMetric>('score')
  const board = usePagedAction(getLeaderboard, { groupId, period, metric })
  const { state, reload } = board
  return (
    <PageShell name="leaderboard-page">
      <View id="period-tabs" className="ranking-tabs">
        {PERIOD_TABS.map((tab) => (
          <View key={tab.period} id={`period-${tab.period}`} className={`ranking-tab${tab.period === period ? ' is-active' : ''}`} onClick={() => setPeriod(tab.period)}>
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      {period !== 'streak' && (
        <View id="metric-tabs" className="ranking-metrics">
          {METRIC_TABS.map((tab) => (
            <View key={tab.metric} id={`metric-${tab.metric}`} className={`ranking-metric${tab.metric === metric ? ' is-active' : ''}`} onClick={() => setMetric(tab.metric)}>
              <Text>{tab.label}</Text>
            </View>
          ))}
        </View>
      )}
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="leaderboard-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="leaderboard">
          <MyRank board={state.data} groupId={groupId} />
          {periodText(state.data) !== '' && (
            <Text id="leaderboard-period" className="section-title">
              {periodText(state.data)}
            </Text>
          )}
          <View id="leaderboard-rows" className="ranking-card">
            {board.items.length === 0 && (
              <Text id="leaderboard-empty" className="ranking-muted">
                {t('ranking.empty')}
              </Text>
            )}
            {board.items.map((row, index) => (
              <Row key={row.key} id={`rank-row-${index}`} row={row} board={state.data} />
            ))}
          </View>
          <LoadMore id="leaderboard-more" list={board} fill="outline" />
          <Text className="ranking-note">{t('ranking.ties')}</Text>
        </View>
      )}
    </PageShell>
  )
}

function MyRank({ board, groupId }: { board: LeaderboardPage; groupId: string }) {
  return (
    <View id="my-rank" className="ranking-me" onClick={() => Taro.navigateTo({ url: pageUrl('progress', { id: groupId }) })}>
      <Text className="ranking-me__label">{t('ranking.myRank')}</Text>
      {board.me ? (
        <View className="ranking-me__line">
          <Text id="my-rank-value" className="ranking-me__rank">
            {t('ranking.rank', { rank: board.me.rank })}
          </Text>
          <Text id="my-rank-score" className="ranking-me__value">
            {valueText(board, board.me.value)}
          </Text>
        </View>
      ) : (
        <Text id="my-rank-none" className="ranking-me__none">
          {t('ranking.unranked')}
        </Text>
      )}
      <Text className="ranking-me__link">{`${t('ranking.openProgress')} ›`}</Text>
    </View>
  )
}

function Row({ id, row, board }: { id: string; row: LeaderboardRow; board: LeaderboardPage }) {
  const medal = row.rank <= 3 ? ` is-top${row.rank}` : ''
  return (
    <View id={id} className={`ranking-row${row.isViewer ? ' is-viewer' : ''}`}>
      <Text className={`ranking-row__rank${medal}`}>{String(row.rank)}</Text>
      <Text className="ranking-row__name">{row.isViewer ? `${row.nickname}（${t('ranking.me')}）` : row.nickname}</Text>
      <Text className="ranking-row__value">{valueText(board, row.value)}</Text>
    </View>
  )
}
