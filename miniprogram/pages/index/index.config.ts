/** Page config of the home page (我的社群). */
import type { PageConfig } from '@tarojs/taro'
import { t } from '../../../i18n/strings'

const pageConfig: PageConfig = {
  navigationBarTitleText: t('app.title'),
}

export default pageConfig
