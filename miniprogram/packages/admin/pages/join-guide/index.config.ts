/** Page config of the join-guide page (packages/admin/pages/join-guide/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('joinGuide.pageTitle'),
}

export default pageConfig
