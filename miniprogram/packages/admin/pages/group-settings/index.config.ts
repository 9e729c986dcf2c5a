/** Page config of the group settings page (packages/admin/pages/group-settings/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('groupSettings.pageTitle'),
}

export default pageConfig
