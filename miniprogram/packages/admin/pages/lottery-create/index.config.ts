/** Page config of packages/admin/pages/lottery-create/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('lotteryCreate.pageTitle'),
}

export default pageConfig
