/** Page config of packages/member/pages/rules/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('rules.pageTitle'),
}

export default pageConfig
