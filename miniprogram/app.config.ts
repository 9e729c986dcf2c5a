/** The mini program's app.json: its pages (the first one is the home page) and the window style. */
import type { AppConfig } from '@tarojs/taro'
import { t } from '../i18n/strings'

const appConfig: AppConfig = {
  pages: [
    'pages/index/index',
    'pages/group/index',
    // Admission (issue 3)
    'pages/apply/index',
    'pages/review/index',
    'pages/members/index',
    'pages/invite/index',
    'pages/inbox/index',
    'pages/admission-settings/index',
    // Rules, announcements, daily tasks and check-in (issue 4)
    'pages/checkin/index',
    'pages/rules/index',
    'pages/announcements/index',
    'pages/tasks/index',
  ],
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
