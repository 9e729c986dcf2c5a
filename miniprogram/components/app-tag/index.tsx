/** A small coloured label (the group's topic and status, a lottery's phase), without NutUI. See README.md. */
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { appTagClass, type AppTagType } from './utils'
import './index.scss'

export default function AppTag({ type, children }: PropsWithChildren<{ type?: AppTagType }>) {
  return <View className={appTagClass(type)}>{children}</View>
}
