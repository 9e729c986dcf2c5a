/**
 * A failed load: the ApiError's message (already user-facing Chinese) and a retry button.
 * The caller names the container (e.g. `group-error`); the button is always `retry-button`.
 * Built without NutUI (components/empty-state, components/app-button): every page shows it, the main
 * package's too.
 */
import { View } from '@tarojs/components'
import { t } from '../../../i18n/strings'
import AppButton from '../app-button'
import EmptyState from '../empty-state'
import './index.scss'

export interface ErrorStateProps {
  id: string
  message: string
  onRetry: () => void
}

export default function ErrorState({ id, message, onRetry }: ErrorStateProps) {
  return (
    <View id={id} className="error-state">
      <EmptyState tone="error" description={message}>
        <View className="error-state__actions">
          <AppButton id="retry-button" type="primary" size="small" onClick={onRetry}>
            {t('common.retry')}
          </AppButton>
        </View>
      </EmptyState>
    </View>
  )
}
