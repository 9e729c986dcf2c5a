import { pageClassName } from './utils'

describe('pageClassName', () => {
  it("is the shared page class plus the page's own", () => {
    expect(pageClassName('group-page')).toBe('page group-page')
    expect(pageClassName('')).toBe('page')
  })
})
