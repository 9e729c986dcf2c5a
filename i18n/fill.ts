/**
 * A text's `{name}` placeholders filled from `params` (a name `params` lacks stays as written). `t()` uses it,
 * and so does the app, where the build writes each text in place of its `t('key', params)` (babel.config.js).
 *
 * @example
 *   fillText('{count} 位成员', { count: 20 })  // '20 位成员'
 */
export function fillText(text: string, params?: Record<string, string | number>): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
