/**
 * Home page (我的社群): the caller's groups from `listMyGroups`, each opening its group card; an empty
 * state when there are none; and, in the H5 dev mode, a shortcut to the demo group.
 */
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Badge, Button, Cell, CellGroup, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { badgeText, noticeLines } from '../../components/board-notices/utils'
import { listMyGroups, type MyGroup } from '../../../contracts/group'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import PageShell from '../../components/page-shell'
import { usePageData } from '../../hooks/use-page-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'
import { pageUrl } from '../../../contracts/routes'

function openGroup(groupId: string): void {
  Taro.navigateTo({ url: pageUrl('group', { id: groupId }) })
}

export default function HomePage() {
  const { session } = useDevPersona()
  const { state, reload } = usePageData(listMyGroups, {})
  // Back from a group: its badges say what is still new.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  return (
    <PageShell name="home-page">
      <Text className="section-title">{t('home.myGroups')}</Text>
      {state.status === 'loading' && <Skeleton rows={3} animated />}
      {state.status === 'error' && <ErrorState id="my-groups-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <MyGroupList groups={state.data} />}
      {state.status === 'ready' && state.data.some((group) => group.role !== 'member') && (
        <View className="home-page__demo">
          <Button id="open-groups-overview" fill="outline" block onClick={() => Taro.navigateTo({ url: pageUrl('groupsOverview') })}>
            {t('overview.entry')}
          </Button>
        </View>
      )}
      {session.devMode && session.demoGroupId !== '' && (
        <View className="home-page__demo">
          <Button id="open-demo-group" type="primary" fill="outline" block onClick={() => openGroup(session.demoGroupId)}>
            {t('home.openDemo')}
          </Button>
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
          <Empty image={<View className="empty-illustration" />} imageSize={72} description={t('home.noGroups')} />
        </View>
      </View>
    )
  }
  return (
    <View id="my-groups" className="my-groups">
      <CellGroup>
        {groups.map((group, index) => (
          <View key={group.id} id={`my-group-${group.id}`} onClick={() => openGroup(group.id)}>
            <Cell
              clickable
              isLast={index === groups.length - 1}
              title={<GroupTitle group={group} />}
              description={<GroupDescription group={group} />}
              extra={t(`role.${group.role}`)}
            />
          </View>
        ))}
      </CellGroup>
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
          <Badge value={unread} />
        </View>
      )}
      {unread === '' && rules && (
        <View id={`my-group-badge-${group.id}`} className="my-groups__badge">
          <Badge dot />
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
