/**
 * Contracts of the `members` cloud function: the roster with roles, and the role changes —
 * promote / demote admins and transfer ownership (owner only), remove members (admins), leave (members).
 * Pages name a member by its opaque per-group `key` (never the platform identity); the viewer's own row
 * says `isViewer`.
 *
 * @example
 *   const roster = await callAction(listMembers, { groupId })
 *   await callAction(changeMemberRole, { groupId, memberKey: roster.items[1].key, role: 'admin' })
 */
import * as v from 'valibot'
import type { Role } from '../domain/group'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { MAX_REASON_LENGTH, cursorSchema, groupIdSchema, optionalTextSchema, type Page } from './fields'

/** A roster key: `m_` and 24 hex (see usecases/member-keys.ts). */
export const memberKeySchema = v.pipe(v.string(t('members.validate.memberKey')), v.regex(/^m_[a-f0-9]{24}$/, t('members.validate.memberKey')))

/** How many members one roster page holds. */
export const ROSTER_PAGE_SIZE = 50

export interface RosterMember {
  /** Opaque, per group: what the member actions take. */
  key: string
  /** This row is the viewer. */
  isViewer: boolean
  role: Role
  /** 姓名-地区-职业 */
  nickname: string
  joinedAt: string
}

export interface RosterPage extends Page<RosterMember> {
  total: number
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  viewerRole: Role
}

export const listMembers = defineAction<RosterPage>()(
  'members',
  'list',
  v.object({ groupId: groupIdSchema, cursor: cursorSchema }),
)

export const changeMemberRole = defineAction<RosterMember>()(
  'members',
  'changeRole',
  v.object({ groupId: groupIdSchema, memberKey: memberKeySchema, role: v.picklist(['admin', 'member'], t('validate.invalid')) }),
)

export const transferOwnership = defineAction<{ ownerKey: string }>()(
  'members',
  'transferOwnership',
  v.object({ groupId: groupIdSchema, memberKey: memberKeySchema }),
)

export const removeMember = defineAction<{ memberCount: number }>()(
  'members',
  'remove',
  v.object({ groupId: groupIdSchema, memberKey: memberKeySchema, reason: v.optional(optionalTextSchema(MAX_REASON_LENGTH), '') }),
)

export const leaveGroup = defineAction<{ memberCount: number }>()('members', 'leave', v.object({ groupId: groupIdSchema }))
