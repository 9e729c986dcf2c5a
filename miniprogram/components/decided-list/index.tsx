/**
 * 已处理: a group's decided applications for its admins, newest decision first — the applicant's nickname,
 * 已通过 / 未通过, and who decided when, or 自动通过 with the rule; 20 at a time with 加载更多. See README.md.
 */
import { Text, View } from '@tarojs/components'
import { Empty, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listDecidedApplications, type DecidedApplication } from '../../../contracts/admission'
import { t } from '../../../i18n/strings'
import { shortTime } from '../application-status/utils'
import ErrorState from '../error-state'
import LoadMore from '../load-more'
import { usePagedAction } from '../../hooks/use-paged-action'
import './index.scss'

export default function DecidedList({ groupId }: { groupId: string }) {
  const list = usePagedAction(listDecidedApplications, { groupId })
  const { state } = list
  if (state.status === 'loading') return <Skeleton rows={6} animated />
  if (state.status === 'error') return <ErrorState id="decided-error" message={state.error.message} onRetry={list.reload} />
  return (
    <View id="decided-list" className="decided-list">
      {list.items.length === 0 && (
        <View id="decided-empty">
          <Empty image={<View className="empty-illustration" />} imageSize={72} description={t('review.history.empty')} />
        </View>
      )}
      {list.items.map((item, index) => (
        <DecidedRow key={item.id} item={item} index={index} timezone={state.data.timezone} />
      ))}
      <LoadMore id="decided-load-more" list={list} label={t('review.history.loadMore')} fill="outline" />
    </View>
  )
}

function DecidedRow({ item, index, timezone }: { item: DecidedApplication; index: number; timezone: string }) {
  const time = shortTime(item.decidedAt, timezone)
  return (
    <View id={`decided-${index}`} className="decided-row">
      <View className="decided-row__head">
        <Text className="decided-row__name">{item.nickname || t('review.history.purged')}</Text>
        <Tag type={item.status === 'approved' ? 'success' : 'default'}>{t(`admission.status.${item.status}`)}</Tag>
      </View>
      <Text id={`decided-by-${index}`} className="decided-row__meta">
        {item.rule ? t('review.history.auto', { rule: t(`review.history.rule.${item.rule}`), time }) : t('review.history.by', { name: item.deciderName ?? '', time })}
      </Text>
      {item.rejectReason && <Text className="decided-row__meta">{t('apply.rejectReason', { reason: item.rejectReason })}</Text>}
    </View>
  )
}
