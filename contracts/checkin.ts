/**
 * Contracts of the `checkin` cloud function (the member's daily loop) and the `reminders` timer job.
 *
 * @example
 *   const day = await callAction(getCheckinOverview, { groupId })
 *   const { created, streak } = await callAction(checkIn, { groupId, note: '读完第 3 章', linkTask: true })
 */
import * as v from 'valibot'
import type { MakeUpPolicy } from '../domain/checkin'
import { MONTH_KEY_PATTERN } from '../domain/days'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import type { DailyTaskView } from './board'
import { cursorSchema, dayKeySchema, groupIdSchema, timeOfDaySchema, type Page } from './fields'
import type { Role } from '../domain/group'

export const MAX_NOTE_LENGTH = 500

/** A `YYYY-MM` key whose month is 01–12. */
function isCalendarMonth(month: string): boolean {
  const number = Number(month.slice(5, 7))
  return number >= 1 && number <= 12
}

// --- views ---

export interface CheckinView {
  id: string
  day: string
  note: string
  /** A short-lived link that shows the photo (members only: a CloudBase temp URL or a signed local link), or null. */
  photoUrl: string | null
  taskTitle: string | null
  makeUp: boolean
  authorName: string
  checkedInAt: string
  isMine: boolean
  /** Likes (点赞), where the view's answer carries them (the feed, the calendar's entries; not the overview). */
  likes?: LikeSummary
  /** When the author edited it (note or photo, on its day), else absent / null: shown as 「已编辑」. */
  editedAt?: string | null
}

/** Who liked a check-in, as members see it: the count, whether the viewer did, the first names (nicknames members already see). */
export interface LikeSummary {
  count: number
  mine: boolean
  names: string[]
}

/** A month of the member's calendar with their check-ins of that month, so a tapped day shows its entry. */
export interface CalendarMonthEntries extends CalendarMonth {
  timezone: string
  /** The member's own check-ins of the month, ascending by day, with photo links, task titles and likes. */
  entries: CheckinView[]
}

export interface StreakSummary {
  /** The run still alive today (checked in today or yesterday), else 0. */
  current: number
  longest: number
  total: number
  lastDay: string | null
  makeUpDays: number
}

export interface CalendarMonth {
  month: string
  /** Checked-in days of the month, ascending, make-ups marked. */
  days: Array<{ day: string; makeUp: boolean }>
}

export interface MakeUpStatus {
  policy: MakeUpPolicy
  usedThisMonth: number
  left: number
  /** Missed days that may still be filled, most recent first. */
  candidates: string[]
}

export interface CheckinOverview {
  groupId: string
  groupName: string
  timezone: string
  viewerRole: Role
  today: string
  todayTask: DailyTaskView | null
  myCheckin: CheckinView | null
  streak: StreakSummary
  calendar: CalendarMonth
  makeUp: MakeUpStatus
  memberCount: number
  reminder: { enabled: boolean; time: string }
  /** Where the viewer's photos for today go in cloud storage (WeChat): append `<nonce>.<ext>`, then `registerPhoto`. */
  photoPathPrefix: string
}

export interface CheckinResult {
  checkin: CheckinView
  /** False when the member had already checked in that day; nothing changed. */
  created: boolean
  streak: StreakSummary
  /** This month's calendar after the check-in (the page updates in place instead of reloading the overview). */
  calendar: CalendarMonth
  /** After a make-up: the make-up status (left this month, the days still open). */
  makeUp?: MakeUpStatus
}

export interface TodayFeed extends Page<CheckinView> {
  day: string
  /** The group's today (the feed may show a past day). */
  today?: string
  timezone: string
  checkedInCount: number
  memberCount: number
}

export interface OrphanPhotoCleanup {
  /** Uploads removed (record and file). */
  deleted: number
  /** Per-day upload counters of past days removed (they only matter on their day). */
  staleCounters: number
}

export interface ReminderRun {
  considered: number
  reminded: number
  messagesSent: number
}

// --- actions ---

const noteSchema = v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH, t('validate.tooLong', { max: MAX_NOTE_LENGTH }))))

/** A cloud storage fileID (`cloud://…`) from Taro.cloud.uploadFile, or a local upload id (`local:<hex>.<ext>`). */
export const PHOTO_ID_PATTERN = /^(cloud:\/\/[A-Za-z0-9._\-/]{1,250}|local:[a-f0-9]{32}\.(png|jpg|gif|webp))$/
const photoSchema = v.optional(v.pipe(v.string(t('checkin.validate.photo')), v.regex(PHOTO_ID_PATTERN, t('checkin.validate.photo'))))

