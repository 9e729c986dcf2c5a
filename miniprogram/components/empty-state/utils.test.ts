import { emptyPictureClass } from './utils'

describe('empty state picture', () => {
  it('is the grey disc, or the red one for an error', () => {
    expect(emptyPictureClass()).toBe('empty-illustration')
    expect(emptyPictureClass('empty')).toBe('empty-illustration')
    expect(emptyPictureClass('error')).toBe('empty-illustration is-error')
  })
})
