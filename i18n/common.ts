/** Text shared by every feature: errors, validation, app chrome, the group card, home and dev mode. Chinese shown, English beside; merged into `t()` by i18n/strings.ts. */
import type { Texts } from './texts'

export const COMMON_STRINGS = {
  // Errors (shown to the user as they are)
  'error.INVALID_INPUT': { zh: '提交的内容有误，请检查后重试', en: 'Something in the form is not right' },
  'error.UNAUTHENTICATED': { zh: '无法识别你的微信身份，请重新进入小程序', en: 'We could not tell who you are' },
  'error.FORBIDDEN': { zh: '你没有权限进行此操作', en: 'You are not allowed to do this' },
  'error.NOT_FOUND': { zh: '内容不存在或已被删除', en: 'Not found, or deleted' },
  'error.CONFLICT': { zh: '操作冲突，请刷新后重试', en: 'Conflicting change; refresh and retry' },
  'error.RATE_LIMITED': { zh: '操作太频繁，请稍后再试', en: 'Too many tries; wait a moment and try again' },
  'error.busy': { zh: '同一时间操作的人太多，请稍后再试', en: 'Too many people at once; try again shortly' },
  'error.INTERNAL': { zh: '服务暂时不可用，请稍后再试', en: 'Service unavailable; try again later' },
  'error.network': { zh: '网络不太好，请稍后重试', en: 'Network trouble; try again' },
  'error.unknownAction': { zh: '不支持的操作', en: 'Unknown action' },
  'error.groupNotFound': { zh: '这个群不存在或已解散', en: 'This group does not exist' },
  'error.setupFromClient': {
    zh: '初始化只能在云开发控制台或开发者工具中运行',
    en: 'Setup runs only from the CloudBase console or DevTools',
  },

  // Validation
  'validate.groupId': { zh: '群编号格式不正确', en: 'Malformed group id' },
  'validate.required': { zh: '此项必填', en: 'Required' },
  'validate.object': { zh: '请求格式不正确', en: 'Malformed request' },
  'validate.invalid': { zh: '格式不正确', en: 'Invalid value' },
  'validate.tooLong': { zh: '最多 {max} 个字', en: 'At most {max} characters' },
  'validate.dayKey': { zh: '日期格式应为 YYYY-MM-DD', en: 'Use YYYY-MM-DD' },
  'validate.timeOfDay': { zh: '时间格式应为 HH:mm，例如 08:00', en: 'Use HH:mm, e.g. 08:00' },

  // The local runtime's HTTP server (npm start)
  'server.error.host': {
    zh: '本地服务只接受通过本机地址（localhost 或 127.0.0.1）发来的请求',
    en: 'The local runtime only answers requests addressed to a loopback name',
  },
  'server.error.contentType': { zh: '请求内容必须是 JSON（Content-Type: application/json）', en: 'The request body must be JSON (Content-Type: application/json)' },
  'server.error.tooLarge': { zh: '请求内容过大（最多 {max} KB）', en: 'The request body is too large (at most {max} KB)' },
  'server.error.badTarget': { zh: '请求地址格式不正确', en: 'Malformed request address' },

  // App chrome
  'app.title': { zh: '社群助手', en: 'Community Assistant' },
  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.loadMore': { zh: '加载更多', en: 'Load more' },

  // Group card
  'group.members': { zh: '{count} 位成员', en: '{count} members' },
  'group.capacity': { zh: '上限 {capacity} 人', en: 'Capacity {capacity}' },
  'group.seatsLeft': { zh: '剩余 {count} 个名额', en: '{count} seats left' },
  'group.full': { zh: '已满员', en: 'Full' },
  'group.closed': { zh: '已关闭', en: 'Closed' },
  'group.rules': { zh: '群规', en: 'Rules' },
  'group.rulesVersion': { zh: '第 {version} 版', en: 'Version {version}' },
  'group.yourRole': { zh: '你的身份：{role}', en: 'Your role: {role}' },
  'group.notMember': { zh: '你还不是本群成员', en: 'You are not a member yet' },
  'role.owner': { zh: '群主', en: 'Owner' },
  'role.admin': { zh: '管理员', en: 'Admin' },
  'role.member': { zh: '成员', en: 'Member' },

  // Home
  'home.myGroups': { zh: '我的社群', en: 'My groups' },
  'home.noGroups': { zh: '你还没有加入任何社群，扫描群二维码申请加入', en: 'No groups yet; scan a group QR code to apply' },
  'home.openDemo': { zh: '查看示例社群', en: 'Open the demo group' },

  // Dev-mode persona switcher (local runtime only)
  'dev.actAs': { zh: '切换身份（开发模式）', en: 'Act as (dev mode)' },
  'persona.visitor': { zh: '新访客', en: 'New visitor' },
  'persona.applicant': { zh: '申请人', en: 'Applicant' },
  'persona.member': { zh: '成员', en: 'Member' },
  'persona.admin': { zh: '管理员', en: 'Admin' },

  // Mini program pages (miniprogram/)
  'group.pageTitle': { zh: '社群', en: 'Group' },
  'group.statusOpen': { zh: '开放加入', en: 'Open to join' },
  'home.groupSummary': { zh: '{topic} · {count} 位成员', en: '{topic} · {count} members' },

} as const satisfies Texts
