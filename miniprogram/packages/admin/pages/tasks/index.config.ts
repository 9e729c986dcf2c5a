/** Page config of packages/admin/pages/tasks/index?id=<groupId>. */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('tasks.pageTitle'),
}

export default pageConfig
