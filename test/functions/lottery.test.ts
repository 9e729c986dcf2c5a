/**
 * Lotteries end to end through the real `lottery` handlers on SQLite: create and announce, enter (eligibility,
 * tickets, idempotence), the draw (admin tap, time rule by the timer, count rule), the published draw that
 * verifies, claims and their privacy, settle purging contacts, cancel, redraw as round 1, CSV exports, and
 * the bad inputs that change nothing.
 */
import {
  cancelLottery,
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
  redrawLottery,
  settleLottery,
  type CreateLotteryInput,
  type LotteryDrawPage,
} from '../../contracts/lottery'
import { listAnnouncements } from '../../contracts/board'
import type { CheckinDoc } from '../../domain/checkin'
import { lotteryEntryDocId, maskName } from '../../domain/lottery'
import { newSeedCommitment, verifyDraw, type PublishedDraw } from '../../domain/lottery-draw'
import { createCloudbaseStore } from '../../store/cloudbase'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { photoPathPrefix, recordPhotoUpload } from '../../usecases/photos'
import { photoRecordId } from '../../domain/photos'
import { ADMIN, GROUP, MEMBER, OWNER, STRANGER, TIMER, makeFixture, storeSnapshot, testMember, type Fixture } from '../support/fixture'
import { M2, M3, NONCE, csvBehind, lotteryInput, publishedDraw, seedCheckins } from '../support/lottery'

async function fixture(): Promise<Fixture> {
  return makeFixture({ members: [testMember(M2, 'member', '赵敏'), testMember(M3, 'member', '孙悦', '2026-11-20T02:00:00.000Z')] })
}

describe('create and announce', () => {
  it('publishes with a commitment, a pinned announcement and an inbox message to every other member; the same request answers the first lottery', async () => {
    const fx = await fixture()
    const lottery = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    expect(lottery).toMatchObject({ phase: 'open', title: '坚持打卡抽好书', isAdmin: true, entrantCount: 0, seed: null, canDraw: true })
    expect(lottery.commitment).toMatch(/^[0-9a-f]{64}$/)
    expect(lottery.prizes.map((tier) => tier.tierId)).toEqual(['t1', 't2'])
    const secret = await fx.store.get('lotterySecrets', lottery.id)
    expect(newSeedCommitment(secret!.seed)).toBe(lottery.commitment)
    expect(await fx.store.count('inboxMessages', { kind: 'lottery.published' })).toBe(4)
    expect(await fx.store.count('inboxMessages', { openid: ADMIN })).toBe(0)
    const board = await fx.api.as(MEMBER).call(listAnnouncements, { groupId: GROUP })
    expect(board.pinned[0].title).toBe('抽奖：坚持打卡抽好书')

    const again = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ title: '改了标题' }))
    expect(again.id).toBe(lottery.id)
    expect(again.title).toBe('坚持打卡抽好书')
    expect(await fx.store.count('lotteries', { groupId: GROUP })).toBe(1)
    expect(await fx.store.count('inboxMessages', { kind: 'lottery.published' })).toBe(4)
  })

  it('refuses an impossible schedule or rule with the field named, writing nothing', async () => {
    const fx = await fixture()
    const before = await storeSnapshot(fx.store)
    const cases: Array<[Partial<CreateLotteryInput>, string]> = [
      [{ closesAt: '2026-11-20T00:00:00.000Z' }, 'closesAt'],
      [{ opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z' }, 'closesAt'],
      [{ drawRule: { kind: 'time', drawAt: '2026-11-29T00:00:00.000Z' } }, 'drawRule.drawAt'],
      [{ eligibility: { minCheckins: 3, period: null, joinedBefore: null } }, 'eligibility.period'],
      [{ eligibility: { minCheckins: 3, period: { from: '2026-11-30', to: '2026-11-23' }, joinedBefore: null } }, 'eligibility.period.to'],
      [{ weighting: { maxTickets: 5 } }, 'eligibility.period'],
    ]
    for (const [overrides, field] of cases) {
      const result = await fx.api.as(ADMIN).result(createLottery, lotteryInput(overrides))
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain(field)
    }
    expect(await fx.api.as(MEMBER).result(createLottery, lotteryInput())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await storeSnapshot(fx.store)).toEqual(before)
  })
})

