import { LIKER_NAMES_SHOWN, likedBy, withLike, type CheckinLikesDoc } from '../../domain/likes'

const AT = '2026-11-23T00:00:00.000Z'
const empty = (): CheckinLikesDoc => ({ _id: 'g1:v1', groupId: 'g1', checkinId: 'g1:o1:2026-11-23', day: '2026-11-23', count: 0, likers: [], moreKeys: [], updatedAt: AT })
const liker = (n: number) => ({ key: `m_${String(n).padStart(24, '0')}`, name: `成员${n}-郑州-测试`, at: `2026-11-23T00:00:${String(n % 60).padStart(2, '0')}.000Z` })

/** The document after members 0 … n-1 liked it, in that order. */
function likedByFirst(n: number): CheckinLikesDoc {
  let doc = empty()
  for (let i = 0; i < n; i++) doc = withLike(doc, liker(i), true)!
  return doc
}

describe('withLike', () => {
  it('keeps the first likers with their names and later ones by key only, counting every one', () => {
    const doc = likedByFirst(LIKER_NAMES_SHOWN + 5)
    expect(doc.count).toBe(LIKER_NAMES_SHOWN + 5)
    expect(doc.likers).toHaveLength(LIKER_NAMES_SHOWN)
    expect(doc.likers[0]).toEqual({ key: liker(0).key, name: '成员0-郑州-测试' })
    expect(doc.moreKeys).toEqual([20, 21, 22, 23, 24].map((n) => liker(n).key))
    expect(doc.updatedAt).toBe(liker(LIKER_NAMES_SHOWN + 4).at)
    for (const n of [0, 19, 20, 24]) expect(likedBy(doc, liker(n).key)).toBe(true)
    expect(likedBy(doc, liker(25).key)).toBe(false)
  })

  it('liking twice is liking once and unliking twice is unliking once, wherever the liker is kept', () => {
    const doc = likedByFirst(LIKER_NAMES_SHOWN + 2)
    expect(withLike(doc, liker(3), true)).toBeNull()
    expect(withLike(doc, liker(21), true)).toBeNull()
    expect(withLike(doc, liker(99), false)).toBeNull()
    const withoutNamed = withLike(doc, liker(3), false)!
    expect(withoutNamed.count).toBe(LIKER_NAMES_SHOWN + 1)
    expect(likedBy(withoutNamed, liker(3).key)).toBe(false)
    expect(withLike(withoutNamed, liker(3), false)).toBeNull()
    const withoutKeyed = withLike(withoutNamed, liker(21), false)!
    expect(withoutKeyed).toMatchObject({ count: LIKER_NAMES_SHOWN, moreKeys: [liker(20).key] })
    expect(withoutKeyed.likers.map((entry) => entry.key)).not.toContain(liker(3).key)
  })

  it('a place a named liker left is taken by the next new liker, with a name', () => {
    const doc = withLike(likedByFirst(LIKER_NAMES_SHOWN + 1), liker(5), false)!
    const next = withLike(doc, liker(50), true)!
    expect(next.likers).toHaveLength(LIKER_NAMES_SHOWN)
    expect(next.likers.at(-1)).toEqual({ key: liker(50).key, name: '成员50-郑州-测试' })
    expect(next.moreKeys).toEqual([liker(20).key])
    expect(next.count).toBe(LIKER_NAMES_SHOWN + 1)
  })

  it('a document written before moreKeys (every liker with a name, more than shown) keeps working', () => {
    const old: CheckinLikesDoc = { ...empty(), likers: Array.from({ length: 30 }, (_, n) => liker(n)), count: 30 }
    delete old.moreKeys
    expect(likedBy(old, liker(29).key)).toBe(true)
    const liked = withLike(old, liker(40), true)!
    expect(liked).toMatchObject({ count: 31, moreKeys: [liker(40).key] })
    expect(liked.likers).toHaveLength(30)
    const unliked = withLike(liked, liker(29), false)!
    expect(unliked.count).toBe(30)
    expect(likedBy(unliked, liker(29).key)).toBe(false)
  })
})
