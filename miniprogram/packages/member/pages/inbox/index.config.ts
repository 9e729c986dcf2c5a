/** Page config of the inbox page (packages/member/pages/inbox/index). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('inbox.pageTitle'),
}

export default pageConfig
