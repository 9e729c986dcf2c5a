/** The demo community's lotteries, seen through the real functions: one open with weights, one drawn whose verification passes. */
import { enterLottery, getLottery, listLotteries, listLotteryWinners } from '../../contracts/lottery'
import { listAnnouncements } from '../../contracts/board'
import { listInbox } from '../../contracts/inbox'
import { formatLocal } from '../../domain/days'
import { verifyDraw } from '../../domain/lottery-draw'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { FIXED_NOW, makeStore, testCaller } from '../support/fixture'
import { NONCE, publishedDraw } from '../support/lottery'

describe('demo lotteries', () => {
  it('the member sees an open weighted lottery they may enter, and a drawn one whose draw verifies', async () => {
    const store = await makeStore({ seed: true })
    const api = testCaller(store, { now: () => FIXED_NOW })
    const member = api.as(personaOpenid('member'))
    const open = await member.call(listLotteries, { groupId: DEMO_GROUP_ID, filter: 'open' })
    expect(open.items.map((l) => l.title)).toEqual(['打卡达人周抽奖'])
    const view = await member.call(getLottery, { lotteryId: open.items[0].id })
    expect(view).toMatchObject({ phase: 'open', weighting: { maxTickets: 5 }, myEntry: { entered: false, canEnter: true }, countdown: { kind: 'closes' } })
    expect(view.entrantCount).toBeGreaterThan(3)
    expect(view.myEntry.tickets).toBeGreaterThanOrEqual(3)
    // The description names the draw time the rule holds, in the group's timezone (seeded relative to today).
    const drawAt = (view.drawRule as { kind: 'time'; drawAt: string }).drawAt
    const [day, time] = formatLocal(drawAt, view.timezone, 'YYYY-MM-DD HH:mm').split(' ')
    const weekday = '日一二三四五六'[new Date(`${day}T00:00:00Z`).getUTCDay()]
    expect(view.description).toContain(`${day.slice(5)}（周${weekday}）${time} 自动开奖`)

    const drawn = await member.call(listLotteries, { groupId: DEMO_GROUP_ID, filter: 'drawn' })
    expect(drawn.items.map((l) => l.title)).toEqual(['坚持打卡抽好书'])
    const fx = { api } as Parameters<typeof publishedDraw>[0]
    const draw = await publishedDraw(fx, personaOpenid('member'), drawn.items[0].id)
    expect(draw.entrants.length).toBeGreaterThan(5)
    expect(verifyDraw(draw)).toMatchObject({ ok: true })
    const winners = await api.as(personaOpenid('admin')).call(listLotteryWinners, { lotteryId: drawn.items[0].id })
    expect(winners.items).toHaveLength(3)
    expect(winners.items.filter((w) => w.status === 'claimed')).toHaveLength(1)

    const announcements = await member.call(listAnnouncements, { groupId: DEMO_GROUP_ID })
    // The demo keeps its board as it was; members heard of the lotteries through the inbox.
    expect([...announcements.pinned, ...announcements.items].map((a) => a.title).filter((title) => title.startsWith('抽奖'))).toEqual([])
    expect((await member.call(listInbox, {})).items.map((m) => m.title)).toEqual(expect.arrayContaining(['新抽奖：打卡达人周抽奖', '新抽奖：坚持打卡抽好书']))

    expect((await member.call(enterLottery, { lotteryId: open.items[0].id, nonce: NONCE(1) })).created).toBe(true)
  })
})
