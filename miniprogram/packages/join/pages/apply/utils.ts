/**
 * Pure helpers of the apply page: which group / invite the page was opened with (a mini program code's
 * `scene`, URL-encoded, or `?id=<groupId>`) and the form to start from.
 * No Taro imports, so they are unit-tested directly (utils.test.ts).
 *
 * @example
 *   applyPageInput({ scene: 'i_0123456789' })   // { inviteId: 'i_0123456789' }
 *   applyPageInput({ id: 'demo-reading' })       // { groupId: 'demo-reading' }
 */
import type { MyApplicationView } from '../../../../../contracts/admission'
import { isOpen } from '../../../../../domain/admission'

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
  if (!application || !isOpen(application.status)) return emptyForm()
  const answers: Record<string, string> = {}
  for (const answer of application.answers) answers[answer.questionId] = answer.answer
  return { intro: { ...application.intro }, answers, phone: application.phone ?? '' }
}

/** Where the unsent form of a group is kept on the phone (Taro storage), so leaving the page loses nothing. */
export function draftKey(groupId: string): string {
  return `applyDraft:${groupId}`
}

/** A stored draft, if it is one (anything else — an old shape, junk — is ignored). */
export function parseDraft(value: unknown): ApplyFormState | null {
  if (typeof value !== 'object' || value === null) return null
  const draft = value as Partial<ApplyFormState>
  const intro = draft.intro as Partial<ApplyFormState['intro']> | undefined
  if (!intro || typeof draft.answers !== 'object' || draft.answers === null) return null
  const text = (x: unknown) => (typeof x === 'string' ? x : '')
  const answers: Record<string, string> = {}
  for (const [id, answer] of Object.entries(draft.answers)) if (typeof answer === 'string') answers[id] = answer
  return { intro: { name: text(intro.name), region: text(intro.region), occupation: text(intro.occupation), about: text(intro.about) }, answers, phone: text(draft.phone) }
}

/** Whether the form holds anything typed. */
export function hasContent(form: ApplyFormState): boolean {
  return Object.values(form.intro).some((v) => v.trim() !== '') || Object.values(form.answers).some((v) => v.trim() !== '') || form.phone.trim() !== ''
}

/** The control of a form error's path (`intro.name`, `answers.q1`, `phone`), for scrolling to the first one. */
export function fieldControlId(path: string): string | null {
  const intro: Record<string, string> = { 'intro.name': 'apply-name', 'intro.region': 'apply-region', 'intro.occupation': 'apply-occupation', 'intro.about': 'apply-about' }
  if (intro[path]) return intro[path]
  if (path.startsWith('answers.')) return `question-${path.slice('answers.'.length)}`
  if (path === 'phone') return 'apply-phone'
  return null
}

/** The first error in the form's order (intro, questions in order, phone): where the page scrolls. */
export function firstErrorPath(errors: Record<string, string>, questionIds: string[]): string | null {
  const order = ['intro.name', 'intro.region', 'intro.occupation', 'intro.about', ...questionIds.map((id) => `answers.${id}`), 'phone']
  return order.find((path) => errors[path]) ?? Object.keys(errors)[0] ?? null
}
