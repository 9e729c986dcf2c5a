/**
 * Admins' dashboard (packages/insights/pages/dashboard/index?id=<groupId>) from `getDashboard`: today's check-in
 * rate and the pending applications on top; 30-day charts (daily active members, check-in rate, new members)
 * drawn by uCharts (components/trend-chart, built into this subpackage only); the newest members; and the
 * members inactive for the group's N days, with 提醒 / 移出 one at a time or for a selection — each after a
 * Taro.showModal confirmation, a removal with the reason the removed member reads in their inbox. The
 * dashboard only suggests: nobody is removed unless an admin confirms.
 */
import { useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { MAX_REASON_LENGTH } from '../../../../../contracts/fields'
import {
  DASHBOARD_SERIES_DAYS,
  MAX_NUDGE_MESSAGE_LENGTH,
  getDashboard,
  listInactiveMembers,
  nudgeMembers,
  removeMembers,
  type ActivityMember,
  type Dashboard,
} from '../../../../../contracts/participation'
import { pageUrl } from '../../../../../contracts/routes'
import { formatLocal } from '../../../../../domain/days'
import { canRemoveMember } from '../../../../../domain/roles'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import LoadMore from '../../../../components/load-more'
import PageShell from '../../../../components/page-shell'
import TrendChart from '../../../../components/trend-chart'
import { toChartSeries } from '../../../../components/trend-chart/utils'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { outcomeText, percent, silenceText, whoText } from './utils'
import './index.scss'

export default function DashboardPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getDashboard, { groupId })
  // While a nudge or removal reloads the numbers, the page keeps showing the last ones (and what was done).
  const last = useRef<Dashboard | null>(null)
  if (state.status === 'ready') last.current = state.data
  const shown = state.status === 'ready' ? state.data : state.status === 'loading' && !state.first ? last.current : null
  return (
    <PageShell name="dashboard-page">
      {state.status === 'loading' && shown === null && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="dashboard-error" message={state.error.message} onRetry={reload} />}
      {shown !== null && <DashboardView groupId={groupId} dashboard={shown} reload={reload} />}
    </PageShell>
  )
}

function DashboardView({ groupId, dashboard, reload }: { groupId: string; dashboard: Dashboard; reload: () => void }) {
  const charts = useMemo(
    () => ({
      active: toChartSeries(dashboard, 'active'),
      rate: toChartSeries(dashboard, 'rate'),
      newMembers: toChartSeries(dashboard, 'newMembers'),
    }),
    [dashboard],
  )
  const openReview = () => Taro.navigateTo({ url: pageUrl('review', { id: groupId }) })
  return (
    <View id="dashboard">
      <Text id="dashboard-group" className="dashboard-group">
        {dashboard.groupName}
      </Text>
      {dashboard.status === 'archived' && (
        <Text id="dashboard-archived" className="dashboard-archived">
          {t('dash.archivedNote')}
        </Text>
      )}
      <View className="dashboard-tiles">
        <View id="dashboard-today" className="dashboard-tile">
          <Text className="dashboard-tile__label">{t('dash.todayRate')}</Text>
          <Text id="dashboard-today-rate" className="dashboard-tile__value">
            {percent(dashboard.todayRate)}
          </Text>
          <Text id="dashboard-today-count" className="dashboard-tile__meta">
            {t('dash.todayCount', { checked: dashboard.todayCheckedIn, members: dashboard.memberCount })}
          </Text>
        </View>
        <View id="dashboard-pending" className="dashboard-tile dashboard-tile--link" onClick={openReview}>
          <Text className="dashboard-tile__label">{t('dash.pending')}</Text>
          <Text id="dashboard-pending-count" className={`dashboard-tile__value${dashboard.pendingApplications > 0 ? ' is-alert' : ''}`}>
            {String(dashboard.pendingApplications)}
          </Text>
          <Text className="dashboard-tile__meta">{`${t('dash.review')} ›`}</Text>
        </View>
      </View>

      <Text className="section-title">{t('dash.trends', { days: DASHBOARD_SERIES_DAYS })}</Text>
      {dashboard.series.length === 0 ? (
        <Text id="dashboard-charts-empty" className="dashboard-card dashboard-muted">
          {t('dash.chartEmpty')}
        </Text>
      ) : (
        <View id="dashboard-charts">
          <TrendChart id="chart-active" title={t('dash.chartActive')} chart={charts.active} />
          <TrendChart id="chart-rate" title={t('dash.chartRate')} chart={charts.rate} />
          <TrendChart id="chart-new" title={t('dash.chartNew')} chart={charts.newMembers} />
        </View>
      )}

      <Text className="section-title">{t('dash.newest')}</Text>
      <View id="dashboard-newest" className="dashboard-card">
        {dashboard.newestMembers.map((member, index) => (
          <View key={member.key} id={`newest-${index}`} className="dashboard-person">
            <Text className="dashboard-person__name">{member.nickname}</Text>
            <Text className="dashboard-muted">{t('dash.joinedOn', { day: formatLocal(member.joinedAt, dashboard.timezone, 'MM-DD') })}</Text>
          </View>
        ))}
      </View>

      <InactiveMembers groupId={groupId} dashboard={dashboard} onChanged={reload} />

      <View className="dashboard-links">
        <Button id="dashboard-open-exports" size="small" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('exports', { id: groupId }) })}>
          {t('dash.exports')}
        </Button>
        <Button id="dashboard-open-settings" size="small" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('participationSettings', { id: groupId }) })}>
          {t('dash.settings')}
        </Button>
      </View>
    </View>
  )
}

