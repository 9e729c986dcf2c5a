/** Entry buttons of the group page to the daily loop (check-in, rules, announcements, publishing), by role. See README.md. */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { dailyEntries, type DailyEntry } from './utils'
import './index.scss'

/** Each label written out, so the app build can put the text itself here (babel.config.js, inlineTexts). */
const LABELS: Record<DailyEntry['label'], string> = {
  'groupEntry.checkin': t('groupEntry.checkin'),
  'groupEntry.rules': t('groupEntry.rules'),
  'groupEntry.announcements': t('groupEntry.announcements'),
  'groupEntry.tasks': t('groupEntry.tasks'),
}

export default function DailyEntries({ groupId, viewerRole }: { groupId: string; viewerRole: Role | null }) {
  const entries = dailyEntries(groupId, viewerRole)
  if (entries.length === 0) return null
  return (
    <View id="daily-entries" className="daily-entries">
      {entries.map((entry) => (
        <Button
          key={entry.key}
          id={`entry-${entry.key}`}
          size="small"
          type={entry.key === 'checkin' ? 'primary' : 'default'}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        >
          {LABELS[entry.label]}
        </Button>
      ))}
    </View>
  )
}
