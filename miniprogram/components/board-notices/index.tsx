/** The inbox's 群动态: one notice per group with unread announcements or rules to confirm. See README.md. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge, Button } from '@nutui/nutui-react-taro'
import type { BoardNotice } from '../../../contracts/inbox'
import { pageUrl } from '../../../contracts/routes'
import { t } from '../../../i18n/strings'
import { noticeLines } from './utils'
import './index.scss'

export default function BoardNotices({ notices }: { notices: BoardNotice[] }) {
  if (notices.length === 0) return null
  return (
    <View id="board-notices" className="board-notices">
      <Text className="board-notices__title">{t('board.noticesTitle')}</Text>
      {notices.map((notice) => (
        <View key={notice.groupId} id={`board-notice-${notice.groupId}`} className="board-notice">
          <View className="board-notice__text">
            <View className="board-notice__head">
              <Badge dot />
              <Text className="board-notice__group">{notice.groupName}</Text>
            </View>
            <Text className="board-notice__lines">{noticeLines(notice).join(' · ')}</Text>
          </View>
          <View className="board-notice__actions">
            {notice.unreadAnnouncements > 0 && (
              <Button id={`board-notice-announcements-${notice.groupId}`} size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('announcements', { id: notice.groupId }) })}>
                {t('board.openAnnouncements')}
              </Button>
            )}
            {notice.rulesToConfirm !== null && (
              <Button id={`board-notice-rules-${notice.groupId}`} size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('rules', { id: notice.groupId }) })}>
                {t('board.openRules')}
              </Button>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
