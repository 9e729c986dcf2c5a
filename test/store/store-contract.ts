/**
 * The behaviour every store adapter must show, as one jest suite each adapter's test file runs.
 *
 * @example
 *   describeStoreContract('sqlite :memory:', () => createSqliteStore())
 */
import { memberKey } from '../../usecases/member-keys'
import { memberId, type GroupDoc, type MemberDoc } from '../../domain/group'
import {
  MAX_FIND_LIMIT,
  MAX_BULK_FIND_LIMIT,
  DEFAULT_FIND_LIMIT,
  StoreConflictError,
  StoreNotFoundError,
  type Filter,
  type Store,
} from '../../store/port'

export function makeGroup(id: string, overrides: Partial<GroupDoc> = {}): GroupDoc {
  return {
    _id: id,
    name: `读书会 ${id}`,
    intro: '每天读 20 页',
    topic: '读书打卡',
    capacity: 500,
    memberCount: 0,
    timezone: 'Asia/Shanghai',
    rules: { version: 1, clauses: ['友善交流', '不发广告'], publishedAt: '2026-01-01T00:00:00.000Z' },
    ownerOpenid: 'o_owner',
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function makeMember(groupId: string, openid: string, overrides: Partial<MemberDoc> = {}): MemberDoc {
  return {
    _id: memberId(groupId, openid),
    groupId,
    openid,
    memberKey: memberKey(groupId, openid),
    role: 'member',
    intro: { name: '张三', region: '郑州', occupation: '理财顾问' },
    joinedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

/** Minute `n` of 2026-01-01, as an ISO string: distinct, ordered join times. */
function minute(n: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()
}

function ids(docs: Array<{ _id: string }>): string[] {
  return docs.map((doc) => doc._id)
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

export function describeStoreContract(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`${name}: store contract`, () => {
    let store: Store

    beforeEach(async () => {
      store = await makeStore()
      await store.ensureSchema()
    })

    describe('schema', () => {
      it('ensureSchema is idempotent', async () => {
        await expect(store.ensureSchema()).resolves.toEqual({ created: [] })
        await store.create('groups', makeGroup('g1'))
        await expect(store.ensureSchema()).resolves.toEqual({ created: [] })
        await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1'))
      })
    })

    describe('get / create / set / update / remove', () => {
      it('get of a missing document is null', async () => {
        await expect(store.get('groups', 'nope')).resolves.toBeNull()
      })

      it('create then get returns the same document, values and types intact', async () => {
        const group = makeGroup('g1', {
          name: '跑步 🏃 group "quoted" \\ back',
          intro: '',
          capacity: 499,
          memberCount: 0,
          rules: { version: 3, clauses: [], publishedAt: '2026-02-01T00:00:00.000Z' },
        })
        await store.create('groups', group)
        await expect(store.get('groups', 'g1')).resolves.toEqual(group)
      })

      it('numbers and booleans round-trip, and booleans can be filtered on', async () => {
        const fractional = { ...makeGroup('g1', { memberCount: 2.5, capacity: Number.MAX_SAFE_INTEGER }), pinned: true }
        const negative = { ...makeGroup('g2', { memberCount: -3, capacity: 0 }), pinned: false }
        await store.create('groups', fractional)
        await store.create('groups', negative)
        await expect(store.get('groups', 'g1')).resolves.toEqual(fractional)
        await expect(store.get('groups', 'g2')).resolves.toEqual(negative)
        // `pinned` is not part of GroupDoc; the cast only lets the test filter on an extra boolean field.
        const pinned = await store.find('groups', { where: { pinned: true } as Filter<GroupDoc> })
        expect(ids(pinned)).toEqual(['g1'])
        const notPinned = await store.find('groups', { where: { pinned: false } as Filter<GroupDoc> })
        expect(ids(notPinned)).toEqual(['g2'])
      })

      it('create of an existing _id throws StoreConflictError and leaves the original unchanged', async () => {
        await store.create('groups', makeGroup('g1', { name: 'first' }))
        const attempt = store.create('groups', makeGroup('g1', { name: 'second' }))
        await expect(attempt).rejects.toBeInstanceOf(StoreConflictError)
        await expect(attempt).rejects.toMatchObject({ collection: 'groups', id: 'g1' })
        await expect(store.get('groups', 'g1')).resolves.toMatchObject({ name: 'first' })
      })

      it('set inserts a missing document and replaces an existing one whole', async () => {
        await store.set('groups', makeGroup('g1', { name: 'inserted' }))
        await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1', { name: 'inserted' }))
        const withExtra = { ...makeGroup('g1'), extra: 'x' }
        await store.set('groups', withExtra)
        await store.set('groups', makeGroup('g1', { name: 'replaced' }))
        await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1', { name: 'replaced' }))
      })

      it('update merges top-level fields and leaves the others', async () => {
        await store.create('groups', makeGroup('g1'))
        await store.update('groups', 'g1', { memberCount: 7, status: 'closed' })
        await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1', { memberCount: 7, status: 'closed' }))
      })

      it('update replaces an object-valued field whole (shallow merge)', async () => {
        await store.create('members', makeMember('g1', 'o1'))
        // A partial intro on purpose: a deep merge would keep region and occupation.
        const partialIntro = { name: '李四' } as MemberDoc['intro']
        await store.update('members', memberId('g1', 'o1'), { intro: partialIntro })
        await expect(store.get('members', memberId('g1', 'o1'))).resolves.toEqual(
          makeMember('g1', 'o1', { intro: partialIntro }),
        )
      })

      it('update that changes nothing succeeds on an existing document', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 3 }))
        await expect(store.update('groups', 'g1', { memberCount: 3 })).resolves.toBeUndefined()
        await expect(store.update('groups', 'g1', {})).resolves.toBeUndefined()
        await expect(store.get('groups', 'g1')).resolves.toEqual(makeGroup('g1', { memberCount: 3 }))
      })

      it('update of a missing document throws StoreNotFoundError and creates nothing', async () => {
        const attempt = store.update('groups', 'ghost', { memberCount: 1 })
        await expect(attempt).rejects.toBeInstanceOf(StoreNotFoundError)
        await expect(attempt).rejects.toMatchObject({ collection: 'groups', id: 'ghost' })
        await expect(store.update('groups', 'ghost', {})).rejects.toBeInstanceOf(StoreNotFoundError)
        await expect(store.get('groups', 'ghost')).resolves.toBeNull()
      })

      it('remove deletes the document; removing a missing one is fine', async () => {
        await store.create('groups', makeGroup('g1'))
        await store.create('groups', makeGroup('g2'))
        await store.remove('groups', 'g1')
        await expect(store.get('groups', 'g1')).resolves.toBeNull()
        await expect(store.get('groups', 'g2')).resolves.not.toBeNull()
        await expect(store.remove('groups', 'g1')).resolves.toBeUndefined()
      })
    })

    describe('find and count', () => {
      // g1: o0..o5 joined at minutes 0..5; o0 owner, o1 admin, the rest members. g2: p0, p1.
      beforeEach(async () => {
        for (let n = 0; n < 6; n++) {
          const role = n === 0 ? 'owner' : n === 1 ? 'admin' : 'member'
          await store.create('members', makeMember('g1', `o${n}`, { role, joinedAt: minute(n) }))
        }
        await store.create('members', makeMember('g2', 'p0', { joinedAt: minute(0) }))
        await store.create('members', makeMember('g2', 'p1', { role: 'owner', joinedAt: minute(1) }))
        for (const [id, memberCount] of [['ga', 10], ['gb', 20], ['gc', 30]] as const) {
          await store.create('groups', makeGroup(id, { memberCount }))
        }
      })

      const byJoinedAt = [{ field: 'joinedAt', direction: 'asc' }] as const

      it('filters by equality', async () => {
        const found = await store.find('members', { where: { groupId: 'g2' }, orderBy: [...byJoinedAt] })
        expect(ids(found)).toEqual(['g2:p0', 'g2:p1'])
        const two = await store.find('members', { where: { groupId: 'g1', role: 'admin' } })
        expect(ids(two)).toEqual(['g1:o1'])
      })

      it('filters by gt / gte / lt / lte on strings', async () => {
        const where = (joinedAt: Filter<MemberDoc>['joinedAt']) =>
          store.find('members', { where: { groupId: 'g1', joinedAt }, orderBy: [...byJoinedAt] })
        expect(ids(await where({ gt: minute(3) }))).toEqual(['g1:o4', 'g1:o5'])
        expect(ids(await where({ gte: minute(4) }))).toEqual(['g1:o4', 'g1:o5'])
        expect(ids(await where({ lt: minute(2) }))).toEqual(['g1:o0', 'g1:o1'])
        expect(ids(await where({ lte: minute(1) }))).toEqual(['g1:o0', 'g1:o1'])
        expect(ids(await where({ gte: minute(2), lt: minute(4) }))).toEqual(['g1:o2', 'g1:o3'])
      })

      it('filters by gt / gte / lt / lte on numbers', async () => {
        const where = (memberCount: Filter<GroupDoc>['memberCount']) =>
          store.find('groups', { where: { memberCount }, orderBy: [{ field: 'memberCount', direction: 'asc' }] })
        expect(ids(await where({ gt: 10 }))).toEqual(['gb', 'gc'])
        expect(ids(await where({ gte: 20 }))).toEqual(['gb', 'gc'])
        expect(ids(await where({ lt: 20 }))).toEqual(['ga'])
        expect(ids(await where({ lte: 20 }))).toEqual(['ga', 'gb'])
        expect(ids(await where({ gt: 10, lte: 30 }))).toEqual(['gb', 'gc'])
        expect(ids(await where(20))).toEqual(['gb'])
      })

      it('filters by in and ne', async () => {
        const managers = await store.find('members', {
          where: { groupId: 'g1', role: { in: ['owner', 'admin'] } },
          orderBy: [...byJoinedAt],
        })
        expect(ids(managers)).toEqual(['g1:o0', 'g1:o1'])
        const notMembers = await store.find('members', { where: { role: { ne: 'member' } }, orderBy: [...byJoinedAt] })
        expect(ids(notMembers).sort()).toEqual(['g1:o0', 'g1:o1', 'g2:p1'])
        const none = await store.find('members', { where: { role: { in: [] } } })
        expect(none).toEqual([])
        const counts = await store.find('groups', { where: { memberCount: { in: [10, 30] } } })
        expect(ids(counts).sort()).toEqual(['ga', 'gc'])
      })

      it('orders ascending and descending, with a second field breaking ties', async () => {
        const ascending = await store.find('members', { where: { groupId: 'g1' }, orderBy: [...byJoinedAt] })
        expect(ids(ascending)).toEqual(['g1:o0', 'g1:o1', 'g1:o2', 'g1:o3', 'g1:o4', 'g1:o5'])
        const descending = await store.find('members', {
          where: { groupId: 'g1' },
          orderBy: [{ field: 'joinedAt', direction: 'desc' }],
        })
        expect(ids(descending)).toEqual(['g1:o5', 'g1:o4', 'g1:o3', 'g1:o2', 'g1:o1', 'g1:o0'])
        // Roles tie (five members, two owners); joinedAt desc decides within a role.
        const byRoleThenNewest = await store.find('members', {
          orderBy: [
            { field: 'role', direction: 'asc' },
            { field: 'joinedAt', direction: 'desc' },
          ],
        })
        expect(ids(byRoleThenNewest)).toEqual([
          'g1:o1', // admin
          'g1:o5', // members, newest first
          'g1:o4',
          'g1:o3',
          'g1:o2',
          'g2:p0',
          'g2:p1', // owners, newest first
          'g1:o0',
        ])
      })

      it('pages with limit and skip', async () => {
        const page = (skip: number) =>
          store.find('members', { where: { groupId: 'g1' }, orderBy: [...byJoinedAt], limit: 4, skip })
        expect(ids(await page(0))).toEqual(['g1:o0', 'g1:o1', 'g1:o2', 'g1:o3'])
        expect(ids(await page(4))).toEqual(['g1:o4', 'g1:o5'])
        expect(await page(6)).toEqual([])
        await expect(store.find('members', { limit: 0 })).resolves.toEqual([])
      })

      it('counts all documents or those matching a filter', async () => {
        await expect(store.count('members')).resolves.toBe(8)
        await expect(store.count('members', { groupId: 'g1' })).resolves.toBe(6)
        await expect(store.count('members', { groupId: 'g1', joinedAt: { gte: minute(4) } })).resolves.toBe(2)
        await expect(store.count('members', { role: { in: ['owner'] } })).resolves.toBe(2)
        await expect(store.count('groups', { memberCount: { ne: 20 } })).resolves.toBe(2)
      })

      it('refuses field names that are not plain identifiers', async () => {
        const dotted = { 'intro.name': '张三' } as Filter<MemberDoc>
        await expect(store.find('members', { where: dotted })).rejects.toThrow(/field name/)
        await expect(
          store.find('members', { orderBy: [{ field: "role') --" as 'role', direction: 'asc' }] }),
        ).rejects.toThrow(/field name/)
      })
    })

    describe('find limits', () => {
      it(`defaults to ${DEFAULT_FIND_LIMIT} and clamps to ${MAX_FIND_LIMIT}`, async () => {
        for (let n = 0; n < MAX_FIND_LIMIT + 5; n++) {
          await store.create('members', makeMember('g1', `o${String(n).padStart(3, '0')}`))
        }
        await expect(store.find('members')).resolves.toHaveLength(DEFAULT_FIND_LIMIT)
        await expect(store.find('members', { limit: 1000 })).resolves.toHaveLength(MAX_FIND_LIMIT)
        await expect(store.count('members')).resolves.toBe(MAX_FIND_LIMIT + 5)
      })

      it(`a bulk read (server-side jobs) takes up to ${MAX_BULK_FIND_LIMIT}, paged by _id`, async () => {
        for (let n = 0; n < MAX_FIND_LIMIT + 5; n++) {
          await store.create('members', makeMember('g1', `o${String(n).padStart(3, '0')}`))
        }
        const all = await store.find('members', { where: { groupId: 'g1' }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 5000, bulk: true })
        expect(all).toHaveLength(MAX_FIND_LIMIT + 5)
        const after = await store.find('members', { where: { groupId: 'g1', _id: { gt: all[99]._id } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000, bulk: true })
        expect(after.map((m) => m._id)).toEqual(all.slice(100).map((m) => m._id))
      })
    })

    describe('transactions', () => {
      it('commits every write together and returns what work returns', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 1 }))
        const result = await store.transaction(async (tx) => {
          const group = await tx.get('groups', 'g1')
          await tx.create('members', makeMember('g1', 'o1'))
          await tx.update('groups', 'g1', { memberCount: group!.memberCount + 1 })
          await tx.set('groups', makeGroup('g2'))
          return 'joined'
        })
        expect(result).toBe('joined')
        await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 2 })
        await expect(store.get('members', memberId('g1', 'o1'))).resolves.toEqual(makeMember('g1', 'o1'))
        await expect(store.get('groups', 'g2')).resolves.toEqual(makeGroup('g2'))
      })

      it('reads its own writes', async () => {
        await store.transaction(async (tx) => {
          await tx.create('groups', makeGroup('g1'))
          await expect(tx.get('groups', 'g1')).resolves.toEqual(makeGroup('g1'))
          await tx.update('groups', 'g1', { memberCount: 5 })
          await expect(tx.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 5 })
          await tx.remove('groups', 'g1')
          await expect(tx.get('groups', 'g1')).resolves.toBeNull()
        })
        await expect(store.get('groups', 'g1')).resolves.toBeNull()
      })

      it('rolls back every write when work throws, and rethrows that error', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 1 }))
        await store.create('groups', makeGroup('g2'))
        const failure = new Error('changed my mind')
        const attempt = store.transaction(async (tx) => {
          await tx.update('groups', 'g1', { memberCount: 2 })
          await tx.create('members', makeMember('g1', 'o1'))
          await tx.remove('groups', 'g2')
          throw failure
        })
        await expect(attempt).rejects.toBe(failure)
        await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 1 })
        await expect(store.get('members', memberId('g1', 'o1'))).resolves.toBeNull()
        await expect(store.get('groups', 'g2')).resolves.not.toBeNull()
      })

      it('a create conflict inside a transaction rolls back the other writes', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 1 }))
        await store.create('members', makeMember('g1', 'o1', { role: 'owner' }))
        const attempt = store.transaction(async (tx) => {
          await tx.update('groups', 'g1', { memberCount: 2 })
          await tx.create('members', makeMember('g1', 'o1'))
        })
        await expect(attempt).rejects.toBeInstanceOf(StoreConflictError)
        await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 1 })
        await expect(store.get('members', memberId('g1', 'o1'))).resolves.toMatchObject({ role: 'owner' })
      })

      it('an update of a missing document inside a transaction throws StoreNotFoundError and rolls back', async () => {
        const attempt = store.transaction(async (tx) => {
          await tx.create('groups', makeGroup('g1'))
          await tx.update('groups', 'ghost', { memberCount: 1 })
        })
        await expect(attempt).rejects.toBeInstanceOf(StoreNotFoundError)
        await expect(store.get('groups', 'g1')).resolves.toBeNull()
      })

      it('nobody outside sees writes that are later rolled back', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 1 }))
        const written = gate()
        const release = gate()
        const transaction = store.transaction(async (tx) => {
          await tx.update('groups', 'g1', { memberCount: 99 })
          written.open()
          await release.opened
          throw new Error('roll back')
        })
        await written.opened
        const readDuring = store.get('groups', 'g1')
        const countDuring = store.count('groups', { memberCount: 99 })
        release.open()
        await expect(transaction).rejects.toThrow('roll back')
        await expect(readDuring).resolves.toMatchObject({ memberCount: 1 })
        await expect(countDuring).resolves.toBe(0)
      })

      it('50 concurrent get-then-increment transactions count to exactly 50', async () => {
        await store.create('groups', makeGroup('g1', { memberCount: 0 }))
        await Promise.all(
          Array.from({ length: 50 }, () =>
            store.transaction(async (tx) => {
              const group = await tx.get('groups', 'g1')
              await tx.update('groups', 'g1', { memberCount: group!.memberCount + 1 })
            }),
          ),
        )
        await expect(store.get('groups', 'g1')).resolves.toMatchObject({ memberCount: 50 })
      })

      it('50 concurrent creates of one _id: exactly one succeeds, the rest conflict', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, n) => store.create('members', makeMember('g1', 'o1', { joinedAt: minute(n) }))),
        )
        const succeeded = results.filter((result) => result.status === 'fulfilled')
        const conflicts = results.filter(
          (result) => result.status === 'rejected' && result.reason instanceof StoreConflictError,
        )
        expect(succeeded).toHaveLength(1)
        expect(conflicts).toHaveLength(49)
        await expect(store.count('members')).resolves.toBe(1)
      })
    })
  })
}
