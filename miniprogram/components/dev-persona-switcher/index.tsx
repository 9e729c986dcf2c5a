/**
 * Dev-mode "act as" switcher (H5 + local runtime only): one button per persona; choosing one makes
 * later API calls carry that persona's OPENID, and the page re-fetches. Renders nothing in the
 * WeChat build or outside dev mode. See README.md.
 */
import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n/strings'
import type { DevSession } from '../../api/dev-session'
import AppButton from '../app-button'
import { personaButtonId, personaLabel, shouldShowPersonaSwitcher } from './utils'
import './index.scss'

export interface DevPersonaSwitcherProps {
  session: DevSession
  currentKey: string
  onChange: (key: string) => void
}

export default function DevPersonaSwitcher({ session, currentKey, onChange }: DevPersonaSwitcherProps) {
  if (process.env.TARO_ENV !== 'h5') return null
  if (!shouldShowPersonaSwitcher(process.env.TARO_ENV, session)) return null

  return (
    <View id="dev-persona-switcher" className="dev-persona-switcher">
      <Text className="dev-persona-switcher__title">{t('dev.actAs')}</Text>
      <View className="dev-persona-switcher__buttons">
        {session.personas.map((persona) => {
          const active = persona.key === currentKey
          return (
            <AppButton
              key={persona.key}
              id={personaButtonId(persona.key)}
              className={active ? 'dev-persona-switcher__button is-active' : 'dev-persona-switcher__button'}
              type={active ? 'primary' : 'default'}
              size="small"
              onClick={() => onChange(persona.key)}
            >
              {personaLabel(persona)}
            </AppButton>
          )
        })}
      </View>
    </View>
  )
}
