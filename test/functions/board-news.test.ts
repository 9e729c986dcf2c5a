/**
 * A new announcement or rules version reaches members (through the real handlers, on SQLite and on the
 * CloudBase adapter over the wx-server-sdk fake with interleaving transactions): the unread badge on the
 * group home and my groups, the inbox's board notice, the 群规已更新 banner until confirmed, and the admins'
 * read count — one marker per reader, so 30 readers at once are 30, none lost.
 */
import {
  acknowledgeRules,
  deleteAnnouncement,
  getGroupProfile,
  listAnnouncements,
  listInbox,
  listMyGroups,
  markAnnouncementsRead,
  postAnnouncement,
  publishRules,
} from '../../contracts'
import { RECENT_ANNOUNCEMENTS } from '../../domain/board'
import { memberId } from '../../domain/group'
import { rulesAckId } from '../../domain/rules'
import { createCloudbaseStore } from '../../store/cloudbase'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture, testGroup, testMember } from '../support/fixture'

const T0 = '2026-11-23T02:00:00.000Z'
const T1 = '2026-11-23T03:00:00.000Z'
const T2 = '2026-11-23T04:00:00.000Z'

const adapters = [
  ['SQLite', () => makeFixture({ now: T0 })],
  [
    'CloudBase',
    async () => {
      const store = createCloudbaseStore(createFakeCloud({ transactions: 'concurrent' }).database())
      await store.ensureSchema()
      return makeFixture({ now: T0, store })
    },
  ],
] as const

