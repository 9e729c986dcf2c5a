/** The mini program's app.json: its pages (contracts/routes.ts; the first one is the home page) and the window style. */
import type { AppConfig } from '@tarojs/taro'
import { APP_PAGES } from '../contracts/routes'
import { t } from '../i18n/strings'

const appConfig: AppConfig = {
  pages: APP_PAGES,
  window: {
    navigationBarTitleText: t('app.title'),
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'light',
  },
  style: 'v2',
}

export default appConfig
