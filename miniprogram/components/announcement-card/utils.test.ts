import { unreadIds, readLine } from './utils'

describe('announcement reading', () => {
  it('lists the unread ones the caller was shown (at most one mark-read call’s worth)', () => {
    expect(unreadIds([{ id: 'ann_a', read: false }, { id: 'ann_b', read: true }, { id: 'ann_c' }])).toEqual(['ann_a'])
    expect(unreadIds(Array.from({ length: 50 }, (_, i) => ({ id: `ann_${i}`, read: false })))).toHaveLength(40)
  })

  it('says how many of the members read it, only where the view has a count', () => {
    expect(readLine({ readCount: 3 }, 20)).toBe('已读 3/20')
    expect(readLine({ readCount: 0 }, 20)).toBe('已读 0/20')
    expect(readLine({ readCount: null }, 20)).toBe('')
    expect(readLine({}, 20)).toBe('')
    expect(readLine({ readCount: 3 }, undefined)).toBe('')
  })
})
