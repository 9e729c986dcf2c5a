/** Clause-level diff of two rules versions. */
import { diffClauses, normaliseClauses } from '../../domain/rules'

describe('diffClauses', () => {
  it('finds nothing when the clauses are the same', () => {
    expect(diffClauses(['a', 'b'], ['a', 'b'])).toEqual([])
  })

  it('reports an added, a removed and a changed clause', () => {
    expect(diffClauses(['不发广告', '周日休息', '禁止刷屏'], ['不发广告', '周六休息', '禁止刷屏', '打卡写感悟'])).toEqual([
      { kind: 'changed', before: '周日休息', after: '周六休息' },
      { kind: 'added', after: '打卡写感悟' },
    ])
    expect(diffClauses(['a', 'b', 'c'], ['a', 'c'])).toEqual([{ kind: 'removed', before: 'b' }])
  })

  it('pairs changes by position and reports the surplus', () => {
    expect(diffClauses(['x1', 'x2', 'keep'], ['y1', 'keep'])).toEqual([
      { kind: 'changed', before: 'x1', after: 'y1' },
      { kind: 'removed', before: 'x2' },
    ])
    expect(diffClauses([], ['new'])).toEqual([{ kind: 'added', after: 'new' }])
  })

  it('normalises what an admin typed', () => {
    expect(normaliseClauses(['  a ', '', '   ', 'b'])).toEqual(['a', 'b'])
  })
})
