/**
 * Announcements page (pages/announcements/index?id=<groupId>): pinned announcements on top, then the rest
 * newest first with "load more"; admins get pin / unpin on each (posting is on packages/admin/pages/tasks).
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listAnnouncements, setAnnouncementPinned, type AnnouncementView } from '../../../contracts/board'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import PageShell from '../../components/page-shell'
import LoadMore from '../../components/load-more'
import { useAction } from '../../hooks/use-action'
import { usePagedAction } from '../../hooks/use-paged-action'
import './index.scss'

export default function AnnouncementsPage() {
  const groupId = useRouter().params.id ?? ''
  const list = usePagedAction(listAnnouncements, { groupId })
  const { state, reload } = list
  const setPinned = useAction(setAnnouncementPinned)

  const pin = async (announcement: AnnouncementView) => {
    if (await setPinned.run({ groupId, announcementId: announcement.id, pinned: !announcement.pinned })) reload()
  }

  return (
    <PageShell name="announcements-page">
      {state.status === 'loading' && state.first && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="announcements-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="announcements">
          {setPinned.error !== '' && <Text className="announcement__error">{setPinned.error}</Text>}
          {renderAnnouncements([...state.data.pinned, ...list.items], state.data.canManage, state.data.timezone, pin)}
          <LoadMore id="announcements-more" list={list} />
        </View>
      )}
    </PageShell>
  )
}

function renderAnnouncements(all: AnnouncementView[], canManage: boolean, timezone: string, pin: (announcement: AnnouncementView) => void) {
  if (all.length === 0) return <Text className="announcement__meta">{t('announcements.empty')}</Text>
  return all.map((a) => (
    <View key={a.id} id={`announcement-${a.id}`} className={`announcement${a.pinned ? ' is-pinned' : ''}`}>
      <View className="announcement__head">
        {a.pinned && (
          <Tag type="danger">
            <Text>{t('announcements.pinned')}</Text>
          </Tag>
        )}
        <Text className="announcement__title">{a.title}</Text>
      </View>
      <Text className="announcement__body">{a.body}</Text>
      <View className="announcement__foot">
        <Text className="announcement__meta">{t('announcements.by', { name: a.authorName, time: formatLocal(a.createdAt, timezone) })}</Text>
        {canManage && (
          <Button id={`pin-${a.id}`} size="small" fill="none" onClick={() => pin(a)}>
            {a.pinned ? t('announcements.unpin') : t('announcements.pin')}
          </Button>
        )}
      </View>
    </View>
  ))
}
