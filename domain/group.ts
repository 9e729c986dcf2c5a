/**
 * Groups (社群) and their members: the entities, and the rules that need no I/O.
 *
 * @example
 *   memberId('g_demo', 'o_alice') // 'g_demo:o_alice' — one membership per person per group
 *   seatsLeft({ capacity: 500, memberCount: 498 }) // 2
 */

/** WeChat groups hold at most 500 people; a group's capacity may be set lower, never higher. */
import type { CheckinState } from './checkin'
import type { GroupCopy, ParticipationCounters, ParticipationGoal, ScorePoints } from './participation'
import type { JoinGuide } from './join-guide'
import type { RecentAnnouncement } from './board'

export const MAX_GROUP_CAPACITY = 500

export const DEFAULT_TIMEZONE = 'Asia/Shanghai'

export type Role = 'owner' | 'admin' | 'member'

/** `archived`: read-only (the owner archives it when its goal is met, and may restore it to `open`). */
export type GroupStatus = 'open' | 'closed' | 'archived'

/** One published version of a group's rules (群规). Editing creates version + 1. */
export interface RulesVersion {
  version: number
  clauses: string[]
  publishedAt: string
}

export interface GroupDoc {
  _id: string
  name: string
  intro: string
  /** What the group is for, e.g. "读书打卡" — shown on the card. */
  topic: string
  capacity: number
  /** Kept in step with `members` inside the same transaction that adds or removes one. */
  memberCount: number
  timezone: string
  rules: RulesVersion
  ownerOpenid: string
  status: GroupStatus
  createdAt: string
  // Daily check-in settings; optional, defaults in domain/days.ts and domain/checkin.ts.
  /** Hour (0–23) at which a check-in day starts in `timezone`; 4 = check-ins before 04:00 count for the day before. */
  dayStartHour?: number
  /** Default publish time of a daily task, `HH:mm` in `timezone` (08:00 when missing). */
  taskPublishTime?: string
  /** Whether and how members may fill a missed day (补卡); off when missing. */
  makeUp?: { enabled: boolean; windowDays: number; monthlyLimit: number }
  /** Bumped with every save of the group's admission settings, so a function instance knows its cached copy is current. */
  admissionSettingsVersion?: number
  /** Points per event, the inactivity threshold and the goal (`domain/participation.ts`); defaults when missing. */
  participation?: { points?: Partial<ScorePoints>; inactiveDays?: number; goal?: ParticipationGoal | null }
  /** Bumped with every save of `participation` and every archive / restore (the memberships' `groupCopy` carries it). */
  participationVersion?: number
  /** The last day the nightly tally closed (YYYY-MM-DD); missing before the first run. */
  talliedThrough?: string
  /** When the owner archived the group (ISO), while `status` is `archived`. */
  archivedAt?: string | null
  /** What `status` was when archived (restore goes back to it). */
  statusBeforeArchive?: 'open' | 'closed' | null
  /** How approved members get into the WeChat group (`domain/join-guide.ts`); members-only, never in a public view. */
  joinGuide?: JoinGuide
  /** When the admins are to be reminded that the group QR expires (a day before); null once reminded or without one. */
  joinQrRemindAt?: string | null
  /** The latest announcements (newest first, `domain/board.ts`): members' unread badges come from it; missing until the first post. */
  recentAnnouncements?: RecentAnnouncement[]
}

/** The customary self-introduction: 姓名-地区-职业 (张三-郑州-理财顾问). */
export interface SelfIntroduction {
  name: string
  region: string
  occupation: string
}

/** The participation counters (`ParticipationCounters`) are top-level fields, so the boards can query and order by them. */
export interface MemberDoc extends ParticipationCounters {
  /** `memberId(groupId, openid)`: the store refuses a second membership by id. */
  _id: string
  groupId: string
  openid: string
  /** The opaque per-group key pages name the member by (`usecases/member-keys.ts`); never the OPENID. */
  memberKey: string
  role: Role
  intro: SelfIntroduction
  joinedAt: string
  /** The member's check-in counters, runs, month and quota (`domain/checkin.ts`); missing until the first check-in. */
  checkin?: CheckinState
  /**
   * The rules version the member last confirmed: the one accepted to join, then every acknowledgement (also
   * kept as a `ruleAcks` document, which memberships written before this copy existed still rely on).
   */
  rulesAck?: { version: number; acknowledgedAt: string }
  /** When the member last opened the announcements: the unread badge counts what was posted after. */
  boardSeenAt?: string | null
  /** A copy of the member's reminder choice (the overview reads it with the membership). */
  reminder?: { enabled: boolean; time: string }
  /** The group's points and archived state as a check-in needs them (`domain/participation.ts` `GroupCopy`). */
  groupCopy?: GroupCopy
  /** Approved through an application and not yet said 「我已入群」 (the admins' not-joined list). */
  joinPending?: boolean
  /** When the member said they joined the WeChat group. */
  wechatJoinedAt?: string | null
}

export function memberId(groupId: string, openid: string): string {
  return `${groupId}:${openid}`
}

export function seatsLeft(group: Pick<GroupDoc, 'capacity' | 'memberCount'>): number {
  return Math.max(0, Math.min(group.capacity, MAX_GROUP_CAPACITY) - group.memberCount)
}

export function isFull(group: Pick<GroupDoc, 'capacity' | 'memberCount'>): boolean {
  return seatsLeft(group) === 0
}

/** The group nickname members are asked to set: 张三-郑州-理财顾问. */
export function formatNickname(intro: SelfIntroduction): string {
  return [intro.name, intro.region, intro.occupation].map((part) => part.trim()).filter(Boolean).join('-')
}

/** Owners and admins run the group; members take part. */
export function canManageGroup(role: Role | null | undefined): boolean {
  return role === 'owner' || role === 'admin'
}
