/**
 * Admission (入群申请): applications, the questions a group asks, its join thresholds, invites, and the
 * pure rules around them — one open application per person per group, the cooldown after a rejection,
 * masking phone numbers in lists.
 *
 * Ids: the current application of a person for a group is `applicationId(groupId, openid)`
 * (`g1:o_alice`); when they apply again after a decided round, the old round is archived under
 * `archivedApplicationId(groupId, openid, round)` (`g1:o_alice#1`) in the same transaction, so the
 * current id stays the one place that can be pending. An invite is `i_` + 10 hex characters derived from
 * group + inviter, so it doubles as the mini program code's `scene` (≤ 32 characters).
 *
 * @example
 *   applicationId('g1', 'o_alice')                         // 'g1:o_alice'
 *   maskPhone('13812341234')                                // '138****1234'
 *   reapplyAllowedAt({ status: 'rejected', decidedAt }, 7)  // decidedAt + 7 days (Asia/Shanghai), or null
 */
import dayjs from './dayjs'
import { DEFAULT_TIMEZONE, type SelfIntroduction } from './group'

export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

export type QuestionKind = 'text' | 'paragraph' | 'choice'

/** A question an admin asks applicants, e.g. 「你是怎么知道本群的？」. */
export interface ApplicationQuestion {
  id: string
  kind: QuestionKind
  label: string
  required: boolean
  /** Only for `choice`: the options to pick one of. */
  options: string[]
}

export const DEFAULT_COOLDOWN_DAYS = 7
/** Rejected applications lose their personal fields this many days after the decision (purge job). */
export const DEFAULT_PURGE_AFTER_DAYS = 30

/** Per-group admission settings; `_id` is the group id. Missing doc = the defaults. */
export interface AdmissionSettingsDoc {
  _id: string
  groupId: string
  questions: ApplicationQuestion[]
  /** Join threshold: applicants must give a mainland mobile number. */
  requirePhone: boolean
  /** Whether plain members may get an invite code (admins always may). */
  allowMemberInvites: boolean
  /** Days after a rejection before the person may apply again. */
  cooldownDays: number
  /** Reusable rejection reasons for the review queue. */
  reasonTemplates: string[]
  updatedAt: string
}

export const DEFAULT_REASON_TEMPLATES = [
  '自我介绍不完整，请按「姓名-地区-职业」重新填写',
  '本群仅面向郑州及周边书友',
  '群已接近满员，请关注下一期',
]

export function defaultAdmissionSettings(groupId: string, now: Date): AdmissionSettingsDoc {
  return {
    _id: groupId,
    groupId,
    questions: [],
    requirePhone: false,
    allowMemberInvites: true,
    cooldownDays: DEFAULT_COOLDOWN_DAYS,
    reasonTemplates: DEFAULT_REASON_TEMPLATES,
    updatedAt: now.toISOString(),
  }
}

/** The structured self-introduction of an application: 姓名-地区-职业 plus a few free sentences. */
export interface ApplicationIntro extends SelfIntroduction {
  about: string
}

export interface ApplicationAnswer {
  questionId: string
  /** The question as it read when answered (questions may be edited later). */
  label: string
  answer: string
}

export interface ApplicationDoc {
  /** `applicationId(groupId, openid)` for the current round; `archivedApplicationId(...)` for older rounds. */
  _id: string
  groupId: string
  openid: string
  /** 1 for a person's first application to the group, +1 per re-application. */
  round: number
  /** True for archived rounds (never pending). */
  archived: boolean
  status: ApplicationStatus
  intro: ApplicationIntro
  answers: ApplicationAnswer[]
  /** Full number; shown masked in every list, in full only to the group's admins (detail) and the applicant. */
  phone: string | null
  /** The rules version the applicant accepted. */
  rulesVersion: number
  inviteId: string | null
  inviterOpenid: string | null
  /** Subscribe-message templates the applicant accepted at submit (WeChat only). */
  subscribedTemplateIds: string[]
  submittedAt: string
  updatedAt: string
  decidedAt: string | null
  decidedBy: string | null
  rejectReason: string | null
  /** When the purge job cleared the personal fields (rejected applications only). */
  purgedAt: string | null
}

export interface InviteDoc {
  /** `inviteId(groupId, inviterOpenid)`: also the mini program code's scene. */
  _id: string
  groupId: string
  inviterOpenid: string
  createdAt: string
}

export function applicationId(groupId: string, openid: string): string {
  return `${groupId}:${openid}`
}

export function archivedApplicationId(groupId: string, openid: string, round: number): string {
  return `${groupId}:${openid}#${round}`
}

/** What an applicant may do next with their current application (or lack of one). */
export type ReapplyCheck = { allowed: true } | { allowed: false; reason: 'pending' | 'approved' | 'cooldown'; until?: string }

/**
 * Whether a new round may start. A pending application is updated in place instead (the caller does that);
 * an approved one blocks while the person is a member; a rejected one blocks until the cooldown has passed.
 */
export function canStartNewRound(
  current: Pick<ApplicationDoc, 'status' | 'decidedAt'> | null,
  isMember: boolean,
  cooldownDays: number,
  now: Date,
): ReapplyCheck {
  if (!current) return { allowed: true }
  if (current.status === 'pending') return { allowed: false, reason: 'pending' }
  if (current.status === 'approved' && isMember) return { allowed: false, reason: 'approved' }
  const until = reapplyAllowedAt(current, cooldownDays)
  if (until && dayjs(now).isBefore(until)) return { allowed: false, reason: 'cooldown', until }
  return { allowed: true }
}

/** When a rejected applicant may apply again (ISO), or null when no cooldown applies. */
export function reapplyAllowedAt(current: Pick<ApplicationDoc, 'status' | 'decidedAt'>, cooldownDays: number): string | null {
  if (current.status !== 'rejected' || !current.decidedAt || cooldownDays <= 0) return null
  return dayjs(current.decidedAt).tz(DEFAULT_TIMEZONE).add(cooldownDays, 'day').toISOString()
}

/** 13812341234 → 138****1234. Anything that is not 11 digits is masked whole. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null
  if (!/^\d{11}$/.test(phone)) return '****'
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
/** How many digits MAINLAND_MOBILE takes. */
export const MAINLAND_MOBILE_DIGITS = 11

/** Fields the purge job clears on a rejected application: intro, answers, phone. */
export function purgedPersonalFields(): Pick<ApplicationDoc, 'intro' | 'answers' | 'phone'> {
  return { intro: { name: '', region: '', occupation: '', about: '' }, answers: [], phone: null }
}

/** The cut-off: rejected applications decided before this are due for the purge. */
export function purgeCutoff(now: Date, purgeAfterDays: number): string {
  return dayjs(now).subtract(purgeAfterDays, 'day').toISOString()
}

/** Answers keyed by question id, snapshotted with each question's label; unknown ids dropped, blanks left out. */
export function snapshotAnswers(questions: ApplicationQuestion[], answers: Record<string, string>): ApplicationAnswer[] {
  return questions.flatMap((question) => {
    const answer = (answers[question.id] ?? '').trim()
    return answer === '' ? [] : [{ questionId: question.id, label: question.label, answer }]
  })
}
