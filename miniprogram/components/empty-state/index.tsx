/** Nothing to show (or a failed load): a drawn disc and a sentence, centred (NutUI's Empty, without NutUI). See README.md. */
import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { emptyPictureClass, type EmptyTone } from './utils'
import './index.scss'

export interface EmptyStateProps {
  description: string
  tone?: EmptyTone
}

export default function EmptyState({ description, tone, children }: PropsWithChildren<EmptyStateProps>) {
  return (
    <View className="empty-state">
      <View className="empty-state__picture">
        <View className={emptyPictureClass(tone)} />
      </View>
      <Text className="empty-state__description">{description}</Text>
      {children}
    </View>
  )
}
