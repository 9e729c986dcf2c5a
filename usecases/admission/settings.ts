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
import { defaultAdmissionSettings, type AdmissionSettingsDoc } from '../../domain/admission'
import type { Store } from '../../store/port'
import { recordAudit } from '../audit'
import type { UseCaseContext } from '../context'
import { MANAGERS, requireRole } from '../access'

export async function loadAdmissionSettings(store: Store, groupId: string, now: Date): Promise<AdmissionSettingsDoc> {
  return (await store.get('admissionSettings', groupId)) ?? defaultAdmissionSettings(groupId, now)
}

function toSettingsView(settings: AdmissionSettingsDoc): AdmissionSettingsView {
  const { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates } = settings
  return { questions, requirePhone, allowMemberInvites, cooldownDays, reasonTemplates }
}

export async function getAdmissionSettings(ctx: UseCaseContext, input: { groupId: string }): Promise<AdmissionSettingsView> {
  await requireRole(ctx, input.groupId, MANAGERS)
  return toSettingsView(await loadAdmissionSettings(ctx.store, input.groupId, ctx.now()))
}

export async function updateAdmissionSettings(
  ctx: UseCaseContext,
  input: { groupId: string; settings: AdmissionSettingsView },
): Promise<AdmissionSettingsView> {
  const { openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const now = ctx.now()
  const doc: AdmissionSettingsDoc = {
    _id: input.groupId,
    groupId: input.groupId,
    ...input.settings,
    questions: input.settings.questions.map((q) => ({ ...q, options: q.kind === 'choice' ? q.options : [] })),
    updatedAt: now.toISOString(),
  }
  await ctx.store.transaction(async (tx) => {
    await tx.set('admissionSettings', doc)
    await recordAudit(tx, {
      groupId: input.groupId,
      actorOpenid: openid,
      action: 'admission.settings',
      detail: { questions: doc.questions.length, requirePhone: doc.requirePhone, allowMemberInvites: doc.allowMemberInvites, cooldownDays: doc.cooldownDays },
      at: now,
    })
  })
  return toSettingsView(doc)
}