describe.each(adapters)('what is new on the board (%s)', (_name, fixture) => {
  it('an announcement is unread for members (group home, my groups, inbox) until they open it, never for its author; admins see who read it', async () => {
    const fx = await fixture()
    // Everyone has confirmed the current rules: only the announcement is new.
    for (const who of [OWNER, ADMIN, MEMBER]) await fx.api.as(who).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board).toEqual({ unreadAnnouncements: 0, rulesToConfirm: null })

    fx.clock.set(T1)
    const posted = await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周六爬山', body: '八点集合', pinned: false })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board).toEqual({ unreadAnnouncements: 1, rulesToConfirm: null })
    expect((await fx.api.as(MEMBER).call(listMyGroups, {}))[0].board).toEqual({ unreadAnnouncements: 1, rulesToConfirm: null })
    expect((await fx.api.as(MEMBER).call(listInbox, {})).board).toEqual([{ groupId: GROUP, groupName: '周末徒步·郑州群', unreadAnnouncements: 1, rulesToConfirm: null }])
    expect((await fx.api.as(ADMIN).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(0)
    expect((await fx.api.as(OWNER).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(1)

    // The member's list says it is unread and carries no read counts; the admin's says 0 of 3 read.
    const memberList = await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })
    expect(memberList.items).toEqual([expect.objectContaining({ id: posted.id, read: false })])
    expect(memberList.items[0]).not.toHaveProperty('readCount')
    expect(memberList).not.toHaveProperty('memberCount')
    const adminList = await fx.api.as(ADMIN).call(listAnnouncements, { groupId: GROUP })
    expect(adminList.items[0]).toMatchObject({ read: true, readCount: 0 })
    expect(adminList.memberCount).toBe(3)

    fx.clock.set(T2)
    expect(await fx.api.as(MEMBER).call(markAnnouncementsRead, { groupId: GROUP, announcementIds: [posted.id] })).toEqual({ marked: 1 })
    // Twice is still one reader; the author marking their own writes nothing.
    await fx.api.as(MEMBER).call(markAnnouncementsRead, { groupId: GROUP, announcementIds: [posted.id] })
    expect(await fx.api.as(ADMIN).call(markAnnouncementsRead, { groupId: GROUP, announcementIds: [posted.id] })).toEqual({ marked: 0 })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(0)
    expect((await fx.api.as(MEMBER).call(listInbox, {})).board).toEqual([])
    expect((await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })).items[0].read).toBe(true)
    expect((await fx.api.as(ADMIN).call(listAnnouncements, { groupId: GROUP })).items[0].readCount).toBe(1)
    expect(await fx.store.get('members', memberId(GROUP, MEMBER))).toMatchObject({ boardSeenAt: T2 })
  })

  it('a deleted announcement leaves the badge; ids of unknown or other groups’ announcements are ignored', async () => {
    const fx = await fixture()
    const posted = await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '临时通知', body: '取消', pinned: true })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(1)
    await fx.api.as(ADMIN).call(deleteAnnouncement, { groupId: GROUP, announcementId: posted.id })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(0)
    expect(await fx.api.as(MEMBER).call(markAnnouncementsRead, { groupId: GROUP, announcementIds: [posted.id, 'ann_unknown'] })).toEqual({ marked: 0 })
    expect(await fx.store.count('announcementReads', {})).toBe(0)
  })

  it(`the group remembers the latest ${RECENT_ANNOUNCEMENTS}; a member sees at most that many unread`, async () => {
    const fx = await fixture()
    for (let i = 0; i < RECENT_ANNOUNCEMENTS + 3; i++) {
      fx.clock.set(new Date(Date.parse(T0) + (i + 1) * 60_000))
      await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: `通知 ${i}`, body: '…', pinned: false })
    }
    expect((await fx.store.get('groups', GROUP))?.recentAnnouncements).toHaveLength(RECENT_ANNOUNCEMENTS)
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.unreadAnnouncements).toBe(RECENT_ANNOUNCEMENTS)
  })

  it('a new rules version asks every member but its publisher to confirm (banner, my groups, inbox) until they do', async () => {
    const fx = await fixture()
    for (const who of [OWNER, ADMIN, MEMBER]) await fx.api.as(who).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    await fx.api.as(ADMIN).call(publishRules, { groupId: GROUP, clauses: ['不发广告', '周日休息'], requestId: 'req-rules-news1' })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board).toEqual({ unreadAnnouncements: 0, rulesToConfirm: 3 })
    expect((await fx.api.as(OWNER).call(listMyGroups, {}))[0].board?.rulesToConfirm).toBe(3)
    expect((await fx.api.as(MEMBER).call(listInbox, {})).board).toEqual([expect.objectContaining({ groupId: GROUP, rulesToConfirm: 3 })])
    expect((await fx.api.as(ADMIN).call(getGroupProfile, { groupId: GROUP })).board?.rulesToConfirm).toBeNull()

    await fx.api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 3 })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.rulesToConfirm).toBeNull()
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)))?.rulesAck?.version).toBe(3)
    expect((await fx.api.as(MEMBER).call(listInbox, {})).board).toEqual([])
  })

  it('a confirmation made before the membership kept a copy still counts (one read of ruleAcks)', async () => {
    const fx = await fixture()
    await fx.store.set('ruleAcks', { _id: rulesAckId(GROUP, MEMBER), groupId: GROUP, openid: MEMBER, version: 2, acknowledgedAt: T0 })
    expect((await fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP })).board?.rulesToConfirm).toBeNull()
    expect((await fx.api.as(OWNER).call(getGroupProfile, { groupId: GROUP })).board?.rulesToConfirm).toBe(2)
  })

  it('30 members reading one announcement at once are 30 readers (one marker each, nothing group-wide written per read)', async () => {
    const fx = await fixture()
    const readers = Array.from({ length: 30 }, (_, i) => `o_reader${i}`)
    for (const openid of readers) await fx.store.create('members', testMember(openid, 'member', `读者${openid.slice(-2)}`))
    await fx.store.update('groups', GROUP, { memberCount: 33 })
    fx.clock.set(T1)
    const posted = await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周六爬山', body: '八点集合', pinned: false })
    const groupBefore = await fx.store.get('groups', GROUP)
    const results = await Promise.all(readers.map((openid) => fx.api.as(openid).result(markAnnouncementsRead, { groupId: GROUP, announcementIds: [posted.id] })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect((await fx.api.as(ADMIN).call(listAnnouncements, { groupId: GROUP })).items[0].readCount).toBe(30)
    expect(await fx.store.get('groups', GROUP)).toEqual(groupBefore)
  })
})

describe('badges of visitors', () => {
  it('a visitor’s group card carries none', async () => {
    const fx = await makeFixture()
    await fx.store.create('groups', testGroup({ _id: 'g-else', name: '别的群' }))
    expect((await fx.api.as('o_visitor').call(getGroupProfile, { groupId: GROUP })).board).toBeUndefined()
    expect((await fx.api.as('o_visitor').call(listInbox, {})).board).toEqual([])
  })
})
