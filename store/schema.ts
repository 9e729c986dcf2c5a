/**
 * The collections the product stores, their document types, and the indexes each query needs.
 * The SQLite adapter creates these indexes; for CloudBase the README lists them to create in the console
 * (the server SDK cannot create indexes), and the `setup` function creates the collections.
 *
 * Add a collection here when a feature needs one; both adapters pick it up.
 */
import type { AdmissionDigestDoc, AdmissionSettingsDoc, ApplicationDoc, InviteDoc } from '../domain/admission'
import type { AuditLogDoc } from '../domain/audit'
import type { GroupDoc, MemberDoc } from '../domain/group'
import type { InboxMessageDoc } from '../domain/inbox'
import type { AnnouncementDoc } from '../domain/announcements'
import type { CheckinDoc, CheckinMonthDoc, CheckinStatsDoc } from '../domain/checkin'
import type { ReminderSubscriptionDoc } from '../domain/reminders'
import type { RulesAckDoc, RuleVersionDoc } from '../domain/rules'
import type { DailyTaskDoc } from '../domain/tasks'
import type { PhotoDoc, PhotoQuotaDoc } from '../domain/photos'
import type { DailyStatsDoc } from '../domain/tally'
import type { CheckinLikesDoc } from '../domain/likes'
import type { LotteryDoc, LotteryEntryDoc, LotterySecretDoc, LotteryShardDoc, LotteryWinDoc } from '../domain/lottery'
import type { AnnouncementReadDoc } from '../domain/board'
import type { ExportFileDoc } from '../domain/exports'

export interface Collections {
  groups: GroupDoc
  members: MemberDoc
  auditLogs: AuditLogDoc
  inboxMessages: InboxMessageDoc
  // Admission
  applications: ApplicationDoc
  admissionSettings: AdmissionSettingsDoc
  invites: InviteDoc
  // Rules, announcements, daily tasks and check-in
  ruleVersions: RuleVersionDoc
  ruleAcks: RulesAckDoc
  announcements: AnnouncementDoc
  dailyTasks: DailyTaskDoc
  checkins: CheckinDoc
  checkinMonths: CheckinMonthDoc
  checkinStats: CheckinStatsDoc
  reminderSubscriptions: ReminderSubscriptionDoc
  // Check-in photos: every upload, and each member's uploads per group per day
  photos: PhotoDoc
  photoQuotas: PhotoQuotaDoc
  // Participation: each group's closed days (the nightly tally)
  dailyStats: DailyStatsDoc
  // Admission: the digest job's mark (how far new applications were told to the admins)
  admissionDigests: AdmissionDigestDoc
  // Likes (点赞): one document per liked check-in, with its count and likers
  checkinLikes: CheckinLikesDoc
  // Lotteries: the lottery (public part), its secret seed until the draw, the entry gate shards, entries, wins
  lotteries: LotteryDoc
  lotterySecrets: LotterySecretDoc
  lotteryShards: LotteryShardDoc
  lotteryEntries: LotteryEntryDoc
  lotteryWins: LotteryWinDoc
  // Who read which announcement: one marker per member and announcement, counted for the admins
  announcementReads: AnnouncementReadDoc
  // Saved exports (CSV files): one record per file, so the cleanup deletes it after its link expired
  exportFiles: ExportFileDoc
}

export interface IndexSpec {
  /** Fields in index order, each with its direction. */
  fields: Array<{ field: string; direction: 'asc' | 'desc' }>
  unique?: boolean
}

