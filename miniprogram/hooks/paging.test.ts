import { nextPageInput } from './paging'

describe('nextPageInput', () => {
  it('asks for the page at the cursor the server gave, keeping the rest of the input', () => {
    expect(nextPageInput({ groupId: 'g1', order: 'oldest' }, { items: [1, 2], next: 22 })).toEqual({ groupId: 'g1', order: 'oldest', cursor: 22 })
  })

  it('stops after the last page', () => {
    expect(nextPageInput({ groupId: 'g1' }, { items: [1], next: null })).toBeNull()
  })
})
