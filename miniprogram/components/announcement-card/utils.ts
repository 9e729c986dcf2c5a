/**
 * What an announcement card says about reading: which of a list the caller has not read (the page marks
 * them read once shown), and, for admins, how many members have read one.
 *
 * @example
 *   unreadIds([{ id: 'ann_a', read: false }, { id: 'ann_b', read: true }])  // ['ann_a']
 *   readLine({ readCount: 3 }, 20)                                          // '已读 3/20'
 */
import { MAX_MARK_READ, type AnnouncementView } from '../../../contracts/board'
import { t } from '../../../i18n/strings'

export function unreadIds(list: Array<Pick<AnnouncementView, 'id' | 'read'>>): string[] {
  return list.filter((a) => a.read === false).map((a) => a.id).slice(0, MAX_MARK_READ)
}

/** '已读 N/M' for an admin's view of a recent announcement; '' when the view carries no count. */
export function readLine(view: Pick<AnnouncementView, 'readCount'>, memberCount: number | undefined): string {
  if (view.readCount === undefined || view.readCount === null || memberCount === undefined) return ''
  return t('announcements.readCount', { count: view.readCount, total: memberCount })
}
