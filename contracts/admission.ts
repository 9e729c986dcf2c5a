/**
 * Contracts of the `admission` cloud function: the apply page, submitting / withdrawing an application,
 * the admins' review queue and decisions, the group's questions and thresholds, and invite codes.
 * The application form's schema (`applicationFormSchema`) is built from the group's questions and is used
 * by the apply page before sending and by the use case on the server — one schema, both sides.
 *
 * @example
 *   const page = await callAction(getApplyPage, { groupId: 'demo-reading' })
 *   const fields = formErrors(applicationFormSchema(page.questions, { requirePhone: page.requirePhone }), form)
 *   await callAction(submitApplication, { groupId, rulesVersion: page.group.rules.version, acceptRules: true, ...form })
 */
import * as v from 'valibot'
import {
  MAINLAND_MOBILE,
  type ApplicationAnswer,
  type ApplicationIntro,
  type ApplicationQuestion,
  type ApplicationStatus,
} from '../domain/admission'
import { DEFAULT_NOT_JOINED_DAYS, MAX_JOIN_INSTRUCTIONS } from '../domain/join-guide'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { MAX_REASON_LENGTH, cursorSchema, dayKeySchema, groupIdSchema, optionalTextSchema, textSchema, type Page } from './fields'
import type { GroupProfile } from './group'

// --- limits and field schemas ---

export const MAX_QUESTIONS = 10
export const MAX_QUESTION_LABEL = 60
export const MAX_CHOICE_OPTIONS = 8
export const MAX_COOLDOWN_DAYS = 365
export const MAX_REASON_TEMPLATES = 10
export const MAX_REASON_TEMPLATE_LENGTH = 60
export const INTRO_LIMITS = { name: 20, region: 20, occupation: 30, about: 300 } as const
export const ANSWER_LIMITS = { text: 100, paragraph: 500, choice: 30 } as const

export const phoneSchema = v.pipe(
  v.string(t('admission.validate.phone')),
  v.trim(),
  v.regex(MAINLAND_MOBILE, t('admission.validate.phone')),
)

export const introSchema = v.object({
  name: textSchema(INTRO_LIMITS.name),
  region: textSchema(INTRO_LIMITS.region),
  occupation: textSchema(INTRO_LIMITS.occupation),
  about: v.optional(optionalTextSchema(INTRO_LIMITS.about), ''),
})

/** Answers to a group's questions: required ones must be filled, choices must be one of the options. */
export function answersSchema(questions: ApplicationQuestion[]) {
  const entries: Record<string, v.GenericSchema<unknown, string>> = {}
  for (const question of questions) {
    const base =
      question.kind === 'choice'
        ? v.pipe(v.string(t('validate.invalid')), v.trim(), v.check((value) => value === '' || question.options.includes(value), t('admission.validate.choice')))
        : optionalTextSchema(ANSWER_LIMITS[question.kind])
    entries[question.id] = question.required
      ? v.pipe(v.optional(base, ''), v.check((value) => value !== '', t('validate.required')))
      : v.optional(base, '')
  }
  return v.object(entries)
}

/** The whole application form for a group: intro, its questions' answers, and the phone threshold. */
export function applicationFormSchema(questions: ApplicationQuestion[], options: { requirePhone: boolean }) {
  return v.object({
    intro: introSchema,
    answers: answersSchema(questions),
    phone: options.requirePhone ? phoneSchema : v.optional(v.union([v.literal(''), phoneSchema], t('admission.validate.phone')), ''),
  })
}

export type ApplicationForm = v.InferInput<ReturnType<typeof applicationFormSchema>>

/** Per-field messages (`intro.name`, `answers.q1`, `phone`), or null when the form is valid. */
export function formErrors(schema: v.GenericSchema, value: unknown): Record<string, string> | null {
  const result = v.safeParse(schema, value)
  if (result.success) return null
  const fields: Record<string, string> = {}
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? ''
    if (!(path in fields)) fields[path] = issue.message
  }
  return fields
}

/** An invite's id, which is also the mini program code's scene: `i_` + 10 hex characters. */
export const inviteIdSchema = v.pipe(v.string(t('admission.validate.invite')), v.regex(/^i_[0-9a-f]{10}$/, t('admission.validate.invite')))

