/** Page config of the members page (packages/member/pages/members/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('members.pageTitle'),
}

export default pageConfig
