/** Page config of packages/admin/pages/exports/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('exportPage.pageTitle'),
}

export default pageConfig
