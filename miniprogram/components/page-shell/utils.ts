/**
 * Pure helpers of the page shell. No Taro imports, so they are unit-tested directly (utils.test.ts).
 */

/** The page box's classes: the shared `page` (app.scss) and the page's own. */
export function pageClassName(name: string): string {
  return name ? `page ${name}` : 'page'
}
