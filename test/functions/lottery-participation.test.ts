/**
 * Where lotteries meet participation: an entry credits the entrant's points in its own transaction, the nightly
 * tally counts the day's entries, and an archived group takes no new lottery and no entry.
 */
import { archiveGroup, createLottery, enterLottery, runTally } from '../../contracts'
import { memberId } from '../../domain/group'
import { dailyStatsId } from '../../domain/tally'
import { DEFAULT_SCORE_POINTS } from '../../domain/participation'
import { ADMIN, GROUP, MEMBER, OWNER, TIMER, makeFixture, storeSnapshot, testMember } from '../support/fixture'
import { M2, NONCE, lotteryInput } from '../support/lottery'

describe('lottery entries and participation', () => {
  it('an entry credits the entrant the lottery-entry points once, however often it is tapped', async () => {
    const fx = await makeFixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    const before = (await fx.store.get('members', memberId(GROUP, MEMBER)))!.score ?? 0
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })
    const after = await fx.store.get('members', memberId(GROUP, MEMBER))
    expect((after!.score ?? 0) - before).toBe(DEFAULT_SCORE_POINTS.lotteryEntry)
    expect(after!.weekScore).toBe(DEFAULT_SCORE_POINTS.lotteryEntry)
  })

  it("the nightly tally counts the day's entries in the group's stats", async () => {
    const fx = await makeFixture({ members: [testMember(M2, 'member', '刘洋')] })
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    await fx.api.as(MEMBER).call(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    await fx.api.as(M2).call(enterLottery, { lotteryId: id, nonce: NONCE(2) })
    await fx.api.as(TIMER).at('2026-11-24T02:00:00.000Z').call(runTally, {})
    expect(await fx.store.get('dailyStats', dailyStatsId(GROUP, '2026-11-23'))).toMatchObject({ lotteryEntries: 2 })
  })

  it('an archived group refuses a new lottery and an entry, and changes nothing', async () => {
    const fx = await makeFixture()
    const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput())
    await fx.api.as(OWNER).call(archiveGroup, { groupId: GROUP })
    const before = await storeSnapshot(fx.store)
    const entry = await fx.api.as(MEMBER).resultOfUnchecked(enterLottery, { lotteryId: id, nonce: NONCE(1) })
    expect(entry).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(JSON.stringify(entry)).toContain('归档')
    const created = await fx.api.as(ADMIN).resultOfUnchecked(createLottery, lotteryInput({ requestId: 'req_after_archive' }))
    expect(created).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await storeSnapshot(fx.store)).toEqual(before)
  })
})
