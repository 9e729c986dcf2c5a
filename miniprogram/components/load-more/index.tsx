/**
 * The foot of a paged list: a 加载更多 button while the server has more, and the last "load more" failure
 * under it (the items already shown stay). Feed it the list's `usePagedAction` result.
 *
 * @example
 *   const inbox = usePagedAction(listInbox, {})
 *   <LoadMore id="inbox-more" list={inbox} />
 */
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { t } from '../../../i18n/strings'
import type { PagedData } from '../../hooks/use-paged-action'
import './index.scss'

export interface LoadMoreProps {
  /** The button's id (tests and E2E click it). */
  id: string
  list: Pick<PagedData<unknown>, 'hasMore' | 'loadingMore' | 'loadMore' | 'moreError'>
  /** The button text (default 加载更多). */
  label?: string
  /** `outline` for a list that is the page's main content, `none` (default) for a list inside a card. */
  fill?: 'none' | 'outline'
}

export default function LoadMore({ id, list, label = t('common.loadMore'), fill = 'none' }: LoadMoreProps) {
  if (!list.hasMore && list.moreError === '') return null
  return (
    <View className="load-more">
      {list.hasMore && (
        <Button id={id} size={fill === 'none' ? 'small' : 'normal'} fill={fill} block loading={list.loadingMore} onClick={list.loadMore}>
          {label}
        </Button>
      )}
      {list.moreError !== '' && <Text className="load-more__error">{list.moreError}</Text>}
    </View>
  )
}
