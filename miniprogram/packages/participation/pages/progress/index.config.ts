/** Page config of packages/participation/pages/progress/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('progress.pageTitle'),
}

export default pageConfig
