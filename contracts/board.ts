/**
 * Contracts of the `board` cloud function: the group's rules (versioned), announcements and daily
 * tasks — what admins publish and members read.
 *
 * @example
 *   await callAction(publishRules, { groupId, clauses: ['不发广告', '每天 8 点发布任务'] })
 *   await callAction(saveDailyTask, { groupId, day: '2026-11-24', title: '《活着》第 3 章', body: '…', publishTime: '08:00' })
 */
import * as v from 'valibot'
import type { ClauseChange } from '../domain/rules'
import type { RulesVersion } from '../domain/group'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { cursorSchema, dayKeySchema, groupIdSchema, requestIdSchema, textSchema, timeOfDaySchema, type Page } from './fields'

// --- limits ---

export const MAX_CLAUSES = 30
export const MAX_CLAUSE_LENGTH = 300
export const MAX_ANNOUNCEMENT_TITLE = 60
export const MAX_ANNOUNCEMENT_BODY = 2000
export const MAX_TASK_TITLE = 60
export const MAX_TASK_BODY = 1000

// --- views ---

export interface RulesView {
  groupId: string
  groupName: string
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  current: RulesVersion
  /** The version the caller last acknowledged, or null when never. */
  acknowledgedVersion: number | null
  /** Changes from the acknowledged version to the current one (empty when up to date or never acknowledged). */
  changes: ClauseChange[]
  canPublish: boolean
}

export interface AnnouncementView {
  id: string
  title: string
  body: string
  pinned: boolean
  authorName: string
  createdAt: string
  /** When an admin last edited it, or null. */
  editedAt?: string | null
  /** Whether the caller has read it (their own, and ones older than the group's recent list, count as read). */
  read?: boolean
  /** Admins only: how many members have read it (for the group's recent announcements; null for older ones). */
  readCount?: number | null
}

/** What is new for the caller in one group (the group home, my groups, the inbox): see domain/board.ts. */
export interface BoardBadges {
  /** Announcements posted since the caller last opened them (at most 20, shown as 20+). */
  unreadAnnouncements: number
  /** The rules version the caller is asked to confirm (群规已更新，请确认), or null when confirmed. */
  rulesToConfirm: number | null
}

export interface AnnouncementList extends Page<AnnouncementView> {
  /** Only on the first page. */
  pinned: AnnouncementView[]
  /** Admins only: how many members the group has (the read counts are out of these). */
  memberCount?: number
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  canManage: boolean
}

export interface DailyTaskView {
  id: string
  day: string
  title: string
  body: string
  publishAt: string
  published: boolean
  /** Edited after it was published (shown as 已编辑). */
  edited?: boolean
}

/** `items`: published tasks, newest first. */
export interface TaskList extends Page<DailyTaskView> {
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  /** Admins only: tasks written ahead that are not visible yet, soonest first. */
  scheduled: DailyTaskView[]
  canManage: boolean
  today: string
  defaultPublishTime: string
}

// --- actions ---

export const getRules = defineAction<RulesView>()('board', 'getRules', v.object({ groupId: groupIdSchema }))

export const acknowledgeRules = defineAction<{ version: number }>()(
  'board',
  'acknowledgeRules',
  v.object({
    groupId: groupIdSchema,
    version: v.pipe(v.number(t('rules.validate.version')), v.integer(t('rules.validate.version')), v.minValue(1, t('rules.validate.version'))),
  }),
)

export const publishRules = defineAction<RulesVersion>()(
  'board',
  'publishRules',
  v.object({
    groupId: groupIdSchema,
    // Blank lines are dropped by the use case; each clause is limited here.
    clauses: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(MAX_CLAUSE_LENGTH, t('validate.tooLong', { max: MAX_CLAUSE_LENGTH })))),
      v.maxLength(MAX_CLAUSES, t('rules.validate.tooMany', { max: MAX_CLAUSES })),
    ),
    requestId: requestIdSchema,
  }),
)

export const listAnnouncements = defineAction<AnnouncementList>()(
  'board',
  'listAnnouncements',
  v.object({ groupId: groupIdSchema, cursor: cursorSchema }),
)

export const postAnnouncement = defineAction<AnnouncementView>()(
  'board',
  'postAnnouncement',
  v.object({
    groupId: groupIdSchema,
    title: textSchema(MAX_ANNOUNCEMENT_TITLE),
    body: textSchema(MAX_ANNOUNCEMENT_BODY),
    pinned: v.optional(v.boolean(), false),
    requestId: requestIdSchema,
  }),
)

export const setAnnouncementPinned = defineAction<AnnouncementView>()(
  'board',
  'setAnnouncementPinned',
  v.object({
    groupId: groupIdSchema,
    announcementId: v.pipe(v.string(t('announcements.validate.id')), v.regex(/^ann_[A-Za-z0-9_]{1,60}$/, t('announcements.validate.id'))),
    pinned: v.boolean(),
  }),
)

export const listDailyTasks = defineAction<TaskList>()('board', 'listTasks', v.object({ groupId: groupIdSchema, cursor: cursorSchema }))

export const saveDailyTask = defineAction<DailyTaskView>()(
  'board',
  'saveTask',
  v.object({
    groupId: groupIdSchema,
    day: dayKeySchema,
    title: textSchema(MAX_TASK_TITLE),
    body: textSchema(MAX_TASK_BODY),
    publishTime: v.optional(timeOfDaySchema),
    requestId: requestIdSchema,
  }),
)

const announcementIdSchema = v.pipe(v.string(t('announcements.validate.id')), v.regex(/^ann_[A-Za-z0-9_]{1,60}$/, t('announcements.validate.id')))

/** Admins: change an announcement's title and text (it then shows when it was edited). */
export const editAnnouncement = defineAction<AnnouncementView>()(
  'board',
  'editAnnouncement',
  v.object({ groupId: groupIdSchema, announcementId: announcementIdSchema, title: textSchema(MAX_ANNOUNCEMENT_TITLE), body: textSchema(MAX_ANNOUNCEMENT_BODY) }),
)

export const deleteAnnouncement = defineAction<{ deleted: string }>()(
  'board',
  'deleteAnnouncement',
  v.object({ groupId: groupIdSchema, announcementId: announcementIdSchema }),
)

/** Admins: delete a day's task (scheduled or published). Editing is `saveDailyTask` on the same day. */
export const deleteDailyTask = defineAction<{ deleted: string }>()('board', 'deleteTask', v.object({ groupId: groupIdSchema, day: dayKeySchema }))

/** How many announcement ids one mark-read call takes: a page's worth of pinned and recent ones. */
export const MAX_MARK_READ = 40

/**
 * A member has read these announcements (the page sends the unread ones it showed): one marker each, and the
 * unread badge starts over from now. Ids that are not among the group's recent announcements are ignored.
 */
export const markAnnouncementsRead = defineAction<{ marked: number }>()(
  'board',
  'markAnnouncementsRead',
  v.object({
    groupId: groupIdSchema,
    announcementIds: v.pipe(v.array(announcementIdSchema), v.maxLength(MAX_MARK_READ, t('validate.invalid'))),
  }),
)
