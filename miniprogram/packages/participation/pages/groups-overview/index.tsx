/**
 * My groups at a glance (packages/participation/pages/groups-overview/index), from `listMyGroupSummaries`: for
 * an owner or admin of several groups, each group's members, today's check-in rate, pending applications
 * (admins only) and the last closed day, archived groups marked; a card opens the group, 看板 its dashboard.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Empty, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listMyGroupSummaries, type MyGroupSummary } from '../../../../../contracts/participation'
import { pageUrl } from '../../../../../contracts/routes'
import { canManageGroup } from '../../../../../domain/group'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import { usePageData } from '../../../../hooks/use-page-data'
import './index.scss'

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`
}

export default function GroupsOverviewPage() {
  const { state, reload } = usePageData(listMyGroupSummaries, {})
  return (
    <PageShell name="groups-overview-page">
      {state.status === 'loading' && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="overview-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <View id="overview-empty">
          <Empty image={<View className="empty-illustration" />} imageSize={72} description={t('overview.none')} />
        </View>
      )}
      {state.status === 'ready' && (
        <View id="overview">
          {state.data.map((group) => (
            <GroupSummary key={group.id} group={group} />
          ))}
        </View>
      )}
    </PageShell>
  )
}

function GroupSummary({ group }: { group: MyGroupSummary }) {
  const manager = canManageGroup(group.role)
  return (
    <View id={`overview-${group.id}`} className="overview-card" onClick={() => Taro.navigateTo({ url: pageUrl('group', { id: group.id }) })}>
      <View className="overview-card__head">
        <Text className="overview-card__name">{group.name}</Text>
        <View className="overview-card__tags">
          {group.status === 'archived' && (
            <Tag type="warning">
              <Text>{t('lifecycle.archived')}</Text>
            </Tag>
          )}
          <Tag type={manager ? 'primary' : 'default'}>
            <Text>{t(`role.${group.role}`)}</Text>
          </Tag>
        </View>
      </View>
      <View className="overview-numbers">
        <Figure id={`overview-${group.id}-members`} label={t('overview.members')} value={String(group.memberCount)} />
        <Figure id={`overview-${group.id}-today`} label={t('overview.todayRate')} value={percent(group.todayRate)} detail={`${group.todayCheckedIn}/${group.memberCount}`} />
        {group.pendingApplications !== null && (
          <Figure id={`overview-${group.id}-pending`} label={t('overview.pending')} value={String(group.pendingApplications)} alert={group.pendingApplications > 0} />
        )}
      </View>
      <View className="overview-card__foot">
        <Text className="overview-muted">
          {group.lastDay
            ? t('overview.lastDay', { day: group.lastDay.day.slice(5), rate: percent(group.lastDay.rate), newMembers: group.lastDay.newMembers })
            : t('overview.noTally')}
        </Text>
        {manager && (
          <Button
            id={`overview-${group.id}-dashboard`}
            size="mini"
            type="primary"
            fill="outline"
            onClick={(event) => {
              event.stopPropagation()
              Taro.navigateTo({ url: pageUrl('dashboard', { id: group.id }) })
            }}
          >
            {t('overview.dashboard')}
          </Button>
        )}
      </View>
    </View>
  )
}

function Figure({ id, label, value, detail, alert }: { id: string; label: string; value: string; detail?: string; alert?: boolean }) {
  return (
    <View id={id} className="overview-number">
      <Text className={`overview-number__value${alert ? ' is-alert' : ''}`}>{value}</Text>
      <Text className="overview-number__label">{detail ? `${label} ${detail}` : label}</Text>
    </View>
  )
}
