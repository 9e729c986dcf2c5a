/**
 * A failed load: the ApiError's message (already user-facing Chinese) and a retry button.
 * The caller names the container (e.g. `group-error`); the button is always `retry-button`.
 */
import { View } from '@tarojs/components'
import { Button, Empty } from '@nutui/nutui-react-taro'
import { t } from '../../../i18n/strings'
import './index.scss'

export interface ErrorStateProps {
  id: string
  message: string
  onRetry: () => void
}

export default function ErrorState({ id, message, onRetry }: ErrorStateProps) {
  return (
    <View id={id} className="error-state">
      <Empty image={<View className="empty-illustration is-error" />} imageSize={72} description={message} />
      <View className="error-state__actions">
        <Button id="retry-button" type="primary" size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </View>
    </View>
  )
}
