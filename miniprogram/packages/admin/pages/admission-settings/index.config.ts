/** Page config of the admission settings page (packages/admin/pages/admission-settings/index?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('settings.pageTitle'),
}

export default pageConfig
