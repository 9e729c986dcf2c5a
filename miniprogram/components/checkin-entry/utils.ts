/**
 * Pure helpers of the check-in entry: the like line under an entry and the full-screen preview request.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   likeLine({ count: 5, mine: true, names: ['张三-郑州-教师', '李四-洛阳-工程师'] })   // '张三-郑州-教师、李四-洛阳-工程师 等 5 人觉得很赞'
 *   previewRequest('b.png', ['a.png', null, 'b.png'])                                     // { current: 'b.png', urls: ['a.png', 'b.png'] }
 */
import type { LikeSummary } from '../../../contracts/checkin'
import { t } from '../../../i18n/strings'

/** How many liker names the line spells out before 「等 n 人」. */
export const NAMES_IN_LINE = 3

export function likeLine(likes: LikeSummary): string {
  if (likes.count === 0) return ''
  const names = likes.names.slice(0, NAMES_IN_LINE).join('、')
  return likes.count > Math.min(NAMES_IN_LINE, likes.names.length) ? t('checkin.likedByMore', { names, count: likes.count }) : t('checkin.likedBy', { names })
}

/** What `previewImage` (platform/preview-image) takes: the tapped photo and the others beside it (so a swipe goes through the list). */
export function previewRequest(current: string, urls: Array<string | null | undefined>): { current: string; urls: string[] } {
  const list = [...new Set(urls.filter((url): url is string => typeof url === 'string' && url !== ''))]
  return { current, urls: list.includes(current) ? list : [current, ...list] }
}
