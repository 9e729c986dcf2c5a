/**
 * The main package's button: Taro's `<Button>` with the app's own look — WeChat green primary, 44 px tall
 * (small 36, large 48), rounded — instead of NutUI's, so the home page and the group home ship no NutUI.
 * While `loading` it shows a spinner and ignores taps; `disabled` greys it out. See README.md.
 */
import type { PropsWithChildren } from 'react'
import { Button, View } from '@tarojs/components'
import { appButtonClass, type AppButtonLook } from './utils'
import './index.scss'

export interface AppButtonProps extends Omit<AppButtonLook, 'inactive'> {
  id?: string
  loading?: boolean
  disabled?: boolean
  onClick?: () => void
}

export default function AppButton({ id, loading = false, disabled = false, onClick, children, ...look }: PropsWithChildren<AppButtonProps>) {
  const inactive = loading || disabled
  return (
    <Button
      id={id}
      className={appButtonClass({ ...look, inactive })}
      hoverClass={inactive ? 'none' : 'app-button--pressed'}
      disabled={disabled}
      onClick={inactive ? undefined : () => onClick?.()}
    >
      {loading && <View className="app-button__spinner" />}
      {children}
    </Button>
  )
}