export const getCheckinOverview = defineAction<CheckinOverview>()('checkin', 'overview', v.object({ groupId: groupIdSchema }))

export const checkIn = defineAction<CheckinResult>()(
  'checkin',
  'checkIn',
  v.object({ groupId: groupIdSchema, note: noteSchema, photoFileId: photoSchema, linkTask: v.optional(v.boolean(), true) }),
)

export const makeUpCheckin = defineAction<CheckinResult>()(
  'checkin',
  'makeUp',
  v.object({
    groupId: groupIdSchema,
    day: dayKeySchema,
    note: noteSchema,
    photoFileId: photoSchema,
  }),
)

export const getCheckinCalendar = defineAction<CalendarMonthEntries>()(
  'checkin',
  'calendar',
  v.object({
    groupId: groupIdSchema,
    month: v.pipe(
      v.string(t('checkin.validate.month')),
      v.regex(MONTH_KEY_PATTERN, t('checkin.validate.month')),
      // The pattern lets 2026-13 and 2026-00 through; a calendar has months 01–12 only.
      v.check((month) => isCalendarMonth(month), t('checkin.validate.monthRange')),
    ),
  }),
)

/** A day's feed: today's by default, or a past `day` (the group's day; a future one is refused). */
export const listTodayFeed = defineAction<TodayFeed>()('checkin', 'feed', v.object({ groupId: groupIdSchema, cursor: cursorSchema, day: v.optional(dayKeySchema) }))

export const setReminder = defineAction<{ enabled: boolean; time: string }>()(
  'checkin',
  'setReminder',
  v.object({ groupId: groupIdSchema, enabled: v.boolean(), time: timeOfDaySchema }),
)

/** Record a photo the caller uploaded to cloud storage under their own `photoPathPrefix` (WeChat); answers the photo id a check-in takes. */
export const registerPhoto = defineAction<{ photoId: string }>()(
  'checkin',
  'registerPhoto',
  v.object({ groupId: groupIdSchema, fileId: v.pipe(v.string(t('checkin.validate.photo')), v.regex(/^cloud:\/\/[A-Za-z0-9._\-/]{1,250}$/, t('checkin.validate.photo'))) }),
)

/** The timer job deleting uploads no check-in used (after a day); refused when called with a user's identity. */
export const cleanOrphanPhotos = defineAction<OrphanPhotoCleanup>()('photoCleanup', 'run', v.object({}))

/** The timer job; refused when called with a user's identity. */
export const runDailyReminders = defineAction<ReminderRun>()('reminders', 'run', v.object({}))

/** A check-in's view id (`CheckinView.id`): 24 hex. */
export const CHECKIN_VIEW_ID_PATTERN = /^[a-f0-9]{24}$/

/**
 * Like (点赞) a check-in of the group, or take the like back (`liked: false`); idempotent. `knownCount` is the
 * count the page shows: when it is 0 (or absent) the server first proves the check-in exists (one query), as the
 * first like of a check-in must; a like of an already-liked check-in skips that.
 */
export const likeCheckin = defineAction<LikeSummary>()(
  'checkin',
  'like',
  v.object({
    groupId: groupIdSchema,
    checkinId: v.pipe(v.string(t('checkin.validate.checkinId')), v.regex(CHECKIN_VIEW_ID_PATTERN, t('checkin.validate.checkinId'))),
    liked: v.boolean(),
    knownCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
  }),
)

/** Edit the caller's own check-in of today (the group's day): a new note, and/or a photo added when it has none. */
export const editCheckin = defineAction<CheckinView>()(
  'checkin',
  'edit',
  v.object({ groupId: groupIdSchema, note: noteSchema, photoFileId: photoSchema }),
)

/** What one run of the export cleanup did. */
export interface ExpiredExportCleanup {
  /** Export files deleted (or found already gone), their records removed. */
  deleted: number
  /** Files the storage could not delete this time: their records stay for the next run. */
  kept: number
}

/**
 * The `photoCleanup` function's second timer job (`cleanExpiredExportsHourly`): deletes saved export files
 * (CSV) and their records once their link expired; refused to anyone but the timer.
 */
export const cleanExpiredExports = defineAction<ExpiredExportCleanup>()('photoCleanup', 'cleanExports', v.object({}))
