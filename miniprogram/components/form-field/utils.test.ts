import { counterText, isOverLimit, listTextLimit, overBy } from './utils'

describe('form field counter', () => {
  it('counts characters as the server does, against its limit', () => {
    expect(counterText('', 20)).toBe('0/20')
    expect(counterText('早起读书', 20)).toBe('4/20')
  })

  it('flags a value over the limit (e.g. one filled in before the limit was known)', () => {
    expect(isOverLimit('abc', 3)).toBe(false)
    expect(isOverLimit('abcd', 3)).toBe(true)
  })

  it('says by how much a pasted text is over, so nothing is cut without a word', () => {
    expect(overBy('x'.repeat(2000), 300)).toBe(1700)
    expect(overBy('abc', 3)).toBe(0)
  })
})

describe('listTextLimit', () => {
  it('fits every entry at its longest plus the separators between them', () => {
    expect(listTextLimit(30, 300)).toBe(9029)
    expect(listTextLimit(1, 60)).toBe(60)
    expect(listTextLimit(0, 60)).toBe(0)
  })
})
