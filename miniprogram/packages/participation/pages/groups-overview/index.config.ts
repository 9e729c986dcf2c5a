/** Page config of packages/participation/pages/groups-overview/index. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('overview.pageTitle'),
}

export default pageConfig
