/** Page config of the invite page (packages/member/pages/invite/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('invite.pageTitle'),
}

export default pageConfig
