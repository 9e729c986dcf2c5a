/**
 * The mini program's app.json: its main-package pages, its subpackages and which pages preload which
 * subpackages (`preloadRule`), all from the routes table (contracts/routes.ts; the first page is the home
 * page), and the window style (also the H5 title bar).
 */
import type { AppConfig } from '@tarojs/taro'
import { APP_PAGES, APP_PRELOAD_RULE, APP_SUBPACKAGES } from '../contracts/routes'
import { t } from '../i18n/strings'

const appConfig: AppConfig = {
  pages: APP_PAGES,
  subPackages: APP_SUBPACKAGES,
  preloadRule: APP_PRELOAD_RULE,
  window: {
    navigationBarTitleText: t('app.title'),
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'light',
    // The WeChat default; said explicitly because Taro's H5 router draws its title bar (the page's
    // navigationBarTitleText, a back button when there is a page to go back to, else home) only then.
    navigationStyle: 'default',
  },
  style: 'v2',
}

export default appConfig
