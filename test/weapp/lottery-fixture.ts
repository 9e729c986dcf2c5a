/**
 * Lotteries for the weapp page tests, made through the real `lottery` handlers as the demo personas would
 * (no shortcut into the store): create as the admin, enter, draw, cancel.
 *
 * @example
 *   const lottery = await lotteries(weapp.backend).create({ title: '坚持打卡抽好书' })
 *   await lotteries(weapp.backend).enter(personaOpenid('member'), lottery.id)
 */
import { randomBytes } from 'node:crypto'
import type { AnyAction, InputOf, OutputOf } from '../../contracts/define'
import { cancelLottery, createLottery, drawLottery, enterLottery, type CreateLotteryInput } from '../../contracts/lottery'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import type { WeappBackend } from './backend'

export const ADMIN = personaOpenid('admin')
export const MEMBER = personaOpenid('member')
/** Plain members of the demo group besides the persona. */
export const OTHERS = ['o_demo_m05', 'o_demo_m06', 'o_demo_m07']

let requests = 0

export function lotteries(backend: WeappBackend) {
  async function call<A extends AnyAction>(openid: string, contract: A, input: InputOf<A>): Promise<OutputOf<A>> {
    const result = (await backend.callFunctionAs(openid)({ name: contract.fn, data: { action: contract.action, input } })) as
      | { ok: true; data: OutputOf<A> }
      | { ok: false; error: { message: string } }
    if (!result.ok) throw new Error(`${contract.fn}.${contract.action}: ${result.error.message}`)
    return result.data
  }
  return {
    call,
    create: (input: Partial<CreateLotteryInput> = {}) =>
      call(ADMIN, createLottery, {
        groupId: DEMO_GROUP_ID,
        requestId: `req_test_${++requests}_${Date.now()}`,
        title: '坚持打卡抽好书',
        description: '本周打卡越多，中奖机会越大。',
        prizes: [{ name: '《活着》签名本', quantity: 1 }, { name: '读书会书签', quantity: 5 }],
        closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        drawRule: { kind: 'manual' },
        ...input,
      }),
    enter: (openid: string, lotteryId: string) => call(openid, enterLottery, { lotteryId, nonce: randomBytes(16).toString('hex') }),
    draw: (lotteryId: string) => call(ADMIN, drawLottery, { lotteryId }),
    cancel: (lotteryId: string, reason: string) => call(ADMIN, cancelLottery, { lotteryId, reason }),
  }
}
