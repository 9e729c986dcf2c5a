/** Page config of packages/admin/pages/lottery-manage/index?id=<lotteryId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('lotteryManage.pageTitle'),
}

export default pageConfig
