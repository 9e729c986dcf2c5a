/** Page config of packages/member/pages/announcements/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('announcements.pageTitle'),
}

export default pageConfig
