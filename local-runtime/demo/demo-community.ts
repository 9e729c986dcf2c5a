/**
 * The demo community the local runtime seeds on first start, so a newcomer sees real content:
 * a morning-reading check-in group (the kind operators run for study and habit), its card and rules,
 * and 20 members who introduce themselves the customary way (姓名-地区-职业).
 * Later features add to it (applications, tasks and check-ins, a lottery).
 *
 * @example
 *   await seedDemoCommunity(store, new Date())  // idempotent: a second call changes nothing
 */
import dayjs from 'dayjs'
import { memberId, type GroupDoc, type MemberDoc, type Role, type SelfIntroduction } from '../../domain/group'
import { StoreConflictError, type Store } from '../../store/port'
import { DEMO_GROUP_ID, personaOpenid } from './personas'
import { seedAdmission } from './admission'
import { seedCheckin } from './checkin'
import { seedParticipation } from './participation'
import { seedLotteries } from './lottery'
import { memberKey } from '../../usecases/member-keys'

const RULES = [
  '入群请将群昵称改为「姓名-地区-职业」，例如：张三-郑州-理财顾问。',
  '每天 08:00 发布当日共读任务，当天读完在小程序打卡，写一句感悟。',
  '不刷屏：一次说完整，不接龙表情，不连续发语音。',
  '未经群主同意不发广告；确需推广，请先私信群主。',
  '禁止色情、赌博、毒品、暴力、谣言和人身攻击，遵守法律法规。',
  '提问请 @ 对应的人；工作日 9:00–21:00 之外不强求回复。',
  '连续 7 天未打卡会收到提醒，连续 30 天未打卡将被移出本群。',
]

/** [name, region, occupation, role] — owner, two admins, then members. */
const PEOPLE: Array<[string, string, string, Role, string]> = [
  ['周敏', '郑州', '社群运营', 'owner', 'o_demo_owner'],
  ['王强', '郑州', '理财顾问', 'admin', personaOpenid('admin')],
  ['陈静', '开封', '图书编辑', 'admin', 'o_demo_admin2'],
  ['李娜', '郑州', '小学教师', 'member', personaOpenid('member')],
  ['张伟', '洛阳', '软件工程师', 'member', 'o_demo_m05'],
  ['刘洋', '新乡', '护士', 'member', 'o_demo_m06'],
  ['杨帆', '郑州', '产品经理', 'member', 'o_demo_m07'],
  ['赵磊', '许昌', '销售主管', 'member', 'o_demo_m08'],
  ['黄丽', '南阳', '会计', 'member', 'o_demo_m09'],
  ['吴昊', '郑州', '大学生', 'member', 'o_demo_m10'],
  ['徐婷', '焦作', '人力资源', 'member', 'o_demo_m11'],
  ['孙鹏', '郑州', '律师', 'member', 'o_demo_m12'],
  ['马丽娟', '商丘', '中学语文老师', 'member', 'o_demo_m13'],
  ['朱晓峰', '郑州', '设计师', 'member', 'o_demo_m14'],
  ['胡佳', '平顶山', '药剂师', 'member', 'o_demo_m15'],
  ['郭涛', '郑州', '创业者', 'member', 'o_demo_m16'],
  ['何雪', '安阳', '公务员', 'member', 'o_demo_m17'],
  ['高峰', '郑州', '健身教练', 'member', 'o_demo_m18'],
  ['林晓', '信阳', '茶叶店主', 'member', 'o_demo_m19'],
  ['罗欣', '郑州', '全职妈妈', 'member', 'o_demo_m20'],
]

export function demoGroup(now: Date): GroupDoc {
  const created = dayjs(now).subtract(60, 'day')
  return {
    _id: DEMO_GROUP_ID,
    name: '早起读书会·郑州3群',
    topic: '读书打卡',
    intro: '每天早上 8 点发布当日共读任务，读完在小程序打卡分享一句感悟。连续打卡 21 天，群主送书一本。',
    capacity: 500,
    memberCount: 0,
    timezone: 'Asia/Shanghai',
    rules: { version: 1, clauses: RULES, publishedAt: created.toISOString() },
    ownerOpenid: 'o_demo_owner',
    status: 'open',
    createdAt: created.toISOString(),
    // How approved members get into the WeChat group: instructions only (an admin uploads the QR on 入群方式).
    joinGuide: {
      groupQr: null,
      personalQr: null,
      instructions: '群二维码每周一更新。二维码过期时，请在「成员」里找群主王强，备注「读书会+昵称」加微信，由群主拉你入群。',
      updatedAt: created.toISOString(),
    },
  }
}

export function demoMembers(now: Date): MemberDoc[] {
  return PEOPLE.map(([name, region, occupation, role, openid], index) => {
    const intro: SelfIntroduction = { name, region, occupation }
    return {
      _id: memberId(DEMO_GROUP_ID, openid),
      groupId: DEMO_GROUP_ID,
      openid,
      memberKey: memberKey(DEMO_GROUP_ID, openid),
      role,
      intro,
      // Joined in waves, as operators fill groups: core first, then the rest over weeks.
      joinedAt: dayjs(now).subtract(60 - index * 2, 'day').hour(9).minute(index).second(0).millisecond(0).toISOString(),
      // The two most recent were approved and have not said 「我已入群」 yet (the admins' not-joined list).
      ...(index >= PEOPLE.length - 2 ? { joinPending: true } : {}),
    }
  })
}

/** Seed the demo community once; returns false when it was already there. */
export async function seedDemoCommunity(store: Store, now: Date): Promise<boolean> {
  const members = demoMembers(now)
  try {
    await store.transaction(async (tx) => {
      await tx.create('groups', { ...demoGroup(now), memberCount: members.length })
      for (const member of members) await tx.create('members', member)
    })
    await seedAdmission(store, now)
    await seedCheckin(store, now)
    await seedParticipation(store, now)
    await seedLotteries(store, now)
    return true
  } catch (error) {
    if (error instanceof StoreConflictError) return false
    throw error
  }
}
