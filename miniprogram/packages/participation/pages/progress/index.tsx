/**
 * My progress (packages/participation/pages/progress/index?id=<groupId>) from `getMyProgress`: points (all time,
 * this week, this month) and check-in days, rank by points on each board, the group's goal with a progress bar
 * (「连续打卡 21 天送书 — 还差 4 天」, the text as the server words it), the current and longest streak, the streak
 * runs of the last 90 days, and what each event is worth in this group.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { getMyProgress, type MyProgress } from '../../../../../contracts/participation'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import { usePageData } from '../../../../hooks/use-page-data'
import './index.scss'

export default function ProgressPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getMyProgress, { groupId })
  return (
    <PageShell name="progress-page">
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="progress-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <ProgressView groupId={groupId} progress={state.data} />}
    </PageShell>
  )
}

function rankText(rank: number | null): string {
  return rank === null ? t('progress.rankNone') : t('progress.rankValue', { rank })
}

function ProgressView({ groupId, progress }: { groupId: string; progress: MyProgress }) {
  const { goal, streak } = progress
  return (
    <View id="progress">
      <Text id="progress-group" className="progress-group">
        {progress.groupName}
      </Text>
      {progress.archived && (
        <Text id="progress-archived" className="progress-archived">
          {t('progress.archived')}
        </Text>
      )}

      <View id="progress-goal" className="progress-card progress-goal">
        <Text className="progress-card__title">{t('progress.goal')}</Text>
        {goal ? (
          <View>
            <Text id="progress-goal-text" className={`progress-goal__text${goal.reached ? ' is-reached' : ''}`}>
              {goal.text}
            </Text>
            <View className="progress-bar">
              <View className="progress-bar__fill" style={{ width: `${Math.round((goal.current / Math.max(1, goal.days)) * 100)}%` }} />
            </View>
            <Text id="progress-goal-count" className="progress-muted">
              {t('progress.goalOf', { current: goal.current, days: goal.days })}
            </Text>
          </View>
        ) : (
          <Text id="progress-no-goal" className="progress-muted">
            {t('progress.noGoal')}
          </Text>
        )}
      </View>

      <View className="progress-stats">
        <Stat id="progress-score" label={t('progress.score')} value={progress.score} />
        <Stat id="progress-week" label={t('progress.weekScore')} value={progress.weekScore} />
        <Stat id="progress-month" label={t('progress.monthScore')} value={progress.monthScore} />
        <Stat id="progress-days" label={t('progress.checkinDays')} value={progress.checkinDays} />
      </View>

      <View id="progress-rank" className="progress-card">
        <Text className="progress-card__title">{t('progress.rank')}</Text>
        <View className="progress-ranks">
          <RankCell id="progress-rank-week" label={t('progress.rankWeek')} value={rankText(progress.rank.week)} ranked={progress.rank.week !== null} />
          <RankCell id="progress-rank-month" label={t('progress.rankMonth')} value={rankText(progress.rank.month)} ranked={progress.rank.month !== null} />
          <RankCell id="progress-rank-all" label={t('progress.rankAll')} value={rankText(progress.rank.all)} ranked={progress.rank.all !== null} />
        </View>
      </View>

      <View id="progress-streak" className="progress-card">
        <Text className="progress-card__title">{t('progress.streak')}</Text>
        <Text id="progress-streak-now" className="progress-streak__now">
          {t('progress.streakNow', { days: streak.current })}
        </Text>
        <Text className="progress-muted">
          {`${t('progress.streakLongest', { days: streak.longest })} · ${t('progress.makeUps', { days: streak.makeUpDays })}`}
        </Text>
        <Text className="progress-subtitle">{t('progress.history')}</Text>
        {progress.streakHistory.length === 0 ? (
          <Text id="progress-history-none" className="progress-muted">
            {t('progress.historyNone')}
          </Text>
        ) : (
          <View id="progress-history">
            {progress.streakHistory.map((run, index) => (
              <View key={run.first} id={`progress-run-${index}`} className="progress-run">
                <Text className="progress-run__dates">{t('progress.run', { first: run.first.slice(5), last: run.last.slice(5) })}</Text>
                <View className="progress-run__bar">
                  <View className="progress-run__fill" style={{ width: `${Math.min(100, Math.round((run.days / Math.max(streak.longest, 1)) * 100))}%` }} />
                </View>
                <Text className="progress-run__days">{t('progress.runDays', { days: run.days })}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View id="progress-points" className="progress-card">
        <Text className="progress-card__title">{t('progress.pointsRule')}</Text>
        <Text className="progress-muted">{t('progress.pointsLine', { ...progress.points })}</Text>
      </View>

      <View className="progress-actions">
        <Button id="progress-open-board" block fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('leaderboard', { id: groupId }) })}>
          {t('progress.openBoard')}
        </Button>
        {!progress.archived && (
          <Button id="progress-open-checkin" block type="primary" onClick={() => Taro.navigateTo({ url: pageUrl('checkin', { id: groupId }) })}>
            {t('progress.checkin')}
          </Button>
        )}
      </View>
    </View>
  )
}

function Stat({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <View id={id} className="progress-stat">
      <Text className="progress-stat__value">{String(value)}</Text>
      <Text className="progress-stat__label">{label}</Text>
    </View>
  )
}

function RankCell({ id, label, value, ranked }: { id: string; label: string; value: string; ranked: boolean }) {
  return (
    <View id={id} className="progress-rank">
      <Text className="progress-stat__label">{label}</Text>
      <Text className={`progress-rank__value${ranked ? '' : ' is-none'}`}>{value}</Text>
    </View>
  )
}
