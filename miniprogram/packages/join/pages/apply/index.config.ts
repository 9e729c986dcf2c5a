/** Page config of the apply page (packages/join/pages/apply/index?scene=<inviteId> | ?id=<groupId>). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('apply.pageTitle'),
}

export default pageConfig
