/**
 * Inbox page (packages/member/pages/inbox/index): the caller's messages, newest first — decisions on applications,
 * removals, ownership — with the unread count; tapping one marks it read and opens its link (a message stored
 * before its page moved carries the old path: `currentPageUrl` gives today's); 全部已读
 * marks every message read. Above them, 群动态: the caller's groups with new announcements or rules to confirm
 * (components/board-notices), which are group-wide and read where they are, not messages.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge, Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { formatPhoneLocal } from '../../../../../domain/local-time'
import { listInbox, markInboxRead, type InboxItem } from '../../../../../contracts/inbox'
import { t } from '../../../../../i18n/strings'
import { currentPageUrl } from '../../../../../contracts/routes'
import { callAction } from '../../../../api/client'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import BoardNotices from '../../../../components/board-notices'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import './index.scss'

export default function InboxPage() {
  const inbox = usePagedAction(listInbox, {})
  const { state, reload } = inbox

  async function open(item: InboxItem) {
    if (!item.read) await callAction(markInboxRead, { messageId: item.id }).catch(() => undefined)
    reload()
    if (item.link) Taro.navigateTo({ url: currentPageUrl(item.link) })
  }

  async function markAll() {
    await callAction(markInboxRead, {}).catch(() => undefined)
    reload()
  }

  return (
    <PageShell name="inbox-page">
      {state.status === 'loading' && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="inbox-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="inbox-list">
          <View className="inbox-toolbar">
            <Text id="inbox-unread">{t('inbox.unread', { count: state.data.unread })}</Text>
            {state.data.unread > 0 && (
              <Button id="inbox-mark-all" size="mini" onClick={markAll}>
                {t('inbox.markAllRead')}
              </Button>
            )}
          </View>
          <BoardNotices notices={state.data.board ?? []} />
          {inbox.items.length === 0 && (
            <View id="inbox-empty">
              <Empty image={<View className="empty-illustration" />} imageSize={72} description={t('inbox.empty')} />
            </View>
          )}
          {inbox.items.map((item, index) => (
            <View key={item.id} id={`inbox-item-${index}`} className={item.read ? 'inbox-item' : 'inbox-item is-unread'} onClick={() => open(item)}>
              <View className="inbox-item__header">
                {!item.read && <Badge dot />}
                <Text className="inbox-item__title">{item.title}</Text>
              </View>
              <Text className="inbox-item__body">{item.body}</Text>
              <Text className="inbox-item__time">{formatPhoneLocal(item.createdAt)}</Text>
            </View>
          ))}
          <LoadMore id="inbox-more" list={inbox} />
        </View>
      )}
    </PageShell>
  )
}
