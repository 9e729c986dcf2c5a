import type { MyApplicationView } from '../../../../../contracts/admission'
import { applyPageInput, decodeScene, emptyForm, formFrom } from './utils'

describe('apply page params', () => {
  it('reads an invite scene, URL-encoded or not', () => {
    expect(applyPageInput({ scene: 'i_0123456789' })).toEqual({ inviteId: 'i_0123456789' })
    expect(applyPageInput({ scene: encodeURIComponent(' i_0123456789') })).toEqual({ inviteId: 'i_0123456789' })
    expect(decodeScene('%E0%A4%A')).toBe('%E0%A4%A')
  })

  it('reads a group id, with or without an invite', () => {
    expect(applyPageInput({ id: 'demo-reading' })).toEqual({ groupId: 'demo-reading' })
    expect(applyPageInput({ id: 'demo-reading', scene: 'i_0123456789' })).toEqual({ groupId: 'demo-reading', inviteId: 'i_0123456789' })
  })

  it('is null for a link with neither', () => {
    expect(applyPageInput({})).toBeNull()
  })

  it('starts with an empty form', () => {
    expect(emptyForm()).toEqual({ intro: { name: '', region: '', occupation: '', about: '' }, answers: {}, phone: '' })
  })

  it('starts from a pending application to edit it, otherwise empty', () => {
    const pending: MyApplicationView = {
      id: 'a1',
      status: 'pending',
      intro: { name: '张三', region: '郑州', occupation: '教师', about: '爱读书' },
      answers: [{ questionId: 'reading', label: '在读什么书', answer: '活着' }],
      phone: '13800000000',
      rulesVersion: 1,
      submittedAt: '2026-11-20T02:00:00.000Z',
      decidedAt: null,
      rejectReason: null,
      reapplyAllowedAt: null,
      followUps: [],
    }
    expect(formFrom(pending)).toEqual({ intro: pending.intro, answers: { reading: '活着' }, phone: '13800000000' })
    expect(formFrom({ ...pending, status: 'rejected' })).toEqual(emptyForm())
    // Asked a question (需补充): still open, so editing starts from it too.
    expect(formFrom({ ...pending, status: 'needsInfo' })).toEqual({ intro: pending.intro, answers: { reading: '活着' }, phone: '13800000000' })
    expect(formFrom(null)).toEqual(emptyForm())
  })
})

describe('the application draft and the first error', () => {
  const { parseDraft, hasContent, fieldControlId, firstErrorPath, draftKey } = jest.requireActual('./utils') as typeof import('./utils')

  it('reads back a stored draft and ignores anything else', () => {
    const draft = { intro: { name: '陈晨', region: '郑州', occupation: '', about: '爱读书' }, answers: { q1: '朋友推荐', q2: 3 }, phone: '' }
    expect(parseDraft(draft)).toEqual({ intro: { name: '陈晨', region: '郑州', occupation: '', about: '爱读书' }, answers: { q1: '朋友推荐' }, phone: '' })
    expect(parseDraft('junk')).toBeNull()
    expect(parseDraft({ intro: null })).toBeNull()
    expect(draftKey('g1')).toBe('applyDraft:g1')
    expect(hasContent(parseDraft(draft)!)).toBe(true)
    expect(hasContent({ intro: { name: ' ', region: '', occupation: '', about: '' }, answers: {}, phone: '' })).toBe(false)
  })

  it('scrolls to the first error in the order of the form', () => {
    expect(firstErrorPath({ phone: 'x', 'answers.q2': 'y', 'intro.occupation': 'z' }, ['q1', 'q2'])).toBe('intro.occupation')
    expect(firstErrorPath({ phone: 'x', 'answers.q2': 'y' }, ['q1', 'q2'])).toBe('answers.q2')
    expect(firstErrorPath({}, [])).toBeNull()
    expect(fieldControlId('intro.about')).toBe('apply-about')
    expect(fieldControlId('answers.q2')).toBe('question-q2')
    expect(fieldControlId('phone')).toBe('apply-phone')
  })
})
