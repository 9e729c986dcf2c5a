/**
 * Announcements page (pages/announcements/index?id=<groupId>): pinned announcements on top, then the rest
 * newest first with "load more"; admins get pin / unpin, edit (in place) and delete (after a confirmation)
 * on each (posting is on packages/admin/pages/tasks). An edited announcement says so (已编辑).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import {
  MAX_ANNOUNCEMENT_BODY,
  MAX_ANNOUNCEMENT_TITLE,
  deleteAnnouncement,
  editAnnouncement,
  listAnnouncements,
  setAnnouncementPinned,
  type AnnouncementView,
} from '../../../contracts/board'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import FormField from '../../components/form-field'
import PageShell from '../../components/page-shell'
import LoadMore from '../../components/load-more'
import { useAction } from '../../hooks/use-action'
import { usePagedAction } from '../../hooks/use-paged-action'
import './index.scss'

interface Manage {
  pin: (announcement: AnnouncementView) => void
  remove: (announcement: AnnouncementView) => void
  edit: (announcement: AnnouncementView, title: string, body: string) => Promise<boolean>
}

export default function AnnouncementsPage() {
  const groupId = useRouter().params.id ?? ''
  const list = usePagedAction(listAnnouncements, { groupId })
  const { state, reload } = list
  const setPinned = useAction(setAnnouncementPinned)
  const removeIt = useAction(deleteAnnouncement)
  const editIt = useAction(editAnnouncement)
  const error = setPinned.error || removeIt.error || editIt.error

  const manage: Manage = {
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
    <PageShell name="announcements-page">
      {state.status === 'loading' && state.first && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="announcements-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="announcements">
          {error !== '' && (
            <Text id="announcements-message" className="announcement__error">
              {error}
            </Text>
          )}
          {renderAnnouncements([...state.data.pinned, ...list.items], state.data.canManage ? manage : null, state.data.timezone)}
          <LoadMore id="announcements-more" list={list} />
        </View>
      )}
    </PageShell>
  )
}

function renderAnnouncements(all: AnnouncementView[], manage: Manage | null, timezone: string) {
  if (all.length === 0) return <Text className="announcement__meta">{t('announcements.empty')}</Text>
  return all.map((a) => <Announcement key={a.id} announcement={a} manage={manage} timezone={timezone} />)
}

function Announcement({ announcement: a, manage, timezone }: { announcement: AnnouncementView; manage: Manage | null; timezone: string }) {
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(a.title)
  const [body, setBody] = useState(a.body)
  const byline = t('announcements.by', { name: a.authorName, time: formatLocal(a.createdAt, timezone) })
  return (
    <View id={`announcement-${a.id}`} className={`announcement${a.pinned ? ' is-pinned' : ''}`}>
      {editing && manage ? (
        <View id={`announcement-edit-form-${a.id}`}>
          <FormField id={`announcement-edit-title-${a.id}`} value={title} maxLength={MAX_ANNOUNCEMENT_TITLE} onInput={setTitle} />
          <FormField id={`announcement-edit-body-${a.id}`} multiline value={body} maxLength={MAX_ANNOUNCEMENT_BODY} onInput={setBody} />
          <View className="announcement__foot">
            <Button id={`announcement-save-${a.id}`} size="small" type="primary" onClick={async () => setEditing(!(await manage.edit(a, title, body)))}>
              {t('announcements.save')}
            </Button>
            <Button id={`announcement-cancel-${a.id}`} size="small" fill="none" onClick={() => setEditing(false)}>
              {t('announcements.cancel')}
            </Button>
          </View>
        </View>
      ) : (
        <>
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
            <Text className="announcement__meta">{a.editedAt ? `${byline} · ${t('announcements.edited')}` : byline}</Text>
            {manage && (
              <View className="announcement__actions">
                <Button id={`pin-${a.id}`} size="small" fill="none" onClick={() => manage.pin(a)}>
                  {a.pinned ? t('announcements.unpin') : t('announcements.pin')}
                </Button>
                <Button id={`edit-${a.id}`} size="small" fill="none" onClick={() => setEditing(true)}>
                  {t('announcements.edit')}
                </Button>
                <Button id={`delete-${a.id}`} size="small" fill="none" type="danger" onClick={() => manage.remove(a)}>
                  {t('announcements.delete')}
                </Button>
              </View>
            )}
          </View>
        </>
      )}
    </View>
  )
}
