import { managesGroup, pendingRows } from './utils'

describe('pending badges', () => {
  const groups = [
    { id: 'g1', name: '读书会' },
    { id: 'g2', name: '徒步群' },
    { id: 'g3', name: '早起群' },
  ]

  it('lists the groups with waiting applications, most first, and leaves out the rest', () => {
    expect(pendingRows({ counts: [{ groupId: 'g1', pending: 2 }, { groupId: 'g2', pending: 5 }], capped: false }, groups)).toEqual([
      { groupId: 'g2', name: '徒步群', count: '5' },
      { groupId: 'g1', name: '读书会', count: '2' },
    ])
    expect(pendingRows({ counts: [], capped: false }, groups)).toEqual([])
  })

  it('says N+ when the server stopped counting, and only managers get a badge', () => {
    expect(pendingRows({ counts: [{ groupId: 'g3', pending: 99 }], capped: true }, groups)).toEqual([{ groupId: 'g3', name: '早起群', count: '99+' }])
    expect([managesGroup('owner'), managesGroup('admin'), managesGroup('member'), managesGroup(null)]).toEqual([true, true, false, false])
  })
})
