/**
 * Contracts of the `members` cloud function: the roster with roles, and the role changes —
 * promote / demote admins and transfer ownership (owner only), remove members (admins), leave (members).
 *
 * @example
 *   await callAction(changeMemberRole, { groupId, targetOpenid: 'o_x', role: 'admin' })
 */
import * as v from 'valibot'
import type { Role } from '../domain/group'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { MAX_REASON_LENGTH, cursorSchema, groupIdSchema, optionalTextSchema, type Page } from './fields'

export const openidSchema = v.pipe(v.string(t('members.validate.openid')), v.regex(/^[A-Za-z0-9_-]{1,64}$/, t('members.validate.openid')))

/** How many members one roster page holds. */
export const ROSTER_PAGE_SIZE = 50

export interface RosterMember {
  openid: string
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
  viewerOpenid: string
}

export const listMembers = defineAction<RosterPage>()(
  'members',
  'list',
  v.object({ groupId: groupIdSchema, cursor: cursorSchema }),
)

export const changeMemberRole = defineAction<RosterMember>()(
  'members',
  'changeRole',
  v.object({ groupId: groupIdSchema, targetOpenid: openidSchema, role: v.picklist(['admin', 'member'], t('validate.invalid')) }),
)

export const transferOwnership = defineAction<{ ownerOpenid: string }>()(
  'members',
  'transferOwnership',
  v.object({ groupId: groupIdSchema, targetOpenid: openidSchema }),
)

export const removeMember = defineAction<{ memberCount: number }>()(
  'members',
  'remove',
  v.object({ groupId: groupIdSchema, targetOpenid: openidSchema, reason: v.optional(optionalTextSchema(MAX_REASON_LENGTH), '') }),
)

export const leaveGroup = defineAction<{ memberCount: number }>()('members', 'leave', v.object({ groupId: groupIdSchema }))