export const applicationIdSchema = v.pipe(
  v.string(t('admission.validate.applicationId')),
  v.regex(/^[A-Za-z0-9_-]{1,24}:[A-Za-z0-9_-]{1,64}$/, t('admission.validate.applicationId')),
)

// --- views ---

export interface MyApplicationView {
  id: string
  status: ApplicationStatus
  intro: ApplicationIntro
  answers: ApplicationAnswer[]
  /** The applicant's own number, in full. */
  phone: string | null
  rulesVersion: number
  submittedAt: string
  decidedAt: string | null
  rejectReason: string | null
  /** For a rejection: when a new application is possible (ISO), null if now. */
  reapplyAllowedAt: string | null
}

export interface ApplyPageView {
  group: GroupProfile
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  questions: ApplicationQuestion[]
  requirePhone: boolean
  /** The invite the page was opened with, if it is valid for this group. */
  inviteId: string | null
  inviterName: string | null
  myApplication: MyApplicationView | null
  /** Subscribe-message templates the page should ask for at submit (WeChat only; may be empty). */
  subscribeTemplateIds: string[]
  /** How to get into the WeChat group: only for a member of the group (null for everyone else). */
  joinGuide: JoinGuideView | null
}

/** An application as the review queue shows it: the phone masked. */
export interface ApplicationCard {
  id: string
  status: ApplicationStatus
  intro: ApplicationIntro
  answers: ApplicationAnswer[]
  phoneMasked: string | null
  inviterName: string | null
  submittedAt: string
  /** 2 or more when the person applied before. */
  round: number
}

export interface ApplicationDetail extends ApplicationCard {
  /** In full: only the group's admins get the detail view. */
  phone: string | null
  rulesVersion: number
  decidedAt: string | null
  rejectReason: string | null
}

export interface ReviewQueuePage extends Page<ApplicationCard> {
  total: number
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  reasonTemplates: string[]
  seatsLeft: number
}

export type DecisionOutcome = 'approved' | 'rejected' | 'alreadyDecided' | 'groupFull' | 'alreadyMember' | 'notFound'

export interface DecisionResult {
  applicationId: string
  outcome: DecisionOutcome
  /** What happened, in Chinese, for the admin. */
  message: string
}

export interface BatchDecisionResult {
  results: DecisionResult[]
  decided: number
}

export interface AdmissionSettingsView {
  questions: ApplicationQuestion[]
  requirePhone: boolean
  allowMemberInvites: boolean
  cooldownDays: number
  reasonTemplates: string[]
}

export interface InviteCodeView {
  inviteId: string
  /** The scene the mini program code carries (equal to inviteId). */
  scene: string
  /** What an <Image> can show: a temp URL (WeChat) or a PNG data URL (local). */
  imageUrl: string
  /** WeChat: the cloud storage fileID of the code; local: null. */
  fileId: string | null
  /** Local: the H5 apply link the QR encodes; WeChat: null (the code opens the mini program). */
  link: string | null
}

// --- actions ---

export const getApplyPage = defineAction<ApplyPageView>()(
  'admission',
  'getApplyPage',
  v.union(
    [
      v.object({ groupId: groupIdSchema, inviteId: v.optional(inviteIdSchema) }),
      v.object({ inviteId: inviteIdSchema }),
    ],
    t('admission.validate.applyLink'),
  ),
)

export const submitApplication = defineAction<MyApplicationView>()(
  'admission',
  'submit',
  v.object({
    groupId: groupIdSchema,
    inviteId: v.optional(v.nullable(inviteIdSchema)),
    rulesVersion: v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(1, t('validate.invalid'))),
    acceptRules: v.literal(true, t('admission.validate.acceptRules')),
    intro: introSchema,
    /** Checked against the group's questions by the use case (the same `answersSchema`). */
    answers: v.optional(v.pipe(v.record(v.pipe(v.string(), v.maxLength(24)), v.pipe(v.string(t('validate.invalid')), v.maxLength(ANSWER_LIMITS.paragraph, t('validate.tooLong', { max: ANSWER_LIMITS.paragraph })))), v.check((record) => Object.keys(record).length <= MAX_QUESTIONS, t('validate.invalid'))), {}),
    /** Local build: the typed number. */
    phone: v.optional(v.pipe(v.string(t('admission.validate.phone')), v.maxLength(20, t('admission.validate.phone')))),
    /** WeChat build: the code from the getPhoneNumber button, exchanged on the server. */
    phoneCode: v.optional(v.pipe(v.string(t('validate.invalid')), v.minLength(1), v.maxLength(128, t('validate.invalid')))),
    subscribedTemplateIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(5)), []),
  }),
)

