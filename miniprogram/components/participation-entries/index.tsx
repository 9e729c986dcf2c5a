/** The group page's read-only banner when the group is archived, and its entries to the participation pages, by role. See README.md. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { GroupStatus, Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { participationEntries } from './utils'
import './index.scss'

export interface ParticipationEntriesProps {
  groupId: string
  viewerRole: Role | null
  status: GroupStatus
}

export default function ParticipationEntries({ groupId, viewerRole, status }: ParticipationEntriesProps) {
  const entries = participationEntries(groupId, viewerRole)
  return (
    <View className="participation-entries">
      {status === 'archived' && (
        <Text id="group-archived-banner" className="participation-entries__archived">
          {t('pEntry.archivedBanner')}
        </Text>
      )}
      {entries.length > 0 && (
        <View id="participation-entries" className="participation-entries__row">
          {entries.map((entry) => (
            <Button key={entry.key} id={`entry-${entry.key}`} size="small" fill="outline" type={entry.key === 'dashboard' ? 'primary' : 'default'} onClick={() => Taro.navigateTo({ url: entry.url })}>
              {t(entry.label)}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
