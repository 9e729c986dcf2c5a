import { loadingBars } from './utils'

describe('loading bars', () => {
  it('draws a title, then the rows with the last one shorter', () => {
    expect(loadingBars(3)).toEqual(['title', 'line', 'line', 'line is-last'])
    expect(loadingBars(1)).toEqual(['title', 'line is-last'])
  })

  it('draws at least one row', () => {
    expect(loadingBars(0)).toEqual(['title', 'line is-last'])
  })
})
