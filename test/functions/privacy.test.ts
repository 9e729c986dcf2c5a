/**
 * No view a plain member sees carries another person's OPENID: the roster (opaque keys, `isViewer`), the
 * check-in overview and today's feed (opaque check-in ids), announcements (author by name), the daily
 * tasks, the rules, the group profile, my groups and the inbox. Checked on the JSON the functions answer.
 * (Admins' review queue still names applications by `<groupId>:<openid>`: see the report.)
 * Lotteries: the seed leaves nowhere before the draw; members see masked names and opaque entry ids, never an
 * OPENID or a winner's contact details, which admins see until the lottery is settled (then purged).
 */
import {
  acknowledgeRules,
  checkIn,
  getCheckinOverview,
  getGroupProfile,
  getRules,
  listAnnouncements,
  listDailyTasks,
  listInbox,
  listMembers,
  listMyGroups,
  listTodayFeed,
  postAnnouncement,
  removeMember,
  saveDailyTask,
} from '../../contracts'
import {
  claimLotteryPrize,
  createLottery,
  drawLottery,
  enterLottery,
  exportLotteryCsv,
  getLottery,
  getLotteryDraw,
  listLotteries,
  listLotteryEntrants,
  listLotteryWinners,
  settleLottery,
} from '../../contracts/lottery'
import { memberKey } from '../../usecases/member-keys'
import { NONCE, lotteryInput } from '../support/lottery'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture, testMember } from '../support/fixture'

const OTHER = 'o_m2'
const OTHERS = [OWNER, ADMIN, OTHER, 'o_m3']

describe('views a member sees carry no one else’s OPENID', () => {
  it('roster, check-ins, announcements, tasks, rules, profile, my groups and inbox', async () => {
    const fx = await makeFixture({ members: [testMember(OTHER, 'member', '刘洋'), testMember('o_m3', 'member', '陈晨')] })
    await fx.api.as(ADMIN).call(postAnnouncement, { groupId: GROUP, title: '周日共读', body: '晚 8 点语音' })
    await fx.api.as(ADMIN).call(saveDailyTask, { groupId: GROUP, day: '2026-11-23', title: '第 3 章', body: '读完写一句' })
    for (const openid of [OWNER, ADMIN, OTHER, MEMBER]) await fx.api.as(openid).call(checkIn, { groupId: GROUP, note: '读完' })
    await fx.api.as(MEMBER).call(acknowledgeRules, { groupId: GROUP, version: 2 })
    // Something in the member's inbox written by an admin's action.
    await fx.api.as(ADMIN).call(removeMember, { groupId: GROUP, memberKey: memberKey(GROUP, 'o_m3'), reason: '测试' })

    const views = await Promise.all([
      fx.api.as(MEMBER).call(listMembers, { groupId: GROUP }),
      fx.api.as(MEMBER).call(getCheckinOverview, { groupId: GROUP }),
      fx.api.as(MEMBER).call(listTodayFeed, { groupId: GROUP }),
      fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP }),
      fx.api.as(MEMBER).call(listDailyTasks, { groupId: GROUP }),
      fx.api.as(MEMBER).call(getRules, { groupId: GROUP }),
      fx.api.as(MEMBER).call(getGroupProfile, { groupId: GROUP }),
      fx.api.as(MEMBER).call(listMyGroups, {}),
      fx.api.as(MEMBER).call(listInbox, {}),
      fx.api.as('o_m3').call(listInbox, {}),
    ])
    expect(views[2].items).toHaveLength(4)
    expect(views[0].items).toHaveLength(4)
    for (const view of views) {
      const json = JSON.stringify(view)
      for (const openid of OTHERS) expect(json).not.toContain(openid)
    }
    // The roster does not carry the viewer's own either: the row says isViewer.
    expect(JSON.stringify(views[0])).not.toContain(MEMBER)
  })
})

describe('lotteries: the seed, the entrants’ OPENIDs and the winners’ contact details stay private', () => {
  it('before the draw no answer to anyone carries the seed; after it, members see masked names and no OPENID or contact; admins see the contacts until settled', async () => {
    const fx = await makeFixture({ members: [testMember(OTHER, 'member', '刘洋'), testMember('o_m3', 'member', '陈晨')] })
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ prizes: [{ name: '书签', quantity: 3 }] }))
    const seed = (await fx.store.get('lotterySecrets', id))!.seed
    for (const [i, openid] of [MEMBER, OTHER, 'o_m3'].entries()) await fx.api.as(openid).call(enterLottery, { lotteryId: id, nonce: NONCE(i) })

    const before = await Promise.all([
      fx.api.as(MEMBER).call(getLottery, { lotteryId: id }),
      fx.api.as(ADMIN).call(getLottery, { lotteryId: id }),
      fx.api.as(ADMIN).call(listLotteryEntrants, { lotteryId: id }),
      fx.api.as(ADMIN).call(exportLotteryCsv, { lotteryId: id, kind: 'entrants' }),
      fx.api.as(MEMBER).call(listLotteries, { groupId: GROUP }),
      fx.api.as(MEMBER).result(getLotteryDraw, { lotteryId: id }),
    ])
    for (const view of before) expect(JSON.stringify(view)).not.toContain(seed)
    for (const view of before.slice(0, 2)) expect(JSON.stringify(view)).not.toMatch(/o_(member|m2|m3|admin|owner)/)

    await fx.api.as(ADMIN).call(drawLottery, { lotteryId: id })
    await fx.api.as(OTHER).call(claimLotteryPrize, { lotteryId: id, name: '刘洋', phone: '13912345678', address: '郑州市二七区', note: '' })
    const memberViews = await Promise.all([
      fx.api.as(MEMBER).call(getLottery, { lotteryId: id }),
      fx.api.as(OTHER).call(getLottery, { lotteryId: id }),
      fx.api.as(MEMBER).call(getLotteryDraw, { lotteryId: id }),
      fx.api.as(MEMBER).call(listInbox, {}),
    ])
    for (const view of memberViews) {
      const json = JSON.stringify(view)
      expect(json).not.toMatch(/o_(member|m2|m3|admin|owner)/)
      expect(json).not.toContain('13912345678')
      expect(json).not.toContain('刘洋-郑州')
    }
    expect(JSON.stringify(memberViews[2])).toContain(seed)
    for (const action of [listLotteryWinners, listLotteryEntrants] as const) {
      expect(await fx.api.as(OTHER).result(action, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(JSON.stringify(await fx.api.as(ADMIN).call(listLotteryWinners, { lotteryId: id }))).toContain('13912345678')
    await fx.api.as(ADMIN).call(settleLottery, { lotteryId: id })
    expect(JSON.stringify(await fx.api.as(ADMIN).call(listLotteryWinners, { lotteryId: id }))).not.toContain('13912345678')
    expect(JSON.stringify(await fx.store.find('lotteryWins', { where: { lotteryId: id } }))).not.toContain('13912345678')
  })
})
