import { startIndex, stepIndex, swipeStep, SWIPE_MIN_PX, viewerImages } from './utils'

describe('image viewer helpers', () => {
  it('keeps each non-empty link once, in order', () => {
    expect(viewerImages(['a.png', '', null, 'b.png', undefined, 'a.png'])).toEqual(['a.png', 'b.png'])
    expect(viewerImages([])).toEqual([])
  })

  it('opens on the tapped image, else the first', () => {
    expect(startIndex(['a.png', 'b.png', 'c.png'], 'c.png')).toBe(2)
    expect(startIndex(['a.png', 'b.png'], 'z.png')).toBe(0)
    expect(startIndex(['a.png', 'b.png'], undefined)).toBe(0)
  })

  it('steps within the images without wrapping', () => {
    expect(stepIndex(0, 1, 3)).toBe(1)
    expect(stepIndex(2, 1, 3)).toBe(2)
    expect(stepIndex(0, -1, 3)).toBe(0)
    expect(stepIndex(2, -1, 3)).toBe(1)
    expect(stepIndex(0, 1, 0)).toBe(0)
  })

  it('reads a sideways swipe as next (left) or previous (right), and anything else as none', () => {
    expect(swipeStep(-SWIPE_MIN_PX, 0)).toBe(1)
    expect(swipeStep(SWIPE_MIN_PX + 20, 5)).toBe(-1)
    expect(swipeStep(-(SWIPE_MIN_PX - 1), 0)).toBe(0)
    // Mostly vertical: a scroll, not a swipe.
    expect(swipeStep(-60, 80)).toBe(0)
  })
})
