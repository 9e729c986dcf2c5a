/** Page config of packages/admin/pages/announcements/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('manageAnnouncements.pageTitle'),
}

export default pageConfig
