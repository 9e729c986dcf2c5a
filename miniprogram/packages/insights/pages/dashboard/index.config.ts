/** Page config of packages/insights/pages/dashboard/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('dash.pageTitle'),
}

export default pageConfig
