/** Page config of packages/lottery/pages/list/index?id=<groupId>[&filter=open|drawn|cancelled]. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('lotteryList.pageTitle'),
}

export default pageConfig
