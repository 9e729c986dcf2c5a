/**
 * A group's admission settings: its questions, the phone threshold, whether members may invite, the
 * cooldown after a rejection and the admins' reason templates. A group that never saved any gets the
 * defaults (`defaultAdmissionSettings`).
 *
 * @example
 *   const settings = await loadAdmissionSettings(store, groupId, now)     // for other use cases
 *   await updateAdmissionSettings(ctx, { groupId, settings: { ...view, cooldownDays: 7 } })   // admins only
 */
import type { AdmissionSettingsView } from '../../contracts/admission'
import { DEFAULT_AUTO_APPROVAL, autoApprovalOf, defaultAdmissionSettings, type AdmissionSettingsDoc } from '../../domain/admission'
import { inviteIdFor } from './invites'
import type { Store } from '../../store/port'
import { DomainError } from '../../domain/errors'
import type { GroupDoc } from '../../domain/group'
import { t } from '../../i18n/strings'
import { recordAudit } from '../audit'
import type { UseCaseContext } from '../context'
import { MANAGERS, requireRole } from '../access'

export async function loadAdmissionSettings(store: Store, groupId: string, now: Date): Promise<AdmissionSettingsDoc> {
  return (await store.get('admissionSettings', groupId)) ?? defaultAdmissionSettings(groupId, now)
}

/** Settings this function instance has read, by store and group, with the group's settings version then. */
const cached = new WeakMap<Store, Map<string, { version: number; settings: AdmissionSettingsDoc }>>()
const MAX_CACHED = 1000

/**
 * The group's admission settings, given the group document just read (in a transaction or not): this
 * instance's copy when the group's `admissionSettingsVersion` still matches it, else one read through
 * `source` (the transaction, so the pair is consistent). Every save bumps the version in the same
 * transaction, so a copy is never served after a change.
 */
export async function admissionSettingsFor(
  store: Store,
  source: Pick<Store, 'get'>,
  group: Pick<GroupDoc, '_id' | 'admissionSettingsVersion'>,
  now: Date,
): Promise<AdmissionSettingsDoc> {
  const version = group.admissionSettingsVersion ?? 0
  const hit = cached.get(store)?.get(group._id)
  if (hit && hit.version === version) return hit.settings
  const settings = (await source.get('admissionSettings', group._id)) ?? defaultAdmissionSettings(group._id, now)
  let byGroup = cached.get(store)
  if (!byGroup) {
    byGroup = new Map()
    cached.set(store, byGroup)
  }
  if (byGroup.size >= MAX_CACHED) byGroup.clear()
  byGroup.set(group._id, { version, settings })
  return settings
}

function toSettingsView(settings: AdmissionSettingsDoc): AdmissionSettingsView {
  const { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates } = settings
  return { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates, autoApproval: autoApprovalOf(settings) }
}

export async function getAdmissionSettings(ctx: UseCaseContext, input: { groupId: string }): Promise<AdmissionSettingsView> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  return { ...toSettingsView(await loadAdmissionSettings(ctx.store, input.groupId, ctx.now())), ownInviteId: inviteIdFor(input.groupId, openid) }
}

export async function updateAdmissionSettings(
  ctx: UseCaseContext,
  input: { groupId: string; settings: Omit<AdmissionSettingsView, 'autoApproval'> & { autoApproval?: AdmissionSettingsView['autoApproval'] } },
): Promise<AdmissionSettingsView> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  const { ownInviteId: _output, ...settings } = input.settings
  const doc: AdmissionSettingsDoc = {
    _id: input.groupId,
    groupId: input.groupId,
    ...settings,
    autoApproval: settings.autoApproval ?? DEFAULT_AUTO_APPROVAL,
    questions: input.settings.questions.map((q) => ({ ...q, options: q.kind === 'choice' ? q.options : [] })),
    updatedAt: now.toISOString(),
  }
  await ctx.store.transaction(async (tx) => {
    const group = await tx.get('groups', input.groupId)
    if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    await tx.set('admissionSettings', doc)
    // Instances holding the old settings see the version move and read them again.
    await tx.update('groups', group._id, { admissionSettingsVersion: (group.admissionSettingsVersion ?? 0) + 1 })
    await recordAudit(tx, {
      groupId: input.groupId,
      actorOpenid: openid,
      action: 'admission.settings',
      detail: { questions: doc.questions.length, requirePhone: doc.requirePhone, allowMemberInvites: doc.allowMemberInvites, cooldownDays: doc.cooldownDays, autoApproveInviter: doc.autoApproval?.activeInviter ?? false, trustedInvites: doc.autoApproval?.trustedInviteIds.length ?? 0 },
      at: now,
    })
  })
  return toSettingsView(doc)
}
