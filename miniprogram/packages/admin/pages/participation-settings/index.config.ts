/** Page config of packages/admin/pages/participation-settings/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('pSettings.pageTitle'),
}

export default pageConfig
