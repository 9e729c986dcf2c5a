/**
 * Contracts of the `group` cloud function: a group's public card and the caller's groups.
 *
 * @example
 *   const profile = await api.call(getGroupProfile, { groupId: 'demo-reading' })
 */
import * as v from 'valibot'
import type { GroupStatus, Role, RulesVersion } from '../domain/group'
import type { BoardBadges } from './board'
import { defineAction } from './define'
import { groupIdSchema } from './fields'

/** The public card of a group, as an applicant or member sees it. */
export interface GroupProfile {
  id: string
  name: string
  intro: string
  topic: string
  memberCount: number
  capacity: number
  seatsLeft: number
  status: GroupStatus
  rules: RulesVersion
  /** The caller's role in this group, or null for visitors and applicants. */
  viewerRole: Role | null
  /** Members only: unread announcements and a rules version to confirm (null for visitors). */
  board?: BoardBadges | null
  /** Members only: what the group home shows for today (null for visitors). */
  today?: GroupToday | null
}

/**
 * The group home's today panel: the day's task (its title once published; before that only when it will be),
 * the caller's check-in today and streak, and the latest pinned announcement.
 */
export interface GroupToday {
  day: string
  timezone: string
  task: { title: string; published: true } | { publishAt: string; published: false } | null
  checkedIn: boolean
  streak: number
  pinned: { id: string; title: string } | null
}

export const getGroupProfile = defineAction<GroupProfile>()(
  'group',
  'getProfile',
  v.object({ groupId: groupIdSchema }),
)

export interface MyGroup {
  id: string
  name: string
  topic: string
  role: Role
  memberCount: number
  /** Unread announcements and a rules version to confirm in this group. */
  board?: BoardBadges
}

export const listMyGroups = defineAction<MyGroup[]>()('group', 'listMine', v.object({}))
