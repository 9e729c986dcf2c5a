/** Page config of packages/admin/pages/rules/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('manageRules.pageTitle'),
}

export default pageConfig
