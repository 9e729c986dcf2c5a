/** Page config of packages/participation/pages/leaderboard/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('ranking.pageTitle'),
}

export default pageConfig
