/**
 * Admins' announcements page (packages/admin/pages/announcements/index?id=<groupId>): post an announcement
 * (optionally pinned; one request id per opened form, so a double tap posts once), then every announcement
 * with how many members have read it (已读 N/M, for the group's recent ones) and pin / unpin, edit in place and
 * delete (after a confirmation). Members who open it see the list only; the server refuses their writes anyway.
 */
import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import {
  MAX_ANNOUNCEMENT_BODY,
  MAX_ANNOUNCEMENT_TITLE,
  deleteAnnouncement,
  editAnnouncement,
  listAnnouncements,
  postAnnouncement,
  setAnnouncementPinned,
} from '../../../../../contracts/board'
import { t } from '../../../../../i18n/strings'
import AnnouncementCard, { type AnnouncementManage } from '../../../../components/announcement-card'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import { useAction } from '../../../../hooks/use-action'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { useRequestId } from '../../../../hooks/request-id'
import './index.scss'

export default function ManageAnnouncementsPage() {
  const groupId = useRouter().params.id ?? ''
  const list = usePagedAction(listAnnouncements, { groupId })
  const { state, reload } = list
  const setPinned = useAction(setAnnouncementPinned)
  const removeIt = useAction(deleteAnnouncement)
  const editIt = useAction(editAnnouncement)
  const error = setPinned.error || removeIt.error || editIt.error

  const manage: AnnouncementManage = {
    pin: async (announcement) => {
      if (await setPinned.run({ groupId, announcementId: announcement.id, pinned: !announcement.pinned })) reload()
    },
    remove: async (announcement) => {
      const answer = await Taro.showModal({ title: t('announcements.confirmDelete', { title: announcement.title }), content: '' })
      if (!answer.confirm) return
      if (await removeIt.run({ groupId, announcementId: announcement.id })) {
        Taro.showToast({ title: t('announcements.deleted'), icon: 'none' })
        reload()
      }
    },
    edit: async (announcement, title, body) => {
      if (!(await editIt.run({ groupId, announcementId: announcement.id, title, body }))) return false
      Taro.showToast({ title: t('announcements.saved'), icon: 'none' })
      reload()
      return true
    },
  }

  return (
    <PageShell name="manage-announcements-page">
      {state.status === 'loading' && state.first && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="announcements-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="announcements">
          {state.data.canManage ? (
            <AnnouncementForm groupId={groupId} onPosted={reload} />
          ) : (
            <Text id="announcements-admins-only" className="manage-hint">
              {t('tasks.adminsOnly')}
            </Text>
          )}
          {error !== '' && (
            <Text id="announcements-message" className="form-error">
              {error}
            </Text>
          )}
          <View id="announcements-list">
            {[...state.data.pinned, ...list.items].length === 0 && <Text className="manage-hint">{t('announcements.empty')}</Text>}
            {[...state.data.pinned, ...list.items].map((a) => (
              <AnnouncementCard key={a.id} announcement={a} timezone={state.data.timezone} manage={state.data.canManage ? manage : null} memberCount={state.data.memberCount} />
            ))}
          </View>
          <LoadMore id="announcements-more" list={list} />
        </View>
      )}
    </PageShell>
  )
}

function AnnouncementForm({ groupId, onPosted }: { groupId: string; onPosted: () => void }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pinned, setPinned] = useState(false)
  const postIt = useAction(postAnnouncement)
  // One id per opened form, the same on every retry and double tap: one announcement.
  const request = useRequestId()
  const post = async () => {
    if (!(await postIt.run({ groupId, title, body, pinned, requestId: request.id }))) return
    request.renew()
    Taro.showToast({ title: t('announcements.posted'), icon: 'none' })
    setTitle('')
    setBody('')
    setPinned(false)
    onPosted()
  }
  return (
    <View id="announcement-form" className="manage-card">
      <Text className="manage-card__title">{t('announcements.post')}</Text>
      <FormField id="announcement-title" value={title} maxLength={MAX_ANNOUNCEMENT_TITLE} placeholder={t('announcements.titlePlaceholder')} onInput={setTitle} />
      <FormField
        id="announcement-body"
        multiline
        controlClassName="manage-textarea"
        value={body}
        maxLength={MAX_ANNOUNCEMENT_BODY}
        placeholder={t('announcements.bodyPlaceholder')}
        onInput={setBody}
      />
      <View className="manage-row">
        <Text>{t('announcements.pinOnPost')}</Text>
        <Switch id="announcement-pinned" checked={pinned} color="#07c160" onChange={(e) => setPinned(e.detail.value)} />
      </View>
      {postIt.error !== '' && <Text className="form-error">{postIt.error}</Text>}
      <Button id="announcement-post" type="primary" block loading={postIt.busy} onClick={post}>
        {t('announcements.post')}
      </Button>
    </View>
  )
}
