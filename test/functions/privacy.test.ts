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
  getLeaderboard,
  getMyProgress,
  getParticipationSettings,
  listMyGroupSummaries,
  nudgeMembers,
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
import { answerFollowUp, askApplicant, decideApplication, getApplyPage, getPendingCounts, listDecidedApplications, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { applyInput } from '../support/fixture'
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

describe('participation views', () => {
  it('boards, progress, settings and my groups a member sees carry no OPENID and none of the admins’ fields (inactivity, nudges, pending applications)', async () => {
    const fx = await makeFixture({ members: [testMember(OTHER, 'member', '刘洋')] })
    for (const openid of [OWNER, ADMIN, OTHER, MEMBER]) await fx.api.as(openid).call(checkIn, { groupId: GROUP, note: '读完', linkTask: false })
    await fx.api.as(ADMIN).call(nudgeMembers, { groupId: GROUP, memberKeys: [memberKey(GROUP, OTHER)] })
    const boards = await Promise.all((['week', 'month', 'all', 'streak'] as const).map((period) => fx.api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period })))
    const mine = await fx.api.as(MEMBER).call(listMyGroupSummaries, {})
    const views: unknown[] = [...boards, await fx.api.as(MEMBER).call(getMyProgress, { groupId: GROUP }), await fx.api.as(MEMBER).call(getParticipationSettings, { groupId: GROUP }), mine]
    expect(boards[2].items).toHaveLength(4)
    for (const view of views) {
      const json = JSON.stringify(view)
      for (const openid of OTHERS) expect(json).not.toContain(openid)
      for (const field of ['nudgedAt', 'daysInactive', 'inactiveFrom', 'activeDay', 'lastCheckinDay', 'groupCopy']) expect(json).not.toContain(`"${field}"`)
    }
    expect(mine[0].pendingApplications).toBeNull()
  })
})

describe('likes, a past day’s feed and the month calendar', () => {
  it('a like list shows the nicknames members already see in the feed, nothing else: no OPENID, member key or time of the like', async () => {
    const { likeCheckin, getCheckinCalendar, editCheckin } = await import('../../contracts')
    const fx = await makeFixture({ members: [testMember(OTHER, 'member', '刘洋')] })
    const made = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '读完' })
    for (const openid of [OWNER, ADMIN, OTHER]) await fx.api.as(openid).call(likeCheckin, { groupId: GROUP, checkinId: made.checkin.id, liked: true })
    await fx.api.as(MEMBER).call(editCheckin, { groupId: GROUP, note: '读完了第 3 章' })
    const feed = await fx.api.as(OTHER).call(listTodayFeed, { groupId: GROUP, day: '2026-11-23' })
    const roster = await fx.api.as(OTHER).call(listMembers, { groupId: GROUP })
    const rosterNames = new Set(roster.items.map((item) => item.nickname))
    const likes = feed.items[0].likes!
    expect(likes.count).toBe(3)
    expect(likes.names).toHaveLength(3)
    for (const name of likes.names) expect(rosterNames.has(name)).toBe(true)
    expect(Object.keys(likes).sort()).toEqual(['count', 'mine', 'names'])
    for (const view of [feed, await fx.api.as(MEMBER).call(getCheckinCalendar, { groupId: GROUP, month: '2026-11' })]) {
      const json = JSON.stringify(view)
      for (const openid of [...OTHERS, MEMBER]) expect(json).not.toContain(openid)
      expect(json).not.toMatch(/m_[a-f0-9]{24}/)
    }
  })
})

