/**
 * 待审核 badges for owners and admins: on the group page one row 「3 份入群申请待审核」 opening the review queue;
 * on the index a card listing each managed group with applications waiting. One `getPendingCounts` call
 * (2 operations) whatever the number of groups. Renders nothing for others or when nothing waits. See README.md.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pageUrl } from '../../../contracts/routes'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { GET_PENDING_COUNTS } from '../../api/main-actions'
import { usePageData } from '../../hooks/use-page-data'
import { managesGroup, pendingRows } from './utils'
import './index.scss'

export interface PendingBadgeProps {
  /** The groups to show counts for, with the caller's role in each (the index's list, or the one group). */
  groups: Array<{ id: string; name: string; role: Role | null }>
  /** `group`: one row for the group page; `index`: the card on the home page. */
  variant: 'group' | 'index'
}

export default function PendingBadge({ groups, variant }: PendingBadgeProps) {
  const managed = groups.filter((g) => managesGroup(g.role))
  return managed.length > 0 ? <Counts groups={managed} variant={variant} /> : null
}

function Counts({ groups, variant }: PendingBadgeProps) {
  const { state } = usePageData(GET_PENDING_COUNTS, {})
  if (state.status !== 'ready') return null
  const rows = pendingRows(state.data, groups)
  if (rows.length === 0) return null
  const open = (groupId: string) => Taro.navigateTo({ url: pageUrl('review', { id: groupId }) })
  if (variant === 'group') {
    return (
      <View id="pending-badge" className="pending-badge pending-badge--row" onClick={() => open(rows[0].groupId)}>
        <Text className="pending-badge__count">{rows[0].count}</Text>
        <Text className="pending-badge__label">{t('pendingBadge.group', { count: rows[0].count })}</Text>
        <Text className="pending-badge__arrow">›</Text>
      </View>
    )
  }
  return (
    <View id="pending-badge" className="pending-badge">
      <Text className="pending-badge__title">{t('pendingBadge.title')}</Text>
      {rows.map((row) => (
        <View key={row.groupId} id={`pending-badge-${row.groupId}`} className="pending-badge__item" onClick={() => open(row.groupId)}>
          <Text className="pending-badge__name">{row.name}</Text>
          <Text className="pending-badge__count">{row.count}</Text>
          <Text className="pending-badge__arrow">›</Text>
        </View>
      ))}
    </View>
  )
}