export const withdrawApplication = defineAction<MyApplicationView>()('admission', 'withdraw', v.object({ groupId: groupIdSchema }))

export const listApplications = defineAction<ReviewQueuePage>()(
  'admission',
  'listQueue',
  v.object({
    groupId: groupIdSchema,
    order: v.optional(v.picklist(['newest', 'oldest'], t('validate.invalid')), 'oldest'),
    cursor: cursorSchema,
  }),
)

export const getApplication = defineAction<ApplicationDetail>()(
  'admission',
  'getApplication',
  v.object({ groupId: groupIdSchema, applicationId: applicationIdSchema }),
)

const reasonSchema = v.optional(optionalTextSchema(MAX_REASON_LENGTH), '')

export const decideApplication = defineAction<DecisionResult>()(
  'admission',
  'decide',
  v.object({
    groupId: groupIdSchema,
    applicationId: applicationIdSchema,
    decision: v.picklist(['approve', 'reject'], t('validate.invalid')),
    reason: reasonSchema,
  }),
)

export const MAX_BATCH = 50

export const decideApplications = defineAction<BatchDecisionResult>()(
  'admission',
  'decideBatch',
  v.object({
    groupId: groupIdSchema,
    applicationIds: v.pipe(
      v.array(applicationIdSchema, t('validate.invalid')),
      v.minLength(1, t('admission.validate.batchEmpty')),
      v.maxLength(MAX_BATCH, t('admission.validate.batchTooMany', { max: MAX_BATCH })),
    ),
    decision: v.picklist(['approve', 'reject'], t('validate.invalid')),
    reason: reasonSchema,
  }),
)

export const questionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,24}$/, t('validate.invalid'))),
    kind: v.picklist(['text', 'paragraph', 'choice'], t('validate.invalid')),
    label: textSchema(MAX_QUESTION_LABEL),
    required: v.boolean(t('validate.invalid')),
    options: v.optional(v.pipe(v.array(textSchema(ANSWER_LIMITS.choice)), v.maxLength(MAX_CHOICE_OPTIONS, t('admission.validate.tooManyOptions', { max: MAX_CHOICE_OPTIONS }))), []),
  }),
  v.check((q) => q.kind !== 'choice' || q.options.length >= 2, t('admission.validate.choiceOptions')),
)

export const admissionSettingsSchema = v.object({
  questions: v.pipe(
    v.array(questionSchema),
    v.maxLength(MAX_QUESTIONS, t('admission.validate.tooManyQuestions', { max: MAX_QUESTIONS })),
    v.check((qs) => new Set(qs.map((q) => q.id)).size === qs.length, t('admission.validate.duplicateQuestion')),
  ),
  requirePhone: v.boolean(t('validate.invalid')),
  allowMemberInvites: v.boolean(t('validate.invalid')),
  cooldownDays: v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(0, t('validate.invalid')), v.maxValue(MAX_COOLDOWN_DAYS, t('validate.invalid'))),
  reasonTemplates: v.pipe(v.array(textSchema(MAX_REASON_TEMPLATE_LENGTH)), v.maxLength(MAX_REASON_TEMPLATES, t('admission.validate.tooManyTemplates', { max: MAX_REASON_TEMPLATES }))),
})

export const getAdmissionSettings = defineAction<AdmissionSettingsView>()('admission', 'getSettings', v.object({ groupId: groupIdSchema }))

export const updateAdmissionSettings = defineAction<AdmissionSettingsView>()(
  'admission',
  'updateSettings',
  v.object({ groupId: groupIdSchema, settings: admissionSettingsSchema }),
)

export const getInviteCode = defineAction<InviteCodeView>()('admission', 'getInviteCode', v.object({ groupId: groupIdSchema }))

