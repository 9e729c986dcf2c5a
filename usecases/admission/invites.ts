/**
 * Invites: a member's (or admin's) personal invite code — a WeChat code whose scene is the invite id and
 * opens the apply page — and who invited whom, shown to the admins on the review queue.
 *
 * @example
 *   const code = await getInviteCode(ctx, services, { groupId })   // { inviteId, scene, ... the image }
 *   inviteIdFor('g1', 'o_alice')                                     // 'i_' + 10 hex, the same every time
 */
import { createHash } from 'node:crypto'
import type { InviteCodeView } from '../../contracts/admission'
import type { ApplicationDoc, InviteDoc } from '../../domain/admission'
import { DomainError } from '../../domain/errors'
import { formatNickname, memberId } from '../../domain/group'
import { t } from '../../i18n/strings'
import type { WechatPort } from '../ports/wechat'
import { StoreConflictError, type Store } from '../../store/port'
import type { UseCaseContext } from '../context'
import { EVERY_ROLE, requireRole } from '../access'
import { ROUTES } from '../../contracts/routes'
import { loadAdmissionSettings } from './settings'

/** `i_` + 10 hex of sha256(group:inviter): the same person gets the same invite, and it fits a scene. */
export function inviteIdFor(groupId: string, inviterOpenid: string): string {
  return `i_${createHash('sha256').update(`${groupId}:${inviterOpenid}`).digest('hex').slice(0, 10)}`
}

export async function getInviteCode(ctx: UseCaseContext, services: WechatPort, input: { groupId: string }): Promise<InviteCodeView> {
  const { member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  const settings = await loadAdmissionSettings(ctx.store, input.groupId, ctx.now())
  if (member.role === 'member' && !settings.allowMemberInvites) throw new DomainError('FORBIDDEN', t('admission.error.invitesAdminsOnly'))
  const id = inviteIdFor(input.groupId, openid)
  const invite: InviteDoc = { _id: id, groupId: input.groupId, inviterOpenid: openid, createdAt: ctx.now().toISOString() }
  try {
    await ctx.store.create('invites', invite)
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    const existing = await ctx.store.get('invites', id)
    if (!existing || existing.groupId !== input.groupId || existing.inviterOpenid !== openid) throw new DomainError('CONFLICT', t('error.CONFLICT'))
  }
  const image = await services.createInviteCode({ scene: id, page: ROUTES.apply })
  return { inviteId: id, scene: id, ...image }
}

export async function findInvite(store: Store, inviteId: string | undefined | null): Promise<InviteDoc | null> {
  return inviteId ? store.get('invites', inviteId) : null
}

/** The nickname of the member `openid` in the group, or null when they are not (or no longer) a member. */
export async function nicknameOf(store: Store, groupId: string, openid: string | null): Promise<string | null> {
  if (!openid) return null
  const member = await store.get('members', memberId(groupId, openid))
  return member ? formatNickname(member.intro) : null
}

/**
 * Inviter nicknames of `apps`, by inviter openid (inviters who left the group are missing): one query for
 * the lot (their memberships by id), none when no application on the page was invited.
 */
export async function inviterNames(store: Store, groupId: string, apps: ApplicationDoc[]): Promise<Map<string, string>> {
  const openids = [...new Set(apps.flatMap((app) => (app.inviterOpenid ? [app.inviterOpenid] : [])))]
  if (openids.length === 0) return new Map()
  const members = await store.find('members', { where: { _id: { in: openids.map((openid) => memberId(groupId, openid)) } }, limit: openids.length })
  return new Map(members.map((member) => [member.openid, formatNickname(member.intro)]))
}
