/**
 * Contracts of the `group` cloud function: a group's public card and the caller's groups.
 *
 * @example
 *   const profile = await api.call(getGroupProfile, { groupId: 'demo-reading' })
 */
import * as v from 'valibot'
import type { GroupStatus, Role, RulesVersion } from '../domain/group'
import { t } from '../i18n/strings'
import { defineAction } from './define'

/** Group ids are short and URL/scene-safe (a mini program code's scene holds at most 32 characters). */
export const groupIdSchema = v.pipe(
  v.string(t('validate.groupId')),
  v.regex(/^[A-Za-z0-9_-]{1,24}$/, t('validate.groupId')),
)

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
}

export const listMyGroups = defineAction<MyGroup[]>()('group', 'listMine', v.object({}))
