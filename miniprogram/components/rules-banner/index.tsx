/** The group home's 群规已更新，请确认 banner, until the member confirms. See README.md. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BoardBadges } from '../../../contracts/board'
import { t } from '../../../i18n/strings'
import AppButton from '../app-button'
import { rulesBanner } from './utils'
import './index.scss'

export default function RulesBanner({ groupId, board }: { groupId: string; board: BoardBadges | null | undefined }) {
  const banner = rulesBanner(groupId, board)
  if (!banner) return null
  const open = () => Taro.navigateTo({ url: banner.url })
  return (
    <View id="rules-banner" className="rules-banner" onClick={open}>
      <View className="rules-banner__text">
        <Text className="rules-banner__title">{t('board.rulesUpdated')}</Text>
        <Text className="rules-banner__hint">{t('board.rulesUpdatedHint', { version: banner.version })}</Text>
      </View>
      <AppButton id="rules-banner-confirm" size="small" type="primary" onClick={open}>
        {t('board.confirmRules')}
      </AppButton>
    </View>
  )
}
