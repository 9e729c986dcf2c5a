/**
 * Admission demo data for the demo reading group: its application questions and reason templates, two
 * invites (the admin's and a member's), eight pending applicants who introduce themselves the customary
 * way (姓名-地区-职业) — the `applicant` persona among them — and one rejected applicant with a reason.
 * The `visitor` persona has no application, so a newcomer can walk the whole journey.
 *
 * @example
 *   await seedAdmission(store, new Date())  // idempotent: false when already seeded
 */
import dayjs from 'dayjs'
import { applicationId, DEFAULT_COOLDOWN_DAYS, snapshotAnswers, type AdmissionSettingsDoc, type ApplicationDoc, type ApplicationQuestion } from '../../domain/admission'
import { inviteIdFor } from '../../usecases/admission'
import { StoreConflictError, type Store } from '../../store/port'
import { DEMO_GROUP_ID, personaOpenid } from './personas'

export const DEMO_QUESTIONS: ApplicationQuestion[] = [
  { id: 'source', kind: 'choice', label: '你是怎么知道本群的？', required: true, options: ['朋友邀请', '公众号文章', '线下读书活动', '其他'] },
  { id: 'reading', kind: 'text', label: '最近在读的一本书', required: true, options: [] },
  { id: 'goal', kind: 'paragraph', label: '希望在群里收获什么？', required: false, options: [] },
]

export const DEMO_REASON_TEMPLATES = [
  '自我介绍不完整，请按「姓名-地区-职业」重新填写',
  '本群面向郑州及周边的书友，建议加入所在城市的读书群',
  '本期名额已满，请关注下一期开群通知',
  '申请内容含广告推广信息',
]

const MEMBER_INVITER = 'o_demo_m07'

/** [openid, name, region, occupation, about, answers, invitedBy, hours ago] */
const PENDING: Array<[string, string, string, string, string, Record<string, string>, string | null, number]> = [
  [personaOpenid('applicant'), '赵雪', '郑州', '银行柜员', '下班后想找人一起读书，坚持早起。', { source: '朋友邀请', reading: '《认知觉醒》', goal: '养成每天读 30 页的习惯' }, MEMBER_INVITER, 3],
  ['o_demo_ap02', '钱程', '洛阳', '机械工程师', '在洛阳上班，每天通勤一小时，想用来听书读书。', { source: '公众号文章', reading: '《三体》', goal: '' }, null, 5],
  ['o_demo_ap03', '孙悦', '郑州', '幼儿园老师', '喜欢绘本和儿童文学，也想多读些心理学。', { source: '线下读书活动', reading: '《被讨厌的勇气》', goal: '认识同城书友' }, personaOpenid('admin'), 9],
  ['o_demo_ap04', '李航', '新乡', '大学生', '大三，准备考研，想通过打卡督促自己。', { source: '朋友邀请', reading: '《明朝那些事儿》', goal: '每天早起打卡' }, MEMBER_INVITER, 14],
  ['o_demo_ap05', '周婷', '开封', '电商运营', '做运营三年，想读些商业和写作的书。', { source: '公众号文章', reading: '《增长黑客》', goal: '提高写作能力' }, null, 20],
  ['o_demo_ap06', '吴刚', '郑州', '出租车司机', '跑夜班，白天有空，喜欢历史。', { source: '其他', reading: '《万历十五年》', goal: '' }, null, 27],
  ['o_demo_ap07', '郑丽', '许昌', '护士', '倒班作息，想找个能坚持的读书节奏。', { source: '朋友邀请', reading: '《活着》', goal: '每周读完一本书' }, personaOpenid('admin'), 33],
  ['o_demo_ap08', '王磊', '郑州', '保险代理人', '希望认识更多朋友，交流读书心得。', { source: '线下读书活动', reading: '《穷爸爸富爸爸》', goal: '拓展人脉' }, null, 40],
]

export function demoAdmissionSettings(now: Date): AdmissionSettingsDoc {
  return {
    _id: DEMO_GROUP_ID,
    groupId: DEMO_GROUP_ID,
    questions: DEMO_QUESTIONS,
    requirePhone: false,
    allowMemberInvites: true,
    cooldownDays: DEFAULT_COOLDOWN_DAYS,
    reasonTemplates: DEMO_REASON_TEMPLATES,
    updatedAt: dayjs(now).subtract(30, 'day').toISOString(),
  }
}

function application(
  now: Date,
  [openid, name, region, occupation, about, answers, invitedBy, hoursAgo]: (typeof PENDING)[number],
): ApplicationDoc {
  const at = dayjs(now).subtract(hoursAgo, 'hour').toISOString()
  return {
    _id: applicationId(DEMO_GROUP_ID, openid),
    groupId: DEMO_GROUP_ID,
    openid,
    round: 1,
    archived: false,
    status: 'pending',
    intro: { name, region, occupation, about },
    answers: snapshotAnswers(DEMO_QUESTIONS, answers),
    phone: null,
    rulesVersion: 1,
    inviteId: invitedBy ? inviteIdFor(DEMO_GROUP_ID, invitedBy) : null,
    inviterOpenid: invitedBy,
    subscribedTemplateIds: [],
    submittedAt: at,
    updatedAt: at,
    decidedAt: null,
    decidedBy: null,
    rejectReason: null,
    purgedAt: null,
  }
}

export function demoApplications(now: Date): ApplicationDoc[] {
  const pending = PENDING.map((row) => application(now, row))
  const rejectedAt = dayjs(now).subtract(2, 'day').toISOString()
  const rejected: ApplicationDoc = {
    ...application(now, ['o_demo_ap09', '刘总', '深圳', '微商', '代理各类保健品，欢迎咨询。', { source: '其他', reading: '无' }, null, 60]),
    status: 'rejected',
    decidedAt: rejectedAt,
    decidedBy: personaOpenid('admin'),
    rejectReason: '申请内容含广告推广信息',
    updatedAt: rejectedAt,
  }
  return [...pending, rejected]
}

/** Seed the admission demo once; false when it is already there. */
export async function seedAdmission(store: Store, now: Date): Promise<boolean> {
  try {
    await store.transaction(async (tx) => {
      await tx.create('admissionSettings', demoAdmissionSettings(now))
      for (const inviter of [personaOpenid('admin'), MEMBER_INVITER]) {
        await tx.create('invites', { _id: inviteIdFor(DEMO_GROUP_ID, inviter), groupId: DEMO_GROUP_ID, inviterOpenid: inviter, createdAt: dayjs(now).subtract(20, 'day').toISOString() })
      }
      for (const app of demoApplications(now)) await tx.create('applications', app)
    })
    return true
  } catch (error) {
    if (error instanceof StoreConflictError) return false
    throw error
  }
}