describe('the join guide (group QR, personal QR, instructions) reaches members only', () => {
  it('no action answers any of it to an applicant, a rejected applicant, a stranger or another group’s owner', async () => {
    const { recordPhotoUpload } = await import('../../usecases/photos')
    const admission = await import('../../usecases/admission')
    const { applyInput, STRANGER } = await import('../support/fixture')
    const c = await import('../../contracts')
    const fx = await makeFixture()
    const QR = `local:${'d'.repeat(32)}.png`
    const PERSONAL = `local:${'e'.repeat(32)}.png`
    for (const id of [QR, PERSONAL]) await recordPhotoUpload(fx.ctx(ADMIN), { groupId: GROUP, photoId: id, location: `/tmp/${id.slice(6)}`, size: 1 })
    await fx.api.as(ADMIN).call(c.updateJoinGuide, { groupId: GROUP, groupQrPhotoId: QR, personalQrPhotoId: PERSONAL, instructions: '暗号：读书会' })
    await admission.submitApplication(fx.ctx('o_pending'), fx.services, applyInput())
    await admission.submitApplication(fx.ctx('o_rejected'), fx.services, applyInput())
    await fx.api.as(ADMIN).call(c.decideApplication, { groupId: GROUP, applicationId: `${GROUP}:o_rejected`, decision: 'reject', reason: '' })

    const secrets = ['d'.repeat(32), 'e'.repeat(32), '暗号', '/photos/']
    for (const who of ['o_pending', 'o_rejected', 'o_nobody', STRANGER] as const) {
      const answers = [
        await fx.api.as(who).resultOfUnchecked(c.getApplyPage, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.getGroupProfile, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.getJoinGuide, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.confirmJoined, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.getJoinGuideSettings, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.listNotJoined, { groupId: GROUP }),
        await fx.api.as(who).resultOfUnchecked(c.listInbox, {}),
        await fx.api.as(who).resultOfUnchecked(c.listMyGroups, {}),
        await fx.api.as(who).resultOfUnchecked(c.withdrawApplication, { groupId: GROUP }),
      ]
      for (const answer of answers) for (const secret of secrets) expect(JSON.stringify(answer)).not.toContain(secret)
      expect(answers[2]).toMatchObject({ ok: false })
    }
    // The rejection message does not carry the instructions either; a member does see them.
    expect(JSON.stringify(await fx.api.as(MEMBER).call(c.getJoinGuide, { groupId: GROUP }))).toContain('暗号')
  })
})

describe('需补充, auto-approval and the badges keep applicants apart and admins’ facts with the admins', () => {
  it('the applicant sees the question but never who asked; another applicant sees none of it; only admins get counts and 已处理', async () => {
    const fx = await makeFixture()
    await fx.api.as('o_asked').call(submitApplication, applyInput({ intro: { name: '赵敏', region: '郑州', occupation: '律师', about: '秘密的自我介绍' }, phone: '13912345678' }))
    await fx.api.as('o_peer').call(submitApplication, applyInput())
    await fx.api.as(ADMIN).call(askApplicant, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_asked'), question: '你在哪家律所？' })
    await fx.api.as(OWNER).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_peer'), decision: 'reject', reason: '' })
    await fx.api.as('o_peer2').call(submitApplication, applyInput())

    const asked = [await fx.api.as('o_asked').call(getApplyPage, { groupId: GROUP }), await fx.api.as('o_asked').call(listInbox, {}), await fx.api.as('o_asked').call(answerFollowUp, { groupId: GROUP, answer: '某律所' })]
    for (const view of asked) {
      expect(JSON.stringify(view)).not.toContain(ADMIN)
      expect(JSON.stringify(view)).not.toContain('askedBy')
    }
    for (const who of ['o_peer2', 'o_peer', MEMBER]) {
      const seen = JSON.stringify([
        await fx.api.as(who).call(getApplyPage, { groupId: GROUP }),
        await fx.api.as(who).call(listInbox, {}),
        await fx.api.as(who).call(getPendingCounts, {}),
        await fx.api.as(who).result(listDecidedApplications, { groupId: GROUP }),
      ])
      for (const secret of ['你在哪家律所？', '某律所', '赵敏', '秘密的自我介绍', '13912345678', 'o_asked']) expect(seen).not.toContain(secret)
      expect(seen).not.toContain('"pending":')
    }
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
