/**
 * Pure helpers of the apply page: which group / invite the page was opened with (a mini program code's
 * `scene`, URL-encoded, or `?id=<groupId>`) and the form to start from.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   applyPageInput({ scene: 'i_0123456789' })   // { inviteId: 'i_0123456789' }
 *   applyPageInput({ id: 'demo-reading' })       // { groupId: 'demo-reading' }
 */
import type { MyApplicationView } from '../../../contracts/admission'

export type ApplyPageInput = { groupId: string; inviteId?: string } | { inviteId: string }

/** The getApplyPage input from the page's launch params; null when they name neither a group nor an invite. */
export function applyPageInput(params: Partial<Record<string, string | undefined>>): ApplyPageInput | null {
  const scene = decodeScene(params.scene)
  const groupId = params.id ? safeDecode(params.id) : ''
  if (groupId && scene) return { groupId, inviteId: scene }
  if (groupId) return { groupId }
  if (scene) return { inviteId: scene }
  return null
}

/** A scene arrives URL-encoded (`wxacode.getUnlimited` docs); decode it, tolerating a raw one. */
export function decodeScene(scene: string | undefined): string {
  if (!scene) return ''
  return safeDecode(scene).trim()
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The form as the page edits it: every field a string. */
export interface ApplyFormState {
  intro: { name: string; region: string; occupation: string; about: string }
  answers: Record<string, string>
  phone: string
}

export function emptyForm(): ApplyFormState {
  return { intro: { name: '', region: '', occupation: '', about: '' }, answers: {}, phone: '' }
}

/** The form to start from: the pending application's answers (to edit them), or an empty form. */
export function formFrom(application: MyApplicationView | null): ApplyFormState {
  if (!application || application.status !== 'pending') return emptyForm()
  const answers: Record<string, string> = {}
  for (const answer of application.answers) answers[answer.questionId] = answer.answer
  return { intro: { ...application.intro }, answers, phone: application.phone ?? '' }
}
