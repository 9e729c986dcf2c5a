/** The group home as the hub: the today panel and the large entries. */
import type { Texts } from './texts'

export const HUB_STRINGS = {
  'hub.todayTitle': { zh: '今天', en: 'Today' },
  'hub.taskLabel': { zh: '今日任务', en: 'Today’s task' },
  'hub.taskAt': { zh: '今日任务 {time} 发布', en: 'Today’s task is out at {time}' },
  'hub.noTask': { zh: '今天没有布置任务，自由打卡', en: 'No task today: check in freely' },
  'hub.checkinGo': { zh: '去打卡', en: 'Check in' },
  'hub.checkedIn': { zh: '今日已打卡', en: 'Checked in today' },
  'hub.streak': { zh: '连续 {count} 天', en: '{count}-day streak' },
  'hub.notYet': { zh: '今天还没打卡', en: 'Not checked in yet' },
  'hub.pinned': { zh: '置顶', en: 'Pinned' },
  'hub.sectionDaily': { zh: '常用', en: 'Everyday' },
  'hub.sectionManage': { zh: '管理', en: 'Manage' },
  'hub.back': { zh: '返回', en: 'Back' },
} as const satisfies Texts
