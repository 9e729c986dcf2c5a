/** Page config of the group card page (pages/group/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('group.pageTitle'),
}

export default pageConfig
