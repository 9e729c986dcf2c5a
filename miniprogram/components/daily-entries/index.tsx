/** Entry buttons of the group page to the daily loop (check-in, rules, announcements, publishing), by role. See README.md. */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge, Button } from '@nutui/nutui-react-taro'
import type { BoardBadges } from '../../../contracts/board'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { dailyEntries, entryBadge, type DailyEntry } from './utils'
import './index.scss'

/** Each label written out, so the app build can put the text itself here (babel.config.js, inlineTexts). */
const LABELS: Record<DailyEntry['label'], string> = {
  'groupEntry.checkin': t('groupEntry.checkin'),
  'groupEntry.rules': t('groupEntry.rules'),
  'groupEntry.announcements': t('groupEntry.announcements'),
  'groupEntry.tasks': t('groupEntry.tasks'),
  'groupEntry.manageAnnouncements': t('groupEntry.manageAnnouncements'),
  'groupEntry.manageRules': t('groupEntry.manageRules'),
}

export default function DailyEntries({ groupId, viewerRole, board }: { groupId: string; viewerRole: Role | null; board?: BoardBadges | null }) {
  const entries = dailyEntries(groupId, viewerRole)
  if (entries.length === 0) return null
  return (
    <View id="daily-entries" className="daily-entries">
      {entries.map((entry) => (
        <EntryButton key={entry.key} entry={entry} badge={entryBadge(entry.key, board)} />
      ))}
    </View>
  )
}

function EntryButton({ entry, badge }: { entry: DailyEntry; badge: ReturnType<typeof entryBadge> }) {
  const button = (
    <Button id={`entry-${entry.key}`} size="small" type={entry.key === 'checkin' ? 'primary' : 'default'} onClick={() => Taro.navigateTo({ url: entry.url })}>
      {LABELS[entry.label]}
    </Button>
  )
  if (!badge) return button
  return (
    <View id={`entry-${entry.key}-badge`} className="daily-entries__badged">
      {'dot' in badge ? <Badge dot>{button}</Badge> : <Badge value={badge.count}>{button}</Badge>}
    </View>
  )
}
