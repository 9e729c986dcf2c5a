import { appTagClass } from './utils'

describe('app tag class', () => {
  it('names the colour, default when none is given', () => {
    expect(appTagClass('primary')).toBe('app-tag app-tag--primary')
    expect(appTagClass('danger')).toBe('app-tag app-tag--danger')
    expect(appTagClass()).toBe('app-tag app-tag--default')
  })
})
