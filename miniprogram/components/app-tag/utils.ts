/**
 * The class name of `components/app-tag` by its colour. No Taro imports, so it is unit-tested directly.
 *
 * @example
 *   appTagClass('success')   // 'app-tag app-tag--success'
 */
export type AppTagType = 'primary' | 'success' | 'warning' | 'danger' | 'default'

export function appTagClass(type: AppTagType = 'default'): string {
  return `app-tag app-tag--${type}`
}
