/** Page config of packages/lottery/pages/lottery/index?id=<lotteryId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('lotteryPage.pageTitle'),
}

export default pageConfig
