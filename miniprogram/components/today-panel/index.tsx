/** The group home's today panel: today's task, my check-in (done + streak, or a big 去打卡), the latest pinned announcement. See README.md. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { GroupToday } from '../../../contracts/group'
import { pageUrl } from '../../../contracts/routes'
import { t } from '../../../i18n/strings'
import AppButton from '../app-button'
import { checkinLine, taskLine } from './utils'
import './index.scss'

export default function TodayPanel({ groupId, today }: { groupId: string; today: GroupToday }) {
  const task = taskLine(today)
  const openCheckin = () => Taro.navigateTo({ url: pageUrl('checkin', { id: groupId }) })
  return (
    <View id="today-panel" className="today-panel">
      <View className="today-panel__card">
        <View id="hub-task" className="today-panel__task" onClick={openCheckin}>
          <Text className="today-panel__label">{t('hub.taskLabel')}</Text>
          <Text id="hub-task-text" className={task.waiting ? 'today-panel__task-text is-waiting' : 'today-panel__task-text'}>
            {task.text}
          </Text>
        </View>
        <View className="today-panel__checkin">
          <Text id="hub-checkin-status" className={today.checkedIn ? 'today-panel__status is-done' : 'today-panel__status'}>
            {checkinLine(today)}
          </Text>
          {!today.checkedIn && (
            <AppButton id="hub-checkin-go" type="primary" size="large" block onClick={openCheckin}>
              {t('hub.checkinGo')}
            </AppButton>
          )}
        </View>
      </View>
      {today.pinned && (
        <View id="hub-pinned" className="today-panel__pinned" onClick={() => Taro.navigateTo({ url: pageUrl('announcements', { id: groupId }) })}>
          <Text className="today-panel__pin-tag">{t('hub.pinned')}</Text>
          <Text id="hub-pinned-title" className="today-panel__pin-title">
            {today.pinned.title}
          </Text>
          <Text className="today-panel__chevron">›</Text>
        </View>
      )}
    </View>
  )
}