export const COLLECTION_INDEXES: { [C in keyof Collections]: IndexSpec[] } = {
  groups: [
    { fields: [{ field: 'status', direction: 'asc' }] },
    // The join-QR reminder job: groups whose QR expires within a day.
    { fields: [{ field: 'joinQrRemindAt', direction: 'asc' }] },
  ],
  members: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'joinedAt', direction: 'desc' }] },
    { fields: [{ field: 'openid', direction: 'asc' }] },
    // The member actions find a member by the roster's opaque key.
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'memberKey', direction: 'asc' }] },
    // The admins' list of approved members who have not said they joined the WeChat group.
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'joinPending', direction: 'asc' }, { field: 'joinedAt', direction: 'asc' }] },
  ],
  auditLogs: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'at', direction: 'desc' }] }],
  inboxMessages: [{ fields: [{ field: 'openid', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }] }],
  // Admission: the review queue (oldest first unless asked otherwise), the purge job.
  applications: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'status', direction: 'asc' }, { field: 'submittedAt', direction: 'asc' }] },
    { fields: [{ field: 'status', direction: 'asc' }, { field: 'decidedAt', direction: 'asc' }] },
  ],
  admissionSettings: [],
  invites: [],
  // Rules, announcements, daily tasks and check-in: announcement lists, past tasks, today's feed,
  // the reminder job.
  ruleVersions: [],
  ruleAcks: [],
  announcements: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'pinned', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }] }],
  dailyTasks: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'publishAt', direction: 'desc' }] }],
  // Today's feed; a member's month calendar (groupId + openid + a day range, ordered by day then _id, as every
  // paged query is: with `_id` in the index SQLite serves it from here, instead of walking the whole group's
  // month through the groupId + day + _id index to skip the sort).
  checkins: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'day', direction: 'asc' }, { field: 'checkedInAt', direction: 'desc' }] },
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'openid', direction: 'asc' }, { field: 'day', direction: 'asc' }, { field: '_id', direction: 'asc' }] },
  ],
  // No longer written: the counters, runs and calendar live on the membership (`MemberDoc.checkin`); these
  // are read only for memberships that predate that, until their next check-in.
  checkinMonths: [],
  checkinStats: [],
  reminderSubscriptions: [{ fields: [{ field: 'enabled', direction: 'asc' }] }],
  // The orphan cleanup: unused uploads, oldest first, paged by id.
  photos: [{ fields: [{ field: 'checkinId', direction: 'asc' }, { field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }] }],
  // The cleanup removes counters of past days.
  photoQuotas: [{ fields: [{ field: 'day', direction: 'asc' }, { field: '_id', direction: 'asc' }] }],
  // The dashboard's 30 days.
  dailyStats: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'day', direction: 'desc' }] }],
  // By id only.
  admissionDigests: [],
  // Read by id only (a page of views reads its likes with one `_id in` query).
  checkinLikes: [],
  // Lotteries: a group's list (newest first, by status); the timer's due work (dueAt ≤ now).
  lotteries: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'status', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }] },
    { fields: [{ field: 'dueAt', direction: 'asc' }] },
  ],
  // Read by id only (the draw, never a client).
  lotterySecrets: [],
  lotteryShards: [],
  // The frozen list paged by id (draw, redraw, notices); the published list in canonical order (by entry id);
  // the admin list in entry order.
  lotteryEntries: [
    { fields: [{ field: 'lotteryId', direction: 'asc' }, { field: '_id', direction: 'asc' }] },
    { fields: [{ field: 'lotteryId', direction: 'asc' }, { field: 'entryId', direction: 'asc' }] },
    { fields: [{ field: 'lotteryId', direction: 'asc' }, { field: 'enteredAt', direction: 'asc' }] },
    // The nightly tally's day.
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'enteredAt', direction: 'asc' }] },
  ],
  // A lottery's winners; the timer's claim deadlines.
  lotteryWins: [
    { fields: [{ field: 'lotteryId', direction: 'asc' }, { field: 'round', direction: 'asc' }] },
  ],
  // The admins' read count of one announcement.
  announcementReads: [{ fields: [{ field: 'announcementId', direction: 'asc' }] }],
  // The export cleanup: records whose link expired, paged by id.
  exportFiles: [{ fields: [{ field: 'expiresAt', direction: 'asc' }, { field: '_id', direction: 'asc' }] }],
}

/**
 * Indexes the participation features add to existing collections (merged into `COLLECTION_INDEXES` below):
 * the boards (one per counter, ties by joining), the inactive list, the tally's streak breaks, the tally's
 * reads of a day (check-ins done then, applications received / decided), and the check-in export's keyset.
 */
const PARTICIPATION_INDEXES: Partial<{ [C in keyof Collections]: IndexSpec[] }> = {
  members: [
    ...(['weekScore', 'weekCheckins'] as const).map((field) => board('weekKey', field)),
    ...(['monthScore', 'monthCheckins'] as const).map((field) => board('monthKey', field)),
    ...(['score', 'checkinDays', 'streak'] as const).map((field) => board(null, field)),
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'activeDay', direction: 'asc' }, { field: 'joinedAt', direction: 'asc' }, { field: '_id', direction: 'asc' }] },
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'lastCheckinDay', direction: 'asc' }, { field: 'streak', direction: 'asc' }] },
  ],
  checkins: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'checkedInAt', direction: 'asc' }] },
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'day', direction: 'asc' }, { field: '_id', direction: 'asc' }] },
  ],
  applications: [
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'submittedAt', direction: 'asc' }] },
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'decidedAt', direction: 'asc' }] },
    // The admins' digest: pending applications submitted since the job's last run.
    { fields: [{ field: 'status', direction: 'asc' }, { field: 'submittedAt', direction: 'asc' }] },
    // 已处理: a group's approved and rejected applications, newest decision first.
    { fields: [{ field: 'groupId', direction: 'asc' }, { field: 'status', direction: 'asc' }, { field: 'decidedAt', direction: 'desc' }] },
  ],
}

function board(periodKey: string | null, field: string): IndexSpec {
  return {
    fields: [
      { field: 'groupId', direction: 'asc' },
      ...(periodKey ? [{ field: periodKey, direction: 'asc' as const }] : []),
      { field, direction: 'desc' },
      { field: 'joinedAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
  }
}

/** The first like of a check-in finds it by the id its views carry. */
const CHECKIN_JOURNEY_INDEXES: Partial<{ [C in keyof Collections]: IndexSpec[] }> = {
  checkins: [{ fields: [{ field: 'groupId', direction: 'asc' }, { field: 'viewId', direction: 'asc' }] }],
}

for (const [name, specs] of Object.entries(CHECKIN_JOURNEY_INDEXES)) COLLECTION_INDEXES[name as keyof Collections].push(...specs!)
for (const [name, specs] of Object.entries(PARTICIPATION_INDEXES)) COLLECTION_INDEXES[name as keyof Collections].push(...specs!)

export const COLLECTION_NAMES = Object.keys(COLLECTION_INDEXES) as Array<keyof Collections>