describe('enter', () => {
  const weighted = lotteryInput({
    eligibility: { minCheckins: 3, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: null },
    weighting: { maxTickets: 5 },
  })

  it('tells an ineligible member exactly why, and takes an eligible one once with tickets = check-ins capped', async () => {
    const fx = await fixture()
    await seedCheckins(fx.store, MEMBER, ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'])
    await seedCheckins(fx.store, M2, ['2026-11-16', '2026-11-15'])
    const { id } = await fx.api.as(ADMIN).call(createLottery, weighted)

    const view = await fx.api.as(M2).call(getLottery, { lotteryId: id })
    expect(view.myEntry).toMatchObject({ entered: false, canEnter: false, ineligibleCode: 'checkins', missingCheckins: 2, checkins: 1 })
    expect(view.myEntry.ineligibleReason).toContain('还差 2 次打卡')
    const before = await storeSnapshot(fx.store)
    expect(await fx.api.as(M2).result(enterLottery, { lotteryId: id, nonce: NONCE(2) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('还差 2 次打卡') } })
    expect(await storeSnapshot(fx.store)).toEqual(before)

    const first = await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    expect(first).toMatchObject({ created: true, entrantCount: 1, myEntry: { entered: true, tickets: 5 } })
    expect(first.myEntry.entryId).toMatch(/^e_[0-9a-f]{16}$/)
    expect(first.myEntry.entryId).not.toContain(MEMBER)
    const again = await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(9) })
    expect(again).toMatchObject({ created: false, entrantCount: 1, myEntry: { entryId: first.myEntry.entryId, tickets: 5 } })
    expect(await fx.store.get('lotteryEntries', lotteryEntryDocId(id, MEMBER))).toMatchObject({ nonce: NONCE(1), maskedName: '李*' })
  })

  it('refuses members who joined on or after the day, strangers and outsiders', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ eligibility: { minCheckins: 0, period: null, joinedBefore: '2026-11-20' } }))
    expect(await fx.api.as(M3).result(enterLottery, { lotteryId: id, nonce: NONCE(3) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '仅限 2026-11-20 之前入群的成员参与' } })
    expect(await fx.api.as(STRANGER).result(enterLottery, { lotteryId: id, nonce: NONCE(3) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await fx.api.as('o_nobody').result(enterLottery, { lotteryId: id, nonce: NONCE(3) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(M2).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })).toMatchObject({ created: true })
  })

  it('refuses entries before the window opens and after it closes', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ opensAt: '2026-11-24T00:00:00.000Z' }))
    expect(await fx.api.as(MEMBER).result(enterLottery, { lotteryId: id, nonce: NONCE(1) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await fx.api.as(MEMBER).at('2026-11-30T12:00:00.000Z').result(enterLottery, { lotteryId: id, nonce: NONCE(1) })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '参与已截止' } })
    expect(await fx.store.count('lotteryEntries', { lotteryId: id })).toBe(0)
  })
})

