import { applyPageInput, decodeScene, emptyForm } from './utils'

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
})
