import { likeLine, previewRequest } from './utils'

describe('likeLine', () => {
  it('is empty without likes, names up to three, then 「等 n 人」', () => {
    expect(likeLine({ count: 0, mine: false, names: [] })).toBe('')
    expect(likeLine({ count: 2, mine: true, names: ['张三-郑州-教师', '李四-洛阳-工程师'] })).toBe('张三-郑州-教师、李四-洛阳-工程师 觉得很赞')
    expect(likeLine({ count: 5, mine: false, names: ['甲', '乙', '丙', '丁', '戊'] })).toBe('甲、乙、丙 等 5 人觉得很赞')
    // The view carries at most 20 names; the count is exact.
    expect(likeLine({ count: 40, mine: false, names: ['甲', '乙'] })).toBe('甲、乙 等 40 人觉得很赞')
  })
})

describe('previewRequest', () => {
  it('opens the tapped photo among the others, skipping entries without one and duplicates', () => {
    expect(previewRequest('b.png', ['a.png', null, 'b.png', 'a.png', undefined])).toEqual({ current: 'b.png', urls: ['a.png', 'b.png'] })
    expect(previewRequest('c.png', [])).toEqual({ current: 'c.png', urls: ['c.png'] })
  })
})