describe('draw, verify, claim, settle', () => {
  async function drawnLottery() {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ needsAddress: true }))
    for (const [who, n] of [[MEMBER, 1], [M2, 2], [M3, 3], [OWNER, 4]] as const) await fx.api.as(who).call(enterLottery, { lotteryId: id, nonce: NONCE(n) })
    fx.clock.set('2026-11-25T02:00:00.000Z')
    const drawn = await fx.api.as(ADMIN).call(drawLottery, { lotteryId: id })
    return { fx, id, drawn }
  }

  it('draws once, reveals the seed, and the published draw verifies; entries after it are refused and change nothing', async () => {
    const { fx, id, drawn } = await drawnLottery()
    expect(drawn).toMatchObject({ phase: 'drawn', entrantCount: 4, fewerEntrantsThanPrizes: false, claimDeadline: '2026-12-02T02:00:00.000Z' })
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/)
    expect(drawn.winners.map((tier) => tier.winners.length)).toEqual([1, 2])
    const draw = await publishedDraw(fx, M3, id)
    expect(draw.entrants).toHaveLength(4)
    expect(verifyDraw(draw)).toMatchObject({ ok: true, problems: [] })
    expect(JSON.stringify(draw)).not.toMatch(/o_(member|m2|m3|owner)/)
    expect(await fx.store.count('inboxMessages', { kind: 'lottery.won.0' })).toBe(3)

    const again = await fx.api.as(OWNER).call(drawLottery, { lotteryId: id })
    const ids = (view: typeof drawn) => view.winners.map((tier) => tier.winners.map((w) => w.entryId))
    expect(ids(again)).toEqual(ids(drawn))
    expect(await fx.store.count('lotteryWins', { lotteryId: id })).toBe(3)

    const before = await storeSnapshot(fx.store)
    expect(await fx.api.as(ADMIN).result(enterLottery, { lotteryId: id, nonce: NONCE(7) })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '参与已截止' } })
    expect(await storeSnapshot(fx.store)).toEqual(before)
  })

  it('a winner claims with contact details only admins see; settling purges them', async () => {
    const { fx, id, drawn } = await drawnLottery()
    const winnerEntryIds = new Set(drawn.winners.flatMap((tier) => tier.winners.map((w) => w.entryId)))
    const entries = await fx.store.find('lotteryEntries', { where: { lotteryId: id } })
    const winner = entries.find((e) => winnerEntryIds.has(e.entryId))!
    const loser = entries.find((e) => !winnerEntryIds.has(e.entryId))!

    expect(await fx.api.as(loser.openid).result(claimLotteryPrize, { lotteryId: id, name: '某人', phone: '13800138000', address: '郑州市', note: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await fx.api.as(winner.openid).result(claimLotteryPrize, { lotteryId: id, name: '李娜', phone: '13800138000', address: '', note: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { address: expect.any(String) } } })
    const claimed = await fx.api.as(winner.openid).call(claimLotteryPrize, { lotteryId: id, name: '李娜', phone: '13800138000', address: '郑州市金水区花园路 1 号', note: '工作日收货' })
    expect(claimed).toMatchObject({ status: 'claimed' })

    const mine = await fx.api.as(winner.openid).call(getLottery, { lotteryId: id })
    expect(mine.myWin).toMatchObject({ status: 'claimed' })
    expect(JSON.stringify(mine)).not.toContain('13800138000')
    expect(await fx.api.as(winner.openid).result(listLotteryWinners, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const winners = await fx.api.as(ADMIN).call(listLotteryWinners, { lotteryId: id })
    expect(winners.items.find((w) => w.entryId === winner.entryId)).toMatchObject({ status: 'claimed', contact: { phone: '13800138000' } })
    const file = await fx.api.as(ADMIN).call(exportLotteryCsv, { lotteryId: id, kind: 'winners' })
    expect(file).toMatchObject({ fileName: `lottery-${id}-winners.csv`, url: expect.stringMatching(/^\/exports\/[a-f0-9]{32}\.csv\?exp=\d+&sig=[a-f0-9]{64}$/), rows: 3 })
    expect(JSON.stringify(file)).not.toContain('13800138000')
    const csv = csvBehind(file)
    expect(csv.startsWith('\uFEFF轮次,奖项')).toBe(true)
    expect(csv).toContain('13800138000')

    const settled = await fx.api.as(ADMIN).call(settleLottery, { lotteryId: id })
    expect(settled.phase).toBe('settled')
    const wins = await fx.store.find('lotteryWins', { where: { lotteryId: id } })
    expect(wins.map((w) => w.contact)).toEqual(wins.map(() => null))
    expect(csvBehind(await fx.api.as(ADMIN).call(exportLotteryCsv, { lotteryId: id, kind: 'winners' }))).not.toContain('13800138000')
    // Both files are recorded for the export cleanup (the group, where the file is, its link's expiry).
    expect(await fx.store.find('exportFiles', { limit: 10 })).toEqual([
      expect.objectContaining({ groupId: GROUP, location: expect.stringMatching(/^[a-f0-9]{32}\.csv$/), expiresAt: file.expiresAt }),
      expect.objectContaining({ groupId: GROUP, location: expect.stringMatching(/^[a-f0-9]{32}\.csv$/), expiresAt: file.expiresAt }),
    ])
    expect(await fx.api.as(winner.openid).result(claimLotteryPrize, { lotteryId: id, name: '李娜', phone: '13800138000', address: '郑州', note: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('after the deadline the unclaimed prizes are redrawn as round 1 from those who have not won, and the whole draw still verifies', async () => {
    const { fx, id, drawn } = await drawnLottery()
    const winners = new Set(drawn.winners.flatMap((tier) => tier.winners.map((w) => w.entryId)))
    expect(await fx.api.as(ADMIN).result(redrawLottery, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    fx.clock.set('2026-12-02T02:00:00.000Z')
    await fx.api.as(TIMER).event('lottery', { Type: 'Timer' })
    const view = await fx.api.as(ADMIN).call(getLottery, { lotteryId: id })
    expect(view).toMatchObject({ unclaimedCount: 3, canRedraw: true })
    const redrawn = await fx.api.as(ADMIN).call(redrawLottery, { lotteryId: id })
    expect(redrawn.redraws).toBe(1)
    const round1 = redrawn.winners.flatMap((tier) => tier.winners.filter((w) => w.round === 1))
    expect(round1).toHaveLength(1)
    expect(winners.has(round1[0].entryId)).toBe(false)
    expect(verifyDraw(await publishedDraw(fx, MEMBER, id))).toMatchObject({ ok: true })
    expect(await fx.api.as(ADMIN).result(redrawLottery, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('rules that draw by themselves', () => {
  it('time rule: the timer draws at the draw time, not before', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ closesAt: '2026-11-24T12:00:00.000Z', drawRule: { kind: 'time', drawAt: '2026-11-24T13:00:00.000Z' } }))
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    expect(await fx.api.as(TIMER).at('2026-11-24T12:59:00.000Z').event('lottery', { Type: 'Timer' })).toMatchObject({ ok: true, data: { drawn: 0 } })
    expect((await fx.api.as(MEMBER).at('2026-11-24T12:30:00.000Z').call(getLottery, { lotteryId: id })).countdown).toEqual({ kind: 'draw', at: '2026-11-24T13:00:00.000Z' })
    expect(await fx.api.as(TIMER).at('2026-11-24T13:00:00.000Z').event('lottery', { Type: 'Timer' })).toMatchObject({ ok: true, data: { drawn: 1 } })
    const view = await fx.api.as(MEMBER).at('2026-11-24T13:01:00.000Z').call(getLottery, { lotteryId: id })
    expect(view).toMatchObject({ phase: 'drawn', fewerEntrantsThanPrizes: true, myWin: { tierId: 't1', status: 'pending' } })
    expect(view.winners.map((tier) => tier.winners.length)).toEqual([1, 0])
  })

  it('nobody entered: the draw still happens, with no winners, and verifies', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ drawRule: { kind: 'count', count: 5 } }))
    expect(await fx.api.as(TIMER).at('2026-11-30T12:00:00.000Z').event('lottery', { Type: 'Timer' })).toMatchObject({ ok: true, data: { drawn: 1 } })
    const view = await fx.api.as(MEMBER).at('2026-11-30T12:00:00.000Z').call(getLottery, { lotteryId: id })
    expect(view).toMatchObject({ phase: 'drawn', entrantCount: 0, fewerEntrantsThanPrizes: true, canRedraw: false })
    expect(view.winners.flatMap((tier) => tier.winners)).toEqual([])
    expect(verifyDraw(await publishedDraw(fx, MEMBER, id)).ok).toBe(true)
  })

  it('count rule: the entry reaching the count closes entries, the timer draws', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ drawRule: { kind: 'count', count: 2 } }))
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    await fx.api.as(M2).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })
    expect(await fx.api.as(M3).result(enterLottery, { lotteryId: id, nonce: NONCE(3) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await fx.api.as(M3).call(getLottery, { lotteryId: id })).phase).toBe('drawing')
    fx.clock.set('2026-11-23T02:01:01.000Z')
    expect(await fx.api.as(TIMER).event('lottery', { Type: 'Timer' })).toMatchObject({ ok: true, data: { drawn: 1 } })
    expect((await fx.api.as(M3).call(getLottery, { lotteryId: id })).entrantCount).toBe(2)
  })
})

describe('cancel, lists, exports', () => {
  it('cancels before the draw with a reason the entrants are told; a drawn lottery cannot be cancelled', async () => {
    const fx = await fixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    const cancelled = await fx.api.as(OWNER).call(cancelLottery, { lotteryId: id, reason: '奖品缺货，下周重新发起' })
    expect(cancelled).toMatchObject({ phase: 'cancelled', cancelReason: '奖品缺货，下周重新发起', canDraw: false })
    const told = await fx.store.find('inboxMessages', { where: { kind: 'lottery.cancelled' } })
    expect(told.map((m) => m.openid)).toEqual([MEMBER])
    expect(told[0].body).toContain('奖品缺货')
    expect(await fx.api.as(M2).result(enterLottery, { lotteryId: id, nonce: NONCE(2) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await fx.api.as(ADMIN).result(drawLottery, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await fx.api.as(MEMBER).call(listLotteries, { groupId: GROUP, filter: 'cancelled' })).items.map((l) => l.id)).toEqual([id])
    expect((await fx.api.as(MEMBER).call(listLotteries, { groupId: GROUP, filter: 'open' })).items).toEqual([])
  })

  it('admins list and export the entrants (BOM, quoted fields); members cannot', async () => {
    const fx = await makeFixture({ members: [testMember(M2, 'member', '王"小,二')] })
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    await fx.api.as(M2).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    const list = await fx.api.as(ADMIN).call(listLotteryEntrants, { lotteryId: id })
    expect(list).toMatchObject({ total: 2, next: null })
    expect(list.items.map((e) => e.name)).toEqual(['王"小,二-郑州-工程师', '李娜-郑州-工程师'])
    const file = await fx.api.as(ADMIN).call(exportLotteryCsv, { lotteryId: id, kind: 'entrants' })
    expect(file.rows).toBe(2)
    const csv = csvBehind(file)
    expect(csv.startsWith('\uFEFF参与编号,昵称')).toBe(true)
    expect(csv).toContain('"王""小,二-郑州-工程师"')
    expect(await fx.api.as(MEMBER).result(listLotteryEntrants, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(MEMBER).result(exportLotteryCsv, { lotteryId: id, kind: 'entrants' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fx.api.as(MEMBER).result(getLotteryDraw, { lotteryId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('masks names to the first character', () => {
    expect([maskName('张三'), maskName('欧阳娜娜'), maskName('张'), maskName('')]).toEqual(['张*', '欧***', '张*', '*'])
  })
})

describe('on the CloudBase adapter (wx-server-sdk fake)', () => {
  it('runs end to end: create, weighted entries, the timer draws, the draw verifies, a winner claims, settle purges', async () => {
    const cloud = createFakeCloud()
    const store = createCloudbaseStore(cloud.database())
    await store.ensureSchema()
    const fx = await makeFixture({ store, members: [testMember(M2, 'member', '赵敏'), testMember(M3, 'member', '孙悦')] })
    await seedCheckins(store, MEMBER, ['2026-11-20', '2026-11-21', '2026-11-22'])
    await seedCheckins(store, M2, ['2026-11-22'])
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({
      closesAt: '2026-11-24T12:00:00.000Z',
      drawRule: { kind: 'time', drawAt: '2026-11-24T12:00:00.000Z' },
      eligibility: { minCheckins: 1, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: null },
      weighting: { maxTickets: 3 },
    }))
    expect((await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })).myEntry.tickets).toBe(3)
    expect((await fx.api.as(M2).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })).myEntry.tickets).toBe(1)
    expect(await fx.api.as(M3).result(enterLottery, { lotteryId: id, nonce: NONCE(3) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('还差 1 次打卡') } })
    expect(await fx.api.as(TIMER).at('2026-11-24T12:00:00.000Z').event('lottery', { Type: 'Timer' })).toMatchObject({ ok: true, data: { drawn: 1 } })
    const draw = await publishedDraw(fx, M3, id)
    expect(draw.entrants.map((e) => e.tickets).sort()).toEqual([1, 3])
    expect(verifyDraw(draw).ok).toBe(true)
    expect(verifyDraw({ ...draw, entrants: draw.entrants.map((e) => ({ ...e, tickets: e.tickets === 3 ? 2 : e.tickets })) }).ok).toBe(false)
    const view = await fx.api.as(MEMBER).at('2026-11-24T12:01:00.000Z').call(getLottery, { lotteryId: id })
    expect(view.myWin).toMatchObject({ status: 'pending' })
    expect(await fx.api.as(MEMBER).at('2026-11-25T00:00:00.000Z').call(claimLotteryPrize, { lotteryId: id, name: '李娜', phone: '13800138000', address: '', note: '' })).toMatchObject({ status: 'claimed' })
    await fx.api.as(ADMIN).call(settleLottery, { lotteryId: id })
    expect((await store.find('lotteryWins', { where: { lotteryId: id } })).every((win) => win.contact === null)).toBe(true)
  })
})

describe('prize pictures', () => {
  it('the list hands an admin their own upload path prefix for today (a member gets none)', async () => {
    const fx = await fixture()
    const admin = await fx.api.as(ADMIN).call(listLotteries, { groupId: GROUP, filter: 'open' })
    expect(admin.photoPathPrefix).toBe(photoPathPrefix(GROUP, '2026-11-23', ADMIN))
    expect(admin.photoPathPrefix).toMatch(new RegExp(`^checkins/${GROUP}/2026-11-23/[a-f0-9]{16}-$`))
    expect((await fx.api.as(MEMBER).call(listLotteries, { groupId: GROUP, filter: 'open' })).photoPathPrefix).toBeNull()
  })

  it('takes the creator’s own unused upload (then used, so the cleanup keeps it), shows members a link, refuses anyone else’s', async () => {
    const fx = await fixture()
    const mine = 'local:' + 'a'.repeat(32) + '.png'
    const theirs = 'local:' + 'b'.repeat(32) + '.png'
    await recordPhotoUpload(fx.ctx(ADMIN), { groupId: GROUP, photoId: mine, location: '/tmp/a.png', size: 10 })
    await recordPhotoUpload(fx.ctx(MEMBER), { groupId: GROUP, photoId: theirs, location: '/tmp/b.png', size: 10 })
    const refused = await fx.api.as(ADMIN).result(createLottery, lotteryInput({ prizes: [{ name: '书签', quantity: 1, imageId: theirs }] }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'prizes.0.imageId': '奖品图片无效，请重新上传' } } })
    expect(await fx.store.count('lotteries', {})).toBe(0)
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ prizes: [{ name: '书签', quantity: 1, imageId: mine }] }))
    expect((await fx.store.get('photos', photoRecordId(GROUP, mine)!))?.checkinId).toBe(`lottery:${id}`)
    const view = await fx.api.as(MEMBER).call(getLottery, { lotteryId: id })
    expect(view.prizes[0].imageUrl).toMatch(/^\/photos\//)
  })
})
