/**
 * The class names of `components/app-button`: its type, fill, size, width and state, as plain strings.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   appButtonClass({ type: 'primary', size: 'large', block: true })   // 'app-button app-button--primary app-button--solid app-button--large app-button--block'
 */

export type AppButtonType = 'primary' | 'default' | 'danger'
export type AppButtonFill = 'solid' | 'outline'
export type AppButtonSize = 'small' | 'normal' | 'large'

export interface AppButtonLook {
  type?: AppButtonType
  /** Default: solid for primary and danger, outline for default (as NutUI's buttons looked). */
  fill?: AppButtonFill
  size?: AppButtonSize
  block?: boolean
  /** Disabled or loading: greyed out, taps ignored. */
  inactive?: boolean
  className?: string
}

export function appButtonClass({ type = 'default', fill, size = 'normal', block = false, inactive = false, className }: AppButtonLook): string {
  const look = fill ?? (type === 'default' ? 'outline' : 'solid')
  return [
    'app-button',
    `app-button--${type}`,
    `app-button--${look}`,
    size === 'normal' ? '' : `app-button--${size}`,
    block ? 'app-button--block' : '',
    inactive ? 'is-inactive' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ')
}
