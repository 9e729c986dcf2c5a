/** Page config of the check-in page (packages/member/pages/checkin/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('checkin.pageTitle'),
}

export default pageConfig