// --- the purge job (timer-triggered function `admissionPurge`) ---

export const purgeRejectedApplications = defineAction<{ purged: number }>()(
  'admissionPurge',
  'purgeRejected',
  v.object({ olderThanDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))) }),
)

// --- into the WeChat group after approval (入群方式): members see it, admins set it ---

/** What a member is shown to get into the WeChat group, beside the nickname to use there. Never an expired QR. */
export interface JoinGuideView {
  /** A short-lived link of the group's QR image while it is valid, else null. */
  groupQrUrl: string | null
  groupQrExpiresAt: string | null
  /** A short-lived link of an admin's personal QR (添加群主微信), or null. */
  personalQrUrl: string | null
  instructions: string
  /** The nickname to use in the group (姓名-地区-职业). */
  nickname: string
  /** When the member said 「我已入群」, or null. */
  joinedAt: string | null
  /** The group's IANA timezone, for the expiry time. */
  timezone: string
}

export const getJoinGuide = defineAction<JoinGuideView>()('admission', 'getJoinGuide', v.object({ groupId: groupIdSchema }))

/** The member says they joined the WeChat group (「我已入群」); a second tap answers the same. */
export const confirmJoined = defineAction<JoinGuideView>()('admission', 'confirmJoined', v.object({ groupId: groupIdSchema }))

export interface JoinGuideSettingsView {
  groupQr: { photoId: string; url: string | null; generatedAt: string; expiresAt: string; expired: boolean } | null
  personalQr: { photoId: string; url: string | null } | null
  instructions: string
  /** Where the admin's uploads for today go in cloud storage (WeChat): append `<nonce>.<ext>`, then `registerPhoto`. */
  photoPathPrefix: string
  timezone: string
  /** Today in the group's timezone (the server's clock): the latest day a new group QR may say it was generated. */
  today: string
}

export const getJoinGuideSettings = defineAction<JoinGuideSettingsView>()('admission', 'getJoinGuideSettings', v.object({ groupId: groupIdSchema }))

const joinPhotoSchema = v.nullable(v.pipe(v.string(t('checkin.validate.photo')), v.regex(/^(cloud:\/\/[A-Za-z0-9._\-/]{1,250}|local:[a-f0-9]{32}\.(png|jpg|gif|webp))$/, t('checkin.validate.photo'))))

/**
 * Set how approved members get in: a photo id is one the admin uploaded (registered like a check-in photo);
 * the same id as now keeps it (and the group QR's generation time), another one replaces it, null removes it.
 */
export const updateJoinGuide = defineAction<JoinGuideSettingsView>()(
  'admission',
  'updateJoinGuide',
  v.object({
    groupId: groupIdSchema,
    groupQrPhotoId: joinPhotoSchema,
    personalQrPhotoId: joinPhotoSchema,
    instructions: v.optional(optionalTextSchema(MAX_JOIN_INSTRUCTIONS), ''),
    /** A new group QR only: the day WeChat generated it (default today), at most 6 days ago; it expires 7 days after. */
    groupQrGeneratedOn: v.optional(dayKeySchema),
  }),
)

export interface NotJoinedMember {
  /** The roster's opaque key. */
  key: string
  nickname: string
  /** When they were approved. */
  approvedAt: string
}

export interface NotJoinedView {
  items: NotJoinedMember[]
  days: number
  timezone: string
}

export const MAX_NOT_JOINED_DAYS = 30

/** Admins: members approved at least `days` ago who have not said 「我已入群」. */
export const listNotJoined = defineAction<NotJoinedView>()(
  'admission',
  'listNotJoined',
  v.object({
    groupId: groupIdSchema,
    days: v.optional(v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(0, t('validate.invalid')), v.maxValue(MAX_NOT_JOINED_DAYS, t('validate.invalid'))), DEFAULT_NOT_JOINED_DAYS),
  }),
)

/** The timer job (function `admissionPurge`, trigger `joinQrReminderHourly`): tell the admins a group QR expires within a day. */
export const remindJoinQrExpiry = defineAction<{ reminded: number }>()('admissionPurge', 'remindJoinQrExpiry', v.object({}))
