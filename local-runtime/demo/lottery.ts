/**
 * Demo lotteries in the reading group, made through the real use cases at their historical instants:
 * - last week's 「坚持打卡抽好书」, drawn by the timer three days ago (so its 「验证开奖」 passes: the real
 *   seed, the real frozen list, the real draw), one winner already claimed;
 * - this week's 「打卡达人周抽奖」, open with weights (tickets = check-ins this week, up to 5; at least 3 to
 *   enter), drawn automatically four days after today at 20:00 (the description names that day); several members entered, the member persona has not yet.
 * The seeds come from the platform's CSPRNG, so every fresh data folder has its own. The announcements their
 * publication posted are taken off the demo's board (see below); everything else is as a real run leaves it.
 *
 * @example
 *   await seedLotteries(store, new Date())   // idempotent: does nothing once the drawn lottery exists
 */
import { dayRuleOf, localInstant, shiftDay, todayKey } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { CRYPTO_RANDOM } from '../../platform/random'
import type { Store } from '../../store/port'
import { timerCaller, userCaller, type UseCaseContext } from '../../usecases/context'
import { claimLotteryPrize, createLottery, enterLottery, lotteryIdFor, runDraw, type LotteryServices } from '../../usecases/lottery'
import { DEMO_GROUP_ID, personaOpenid } from './personas'

const SERVICES: LotteryServices = {
  random: CRYPTO_RANDOM,
  notifier: { notify: async () => false },
  storage: { photoLinks: async () => ({}) },
}

const OWNER = 'o_demo_owner'
const DRAWN_REQUEST = 'demo_lottery_lastweek'
const OPEN_REQUEST = 'demo_lottery_thisweek'

export async function seedLotteries(store: Store, now: Date): Promise<void> {
  const group = await store.get('groups', DEMO_GROUP_ID)
  if (!group) return
  if (await store.get('lotteries', lotteryIdFor(DEMO_GROUP_ID, personaOpenid('admin'), DRAWN_REQUEST))) return
  const rule = dayRuleOf(group)
  const today = todayKey(now, rule)
  const at = (day: string, time: string) => localInstant(day, time, rule.timezone)
  const ctx = (who: string, when: Date): UseCaseContext => ({ store, caller: userCaller(who), now: () => when })
  const members = await store.find('members', { where: { groupId: DEMO_GROUP_ID }, orderBy: [{ field: 'joinedAt', direction: 'asc' }], limit: 100 })

  // Last week's, drawn.
  const drawnDay = shiftDay(today, -3)
  const drawn = await createLottery(ctx(personaOpenid('admin'), at(shiftDay(today, -10), '20:30')), SERVICES, {
    groupId: DEMO_GROUP_ID,
    requestId: DRAWN_REQUEST,
    title: '坚持打卡抽好书',
    description: '感谢大家上周坚持早读！本期奖品由群主赞助，人人有机会。开奖后可在本页「验证开奖」自己核对结果。',
    prizes: [
      { name: '《活着》精装纪念版', quantity: 1 },
      { name: '读书会帆布袋', quantity: 2 },
    ],
    opensAt: at(shiftDay(today, -10), '20:30').toISOString(),
    closesAt: at(drawnDay, '20:00').toISOString(),
    drawRule: { kind: 'time', drawAt: at(drawnDay, '20:00').toISOString() },
    eligibility: { minCheckins: 0, period: null, joinedBefore: null },
    weighting: null,
    needsAddress: true,
    claimDays: 7,
  })
  for (const [index, member] of members.slice(1, 13).entries()) {
    if (member.openid === personaOpenid('admin')) continue
    await enterLottery(ctx(member.openid, at(shiftDay(today, -9 + (index % 5)), `0${7 + (index % 3)}:1${index % 6}`)), SERVICES, { lotteryId: drawn.id, nonce: CRYPTO_RANDOM.hex(16) })
  }
  const drawnAt = at(drawnDay, '20:00')
  const result = await runDraw({ store, caller: timerCaller('lotteryDue'), now: () => new Date(drawnAt.getTime() + 30_000) }, SERVICES, drawn.id, { force: false, actor: null })
  await store.remove('announcements', result.announcementId)
  const firstWinner = result.rounds[0]?.winners[0]?.entryIds[0]
  const winnerEntry = firstWinner ? (await store.find('lotteryEntries', { where: { lotteryId: drawn.id, entryId: firstWinner }, limit: 1 }))[0] : undefined
  if (winnerEntry) {
    const winner = members.find((member) => member.openid === winnerEntry.openid)
    await claimLotteryPrize(ctx(winnerEntry.openid, at(shiftDay(drawnDay, 1), '09:12')), {
      lotteryId: drawn.id,
      name: winner?.intro.name ?? '获奖者',
      phone: '13800138000',
      address: `${winner?.intro.region ?? '郑州'}市金水区花园路 1 号`,
      note: '工作日白天可收货',
    })
  }

  // This week's, open with weights, drawn four days from today: the description names that very day.
  const drawDay = shiftDay(today, 4)
  const drawLabel = `${drawDay.slice(5)}（周${'日一二三四五六'[new Date(`${drawDay}T00:00:00Z`).getUTCDay()]}）20:00`
  const open = await createLottery(ctx(OWNER, at(shiftDay(today, -1), '21:00')), SERVICES, {
    groupId: DEMO_GROUP_ID,
    requestId: OPEN_REQUEST,
    title: '打卡达人周抽奖',
    description: `本周打卡满 3 次即可参与；每打卡 1 次多 1 张抽奖券，最多 5 张，越勤奋机会越大。${drawLabel} 自动开奖，种子承诺已公布，开奖后人人可验证。`,
    prizes: [
      { name: 'Kindle 电子书阅读器', quantity: 1 },
      { name: '《活着》余华签名本', quantity: 2 },
      { name: '黄铜书签', quantity: 5 },
    ],
    opensAt: at(shiftDay(today, -1), '21:00').toISOString(),
    closesAt: at(drawDay, '20:00').toISOString(),
    drawRule: { kind: 'time', drawAt: at(drawDay, '20:00').toISOString() },
    eligibility: { minCheckins: 3, period: { from: shiftDay(today, -6), to: drawDay }, joinedBefore: null },
    weighting: { maxTickets: 5 },
    needsAddress: true,
    claimDays: 7,
  })
  // Publishing posts a pinned announcement; the demo's board is the reading group's own (its page tests page
  // through it), so the demo takes the lotteries' announcements off it. The inbox messages stay.
  const openDoc = await store.get('lotteries', open.id)
  if (openDoc) await store.remove('announcements', openDoc.announcementId)
  for (const [index, member] of members.entries()) {
    if (member.openid === personaOpenid('member') || index % 3 === 2) continue
    try {
      await enterLottery(ctx(member.openid, at(today, `07:${String(10 + index).padStart(2, '0')}`)), SERVICES, { lotteryId: open.id, nonce: CRYPTO_RANDOM.hex(16) })
    } catch (error) {
      // Not enough check-ins this week: told why, as anyone would be.
      if (!(error instanceof DomainError)) throw error
    }
  }
}
