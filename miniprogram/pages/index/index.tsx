/**
 * Home page (我的社群): the caller's groups from `listMyGroups`, each opening its group card; an empty
 * state when there are none; and, in the H5 dev mode, a shortcut to the demo group. In the main package:
 * no NutUI and no contract values (actions from `api/main-actions.ts`); see README "Keeping the main package
 * small".
 */
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { badgeText, noticeLines } from '../../components/board-notices/utils'
import type { MyGroup } from '../../../contracts/group'
import { t } from '../../../i18n/strings'
import AppButton from '../../components/app-button'
import EmptyState from '../../components/empty-state'
import ErrorState from '../../components/error-state'
import LoadingRows from '../../components/loading-rows'
import PageShell from '../../components/page-shell'
import PendingBadge from '../../components/pending-badge'
import { LIST_MY_GROUPS } from '../../api/main-actions'
import { usePageData } from '../../hooks/use-page-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'
import { pageUrl } from '../../../contracts/routes'

function openGroup(groupId: string): void {
  Taro.navigateTo({ url: pageUrl('group', { id: groupId }) })
}

export default function HomePage() {
  const { session } = useDevPersona()
  const { state, reload } = usePageData(LIST_MY_GROUPS, {})
  // Back from a group: its badges say what is still new.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  return (
    <PageShell name="home-page">
      <Text className="section-title">{t('home.myGroups')}</Text>
      {state.status === 'loading' && <LoadingRows rows={3} />}
      {state.status === 'error' && <ErrorState id="my-groups-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <PendingBadge groups={state.data} variant="index" />}
      {state.status === 'ready' && <MyGroupList groups={state.data} />}
      {state.status === 'ready' && state.data.some((group) => group.role !== 'member') && (
        <View className="home-page__demo">
          <AppButton id="open-groups-overview" fill="outline" block onClick={() => Taro.navigateTo({ url: pageUrl('groupsOverview') })}>
            {t('overview.entry')}
          </AppButton>
        </View>
      )}
      {session.devMode && session.demoGroupId !== '' && (
        <View className="home-page__demo">
          <AppButton id="open-demo-group" type="primary" fill="outline" block onClick={() => openGroup(session.demoGroupId)}>
            {t('home.openDemo')}
          </AppButton>
        </View>
      )}
    </PageShell>
  )
}

function MyGroupList({ groups }: { groups: MyGroup[] }) {
  if (groups.length === 0) {
    return (
      <View id="my-groups" className="my-groups">
        <View id="my-groups-empty">
          <EmptyState description={t('home.noGroups')} />
        </View>
      </View>
    )
  }
  return (
    <View id="my-groups" className="my-groups">
      {groups.map((group) => (
        <View key={group.id} id={`my-group-${group.id}`} className="my-groups__row" hoverClass="my-groups__row--pressed" onClick={() => openGroup(group.id)}>
          <View className="my-groups__main">
            <GroupTitle group={group} />
            <GroupDescription group={group} />
          </View>
          <Text className="my-groups__role">{t(`role.${group.role}`)}</Text>
          <Text className="my-groups__chevron">›</Text>
        </View>
      ))}
    </View>
  )
}

/** The group's name, with the unread announcements' count (or a dot for rules to confirm) beside it. */
function GroupTitle({ group }: { group: MyGroup }) {
  const unread = badgeText(group.board?.unreadAnnouncements ?? 0)
  const rules = group.board?.rulesToConfirm != null
  return (
    <View className="my-groups__title">
      <Text className="my-groups__name">{group.name}</Text>
      {unread !== '' && (
        <View id={`my-group-badge-${group.id}`} className="my-groups__badge">
          <Text className="my-groups__count">{unread}</Text>
        </View>
      )}
      {unread === '' && rules && (
        <View id={`my-group-badge-${group.id}`} className="my-groups__badge">
          <View className="my-groups__dot" />
        </View>
      )}
    </View>
  )
}

function GroupDescription({ group }: { group: MyGroup }) {
  const news = noticeLines(group.board)
  return (
    <View>
      <Text className="my-groups__summary">{t('home.groupSummary', { topic: group.topic, count: group.memberCount })}</Text>
      {news.length > 0 && (
        <Text id={`my-group-news-${group.id}`} className="my-groups__news">
          {news.join(' · ')}
        </Text>
      )}
    </View>
  )
}
