/** Page config of the review queue (packages/admin/pages/review/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('review.pageTitle'),
}

export default pageConfig