/** The pages of the inactive list after the dashboard's first one, tied to the dashboard they continue. */
interface MoreInactive {
  first: Dashboard
  items: ActivityMember[]
  next: number | null
}

function InactiveMembers({ groupId, dashboard, onChanged }: { groupId: string; dashboard: Dashboard; onChanged: () => void }) {
  const { inactive } = dashboard
  const [more, setMore] = useState<MoreInactive | null>(null)
  const current = more && more.first === dashboard ? more : null
  const members = current ? current.items : inactive.items
  const next = current ? current.next : inactive.next
  const [selected, setSelected] = useState<string[]>([])
  const [reason, setReason] = useState<string | null>(null)
  const [nudgeNote, setNudgeNote] = useState('')
  const [notice, setNotice] = useState('')
  const loadPage = useAction(listInactiveMembers)
  const nudge = useAction(nudgeMembers)
  const remove = useAction(removeMembers)
  const reasonText = reason ?? t('dash.reasonDefault', { days: inactive.inactiveDays })
  const busy = nudge.busy || remove.busy
  const message = notice || nudge.error || remove.error

  const loadMore = async () => {
    if (next === null) return
    const page = await loadPage.run({ groupId, cursor: next })
    if (page) setMore({ first: dashboard, items: [...members, ...page.items], next: page.next })
  }

  const toggle = (key: string) => setSelected((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]))
  const chosen = members.filter((m) => selected.includes(m.key))

  async function act(kind: 'nudge' | 'remove', targets: ActivityMember[]) {
    if (targets.length === 0 || busy) return
    setNotice('')
    nudge.reset()
    remove.reset()
    const reasonToSend = reasonText.trim()
    if (kind === 'remove' && reasonToSend === '') {
      remove.setError(t('dash.reasonRequired'))
      return
    }
    const who = whoText(targets)
    const answer = await Taro.showModal(
      kind === 'nudge'
        ? { title: t('dash.nudgeConfirm', { who }), content: t('dash.nudgeConfirmBody') }
        : { title: t('dash.removeConfirm', { who }), content: t('dash.removeConfirmBody', { reason: reasonToSend }), confirmColor: '#fa5151' },
    )
    if (!answer.confirm) return
    const memberKeys = targets.map((m) => m.key)
    const note = nudgeNote.trim()
    const result =
      kind === 'nudge' ? await nudge.run({ groupId, memberKeys, ...(note ? { message: note } : {}) }) : await remove.run({ groupId, memberKeys, reason: reasonToSend })
    if (!result) return
    setNotice(outcomeText(kind === 'nudge' ? 'nudged' : 'removed', result))
    if (kind === 'nudge') setNudgeNote('')
    setSelected([])
    onChanged()
  }

  return (
    <View>
      <Text id="dashboard-inactive-title" className="section-title">
        {t('dash.inactive', { days: inactive.inactiveDays, count: inactive.total })}
      </Text>
      <View id="dashboard-inactive" className="dashboard-card">
        {message !== '' && (
          <Text id="dashboard-message" className={`dashboard-message${notice ? '' : ' is-error'}`}>
            {message}
          </Text>
        )}
        {members.length === 0 ? (
          <Text id="dashboard-inactive-none" className="dashboard-muted">
            {t('dash.inactiveNone')}
          </Text>
        ) : (
          <Text className="dashboard-muted">{t('dash.inactiveHint')}</Text>
        )}
        {members.map((member, index) => {
          const checked = selected.includes(member.key)
          const removable = canRemoveMember(dashboard.viewerRole, member.role)
          return (
            <View key={member.key} id={`inactive-${index}`} className="inactive-row">
              <View className="inactive-row__head">
                <View id={`inactive-select-${index}`} className={`inactive-check${checked ? ' is-checked' : ''}`} onClick={() => toggle(member.key)}>
                  <Text className="inactive-check__mark">{checked ? '✓' : ''}</Text>
                </View>
                <View className="inactive-row__main" onClick={() => toggle(member.key)}>
                  <View className="inactive-row__name-line">
                    <Text className="dashboard-person__name">{member.nickname}</Text>
                    {member.role !== 'member' && (
                      <Tag type="primary">
                        <Text>{t(`role.${member.role}`)}</Text>
                      </Tag>
                    )}
                  </View>
                  <Text className="inactive-row__silence">{silenceText(member)}</Text>
                  <Text className="dashboard-muted">
                    {t('dash.memberStats', { score: member.score, days: member.checkinDays })}
                    {member.nudgedAt ? ` · ${t('dash.nudgedAt', { time: formatLocal(member.nudgedAt, dashboard.timezone) })}` : ''}
                  </Text>
                </View>
              </View>
              <View className="inactive-row__actions">
                <Button id={`nudge-${index}`} size="mini" disabled={busy} onClick={() => act('nudge', [member])}>
                  {t('dash.nudge')}
                </Button>
                {removable && (
                  <Button id={`remove-${index}`} size="mini" type="danger" fill="outline" disabled={busy} onClick={() => act('remove', [member])}>
                    {t('dash.remove')}
                  </Button>
                )}
              </View>
            </View>
          )
        })}
        <LoadMore id="inactive-more" list={{ hasMore: next !== null, loadingMore: loadPage.busy, loadMore, moreError: loadPage.error }} />
        {members.length > 0 && (
          <View className="inactive-batch">
            <FormField id="nudge-note" label={t('dash.nudgeMessage')} value={nudgeNote} maxLength={MAX_NUDGE_MESSAGE_LENGTH} onInput={setNudgeNote} />
            <FormField id="remove-reason" label={t('dash.reason')} value={reasonText} maxLength={MAX_REASON_LENGTH} onInput={setReason} />
            <View className="inactive-batch__bar">
              <Text id="inactive-selected" className="dashboard-muted">
                {t('dash.selected', { count: chosen.length })}
              </Text>
              <Button
                id="inactive-select-all"
                size="mini"
                fill="none"
                onClick={() => setSelected(chosen.length === members.length ? [] : members.map((m) => m.key))}
              >
                {chosen.length === members.length ? t('dash.clearSelection') : t('dash.selectAll')}
              </Button>
            </View>
            <View className="inactive-batch__bar">
              <Button id="nudge-selected" size="small" type="primary" fill="outline" disabled={chosen.length === 0 || busy} onClick={() => act('nudge', chosen)}>
                {t('dash.nudgeSelected')}
              </Button>
              <Button id="remove-selected" size="small" type="danger" disabled={chosen.length === 0 || busy} onClick={() => act('remove', chosen.filter((m) => canRemoveMember(dashboard.viewerRole, m.role)))}>
                {t('dash.removeSelected')}
              </Button>
            </View>
          </View>
        )}
      </View>
    </View>
  )
}
