/**
 * Announcements page (pages/announcements/index?id=<groupId>): pinned announcements on top, then the rest
 * newest first with "load more"; admins get pin / unpin on each (posting is on pages/tasks).
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listAnnouncements, setAnnouncementPinned, type AnnouncementList, type AnnouncementView } from '../../../contracts/board'
import { formatLocal } from '../../../domain/days'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import ErrorState from '../../components/error-state'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'

export default function AnnouncementsPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const [version, setVersion] = useState(0)
  const { state, reload } = useActionData(listAnnouncements, { groupId }, `${personaKey}:${version}`)
  return (
    <View className="page announcements-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {state.status === 'loading' && version === 0 && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="announcements-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <Announcements groupId={groupId} first={state.data} onChanged={() => setVersion((n) => n + 1)} />}
    </View>
  )
}

function Announcements({ groupId, first, onChanged }: { groupId: string; first: AnnouncementList; onChanged: () => void }) {
  const [items, setItems] = useState(first.items)
  const [next, setNext] = useState(first.next)
  const [error, setError] = useState('')
  useEffect(() => {
    setItems(first.items)
    setNext(first.next)
  }, [first])

  const more = async () => {
    if (next === null) return
    const page = await callAction(listAnnouncements, { groupId, cursor: next })
    setItems((current) => [...current, ...page.items])
    setNext(page.next)
  }
  const pin = async (announcement: AnnouncementView) => {
    try {
      await callAction(setAnnouncementPinned, { groupId, announcementId: announcement.id, pinned: !announcement.pinned })
      onChanged()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const all = [...first.pinned, ...items]
  return (
    <View id="announcements">
      {all.length === 0 && <Text className="announcement__meta">{t('announcements.empty')}</Text>}
      {error !== '' && <Text className="announcement__error">{error}</Text>}
      {all.map((a) => (
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
            <Text className="announcement__meta">{t('announcements.by', { name: a.authorName, time: formatLocal(a.createdAt, first.timezone) })}</Text>
            {first.canManage && (
              <Button id={`pin-${a.id}`} size="small" fill="none" onClick={() => pin(a)}>
                {a.pinned ? t('announcements.unpin') : t('announcements.pin')}
              </Button>
            )}
          </View>
        </View>
      ))}
      {next !== null && (
        <Button id="announcements-more" size="small" fill="none" block onClick={more}>
          {t('checkin.loadMore')}
        </Button>
      )}
    </View>
  )
}
