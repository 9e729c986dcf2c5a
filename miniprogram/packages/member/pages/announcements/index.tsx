/**
 * Announcements page (packages/member/pages/announcements/index?id=<groupId>): pinned announcements on top, then the rest
 * newest first with "load more"; the caller's unread ones say 未读, and once shown they are marked read
 * (`markAnnouncementsRead`: the group page's badge starts over, admins count the reader). Admins get a way to
 * 管理公告 (packages/admin/pages/announcements), where they post, pin, edit and delete.
 */
import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { listAnnouncements, markAnnouncementsRead, type AnnouncementView } from '../../../../../contracts/board'
import { pageUrl } from '../../../../../contracts/routes'
import { formatLocal } from '../../../../../domain/local-time'
import { t } from '../../../../../i18n/strings'
import { callAction } from '../../../../api/client'
import AnnouncementCard from '../../../../components/announcement-card'
import { unreadIds } from '../../../../components/announcement-card/utils'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import './index.scss'

export default function AnnouncementsPage() {
  const groupId = useRouter().params.id ?? ''
  const list = usePagedAction(listAnnouncements, { groupId })
  const { state, reload } = list
  const all: AnnouncementView[] = state.status === 'ready' ? [...state.data.pinned, ...list.items] : []
  useMarkRead(groupId, unreadIds(all))

  return (
    <PageShell name="announcements-page">
      {state.status === 'loading' && state.first && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="announcements-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="announcements">
          {state.data.canManage && (
            <Button id="announcements-manage" block fill="outline" className="announcements-manage" onClick={() => Taro.navigateTo({ url: pageUrl('manageAnnouncements', { id: groupId }) })}>
              {t('announcements.manage')}
            </Button>
          )}
          {all.length === 0 && (
            <Text id="announcements-empty" className="announcements-empty">
              {t('announcements.empty')}
            </Text>
          )}
          {all.map((a) => (
            <AnnouncementCard key={a.id} announcement={a} timezone={state.data.timezone} />
          ))}
          <LoadMore id="announcements-more" list={list} />
        </View>
      )}
    </PageShell>
  )
}

/** Mark what was shown unread as read, once per id (a later page of the list marks its own). */
function useMarkRead(groupId: string, ids: string[]): void {
  const sent = useRef(new Set<string>())
  const fresh = ids.filter((id) => !sent.current.has(id))
  const key = fresh.join(',')
  useEffect(() => {
    if (key === '') return
    for (const id of fresh) sent.current.add(id)
    // Best effort: an unread mark that fails is sent again the next time the page shows it.
    callAction(markAnnouncementsRead, { groupId, announcementIds: fresh }).catch(() => {
      for (const id of fresh) sent.current.delete(id)
    })
  }, [groupId, key]) // `fresh` is what `key` names
}
