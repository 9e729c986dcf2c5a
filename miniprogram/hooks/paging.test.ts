import { nextPageInput } from './paging'

describe('nextPageInput', () => {
  it('continues an offset list after the items it has, until hasMore is false', () => {
    expect(nextPageInput({ groupId: 'g1' }, { items: [1, 2], offset: 20, hasMore: true })).toEqual({ groupId: 'g1', offset: 22 })
    expect(nextPageInput({ groupId: 'g1' }, { items: [1, 2], offset: 20, hasMore: false })).toBeNull()
  })

  it('continues a skip list at the nextSkip the server gave, until it is null', () => {
    expect(nextPageInput({ groupId: 'g1' }, { items: [1], nextSkip: 10 })).toEqual({ groupId: 'g1', skip: 10 })
    expect(nextPageInput({ groupId: 'g1' }, { items: [1], nextSkip: null })).toBeNull()
  })
})
