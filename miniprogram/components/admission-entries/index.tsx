/** Entry buttons to the admission pages, by the viewer's role. See README.md. */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { admissionEntries, type AdmissionEntry } from './utils'
import './index.scss'

/** Each label written out, so the app build can put the text itself here (babel.config.js, inlineTexts). */
const LABELS: Record<AdmissionEntry['label'], string> = {
  'groupEntry.apply': t('groupEntry.apply'),
  'groupEntry.review': t('groupEntry.review'),
  'groupEntry.members': t('groupEntry.members'),
  'groupEntry.invite': t('groupEntry.invite'),
  'groupEntry.inbox': t('groupEntry.inbox'),
  'groupEntry.settings': t('groupEntry.settings'),
  'groupEntry.joinGuide': t('groupEntry.joinGuide'),
}

export default function AdmissionEntries({ groupId, viewerRole, withoutApply = false }: { groupId: string; viewerRole: Role | null; withoutApply?: boolean }) {
  // withoutApply: the page shows the visitor's own application status (or the apply button) itself.
  return (
    <View id="admission-entries" className="admission-entries">
      {admissionEntries(groupId, viewerRole).filter((entry) => !(withoutApply && entry.key === 'apply')).map((entry) => (
        <Button
          key={entry.key}
          id={`entry-${entry.key}`}
          size="small"
          type={entry.key === 'apply' || entry.key === 'review' ? 'primary' : 'default'}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        >
          {LABELS[entry.label]}
        </Button>
      ))}
    </View>
  )
}
