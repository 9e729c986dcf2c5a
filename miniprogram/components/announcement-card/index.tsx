/**
 * One announcement as a card: pinned tag, title, text, author and time (已编辑 when edited), 未读 for the
 * caller's unread ones (on the members' page), and for admins the read count and pin / edit in place / delete.
 * See README.md.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MAX_ANNOUNCEMENT_BODY, MAX_ANNOUNCEMENT_TITLE, type AnnouncementView } from '../../../contracts/board'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import FormField from '../form-field'
import { readLine } from './utils'
import './index.scss'

export interface AnnouncementManage {
  pin: (announcement: AnnouncementView) => void
  remove: (announcement: AnnouncementView) => void
  edit: (announcement: AnnouncementView, title: string, body: string) => Promise<boolean>
}

export default function AnnouncementCard({
  announcement: a,
  timezone,
  manage,
  memberCount,
}: {
  announcement: AnnouncementView
  timezone: string
  manage?: AnnouncementManage | null
  memberCount?: number
}) {
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(a.title)
  const [body, setBody] = useState(a.body)
  const byline = t('announcements.by', { name: a.authorName, time: formatLocal(a.createdAt, timezone) })
  const reads = readLine(a, memberCount)
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
              <Tag type="primary">
                <Text>{t('announcements.pinned')}</Text>
              </Tag>
            )}
            {a.read === false && !manage && (
              <Tag type="warning">
                <Text id={`announcement-unread-${a.id}`}>{t('announcements.unread')}</Text>
              </Tag>
            )}
            <Text className="announcement__title">{a.title}</Text>
          </View>
          <Text className="announcement__body">{a.body}</Text>
          <Text className="announcement__meta">{a.editedAt ? `${byline} · ${t('announcements.edited')}` : byline}</Text>
          {reads !== '' && (
            <Text id={`announcement-reads-${a.id}`} className="announcement__reads">
              {reads}
            </Text>
          )}
          {manage && (
            <View className="announcement__actions">
              <Button id={`pin-${a.id}`} size="small" fill="outline" onClick={() => manage.pin(a)}>
                {a.pinned ? t('announcements.unpin') : t('announcements.pin')}
              </Button>
              <Button id={`edit-${a.id}`} size="small" fill="outline" onClick={() => setEditing(true)}>
                {t('announcements.edit')}
              </Button>
              <Button id={`delete-${a.id}`} size="small" fill="outline" type="danger" onClick={() => manage.remove(a)}>
                {t('announcements.delete')}
              </Button>
            </View>
          )}
        </>
      )}
    </View>
  )
}
