/** Entry buttons to the admission pages, by the viewer's role. See README.md. */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { admissionEntries } from './utils'
import './index.scss'

export default function AdmissionEntries({ groupId, viewerRole }: { groupId: string; viewerRole: Role | null }) {
  return (
    <View id="admission-entries" className="admission-entries">
      {admissionEntries(groupId, viewerRole).map((entry) => (
        <Button
          key={entry.key}
          id={`entry-${entry.key}`}
          size="small"
          type={entry.key === 'apply' || entry.key === 'review' ? 'primary' : 'default'}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        >
          {t(entry.label)}
        </Button>
      ))}
    </View>
  )
}
