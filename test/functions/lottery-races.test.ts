/**
 * Lottery requests that race, through the real handlers, on the CloudBase adapter over the wx-server-sdk fake
 * with interleaving transactions (snapshot reads, write conflicts at commit, retries) and on SQLite with
 * concurrent calls:
 * - 200 taps of one member at once → one entry, every tap answered with it;
 * - 200 members entering while the draw starts → every entry is in the frozen (published) list or was
 *   refused, and a refused one left nothing behind;
 * - 200 draw calls at once (timer runs and admins' taps) → one result: one set of wins, one inbox message
 *   per winner, every caller sees the same winners.
 */
import { createLottery, drawLottery, enterLottery, getLottery } from '../../contracts/lottery'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import type { ActionResult } from '../../contracts/define'
import { lotteryEntryDocId } from '../../domain/lottery'
import { verifyDraw } from '../../domain/lottery-draw'
import { createFunctionHandlers } from '../../local-runtime/functions'
import { createLocalWechatServices } from '../../platform/wechat-services-local'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, FIXED_NOW, MEMBER, OWNER, TIMER, makeFixture, makeStore, testCaller, testMember, type Fixture } from '../support/fixture'
import { NONCE, lotteryInput, publishedDraw } from '../support/lottery'
import { seededRandom } from '../support/random'

const MEMBERS = Array.from({ length: 200 }, (_, i) => `o_r${String(i).padStart(3, '0')}`)

type Backend = 'cloudbase (interleaving)' | 'sqlite'

async function storeFor(backend: Backend): Promise<Store> {
  if (backend === 'sqlite') return makeStore()
  const cloud = createFakeCloud({ transactions: 'concurrent' })
  const store = createCloudbaseStore(cloud.database(), { transactionRetry: { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))) } })
  await store.ensureSchema()
  return store
}

async function fixtureOn(backend: Backend): Promise<Fixture> {
  const store = await storeFor(backend)
  return makeFixture({ store, members: MEMBERS.map((openid, i) => testMember(openid, 'member', `成员${i}`)) })
}

function api(fx: Fixture) {
  return testCaller(fx.store, { now: () => FIXED_NOW, handlers: createFunctionHandlers({ wechat: createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1' }), templates: SUBSCRIBE_TEMPLATES, random: seededRandom('races') }) })
}

describe.each<Backend>(['cloudbase (interleaving)', 'sqlite'])('lottery races on %s', (backend) => {
  jest.setTimeout(60_000)

  it('200 concurrent entries by one member: one entry, every tap answered with it', async () => {
    const fx = await fixtureOn(backend)
    const calls = api(fx)
    const { id } = await calls.as(ADMIN).call(createLottery, lotteryInput())
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => calls.as(MEMBER).result(enterLottery, { lotteryId: id, nonce: NONCE(i) })))
    const ok = results.filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
    expect(ok.length).toBeGreaterThan(0)
    expect(ok.filter((r) => r.data.created)).toHaveLength(1)
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('CONFLICT')
    expect(new Set(ok.map((r) => r.data.myEntry.entryId)).size).toBe(1)
    expect(await fx.store.count('lotteryEntries', { lotteryId: id })).toBe(1)
    const shards = await fx.store.find('lotteryShards', { where: { lotteryId: id }, limit: 100 })
    expect(shards.reduce((sum, shard) => sum + shard.count, 0)).toBe(1)
  })

  it('200 members entering while the draw starts: every entry is in the frozen list or was refused, none lost', async () => {
    const fx = await fixtureOn(backend)
    const calls = api(fx)
    const { id } = await calls.as(ADMIN).call(createLottery, lotteryInput({ prizes: [{ name: '书签', quantity: 5 }] }))
    const enter = (i: number): Promise<ActionResult<{ myEntry: { entryId: string | null } }>> => calls.as(MEMBERS[i]).result(enterLottery, { lotteryId: id, nonce: NONCE(i) })
    // 120 entries in flight; once the first 20 are in, the draw starts while 80 more arrive.
    const entries = MEMBERS.slice(0, 120).map((_, i) => enter(i))
    await Promise.all(entries.slice(0, 20))
    const draw = calls.as(ADMIN).call(drawLottery, { lotteryId: id })
    entries.push(...MEMBERS.slice(120).map((_, i) => enter(120 + i)))
    const results = await Promise.all(entries)
    await draw
    const published = await publishedDraw(fx, MEMBER, id)
    expect(verifyDraw(published).ok).toBe(true)
    const frozen = new Set(published.entrants.map((entrant) => entrant.entryId))
    let accepted = 0
    for (const [i, result] of results.entries()) {
      if (result.ok) {
        accepted++
        expect(frozen.has(result.data.myEntry.entryId!)).toBe(true)
      } else {
        expect(result.error.code).toBe('CONFLICT')
        expect(await fx.store.get('lotteryEntries', lotteryEntryDocId(id, MEMBERS[i]))).toBeNull()
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(20)
    console.log(`[lottery races] ${backend}: ${accepted} of 200 entries in the frozen list, ${200 - accepted} refused`)
    expect(frozen.size).toBe(accepted)
    expect(await fx.store.count('lotteryEntries', { lotteryId: id })).toBe(accepted)
    // Entries after the close are refused and change nothing.
    expect(await calls.as(OWNER).result(enterLottery, { lotteryId: id, nonce: NONCE(999) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await fx.store.count('lotteryEntries', { lotteryId: id })).toBe(accepted)
  })

  it('200 draw calls at once (timer runs racing admins’ taps): one result', async () => {
    const fx = await fixtureOn(backend)
    const calls = api(fx)
    const { id } = await calls.as(ADMIN).call(createLottery, lotteryInput({ drawRule: { kind: 'time', drawAt: '2026-11-30T12:00:00.000Z' } }))
    for (const [i, openid] of MEMBERS.slice(0, 30).entries()) await calls.as(openid).call(enterLottery, { lotteryId: id, nonce: NONCE(i) })
    const at = '2026-11-30T12:00:30.000Z'
    const runs = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0 ? calls.as(TIMER).at(at).event('lottery', { Type: 'Timer' }) : calls.as(i % 4 === 1 ? ADMIN : OWNER).at(at).result(drawLottery, { lotteryId: id }),
      ),
    )
    expect(runs.filter((run) => !run.ok)).toEqual([])
    const view = await calls.as(MEMBER).at(at).call(getLottery, { lotteryId: id })
    expect(view.phase).toBe('drawn')
    const lottery = await fx.store.get('lotteries', id)
    expect(lottery!.rounds).toHaveLength(1)
    expect(await fx.store.count('lotteryWins', { lotteryId: id })).toBe(3)
    expect(await fx.store.count('inboxMessages', { kind: 'lottery.won.0' })).toBe(3)
    const winnerLists = runs.filter((run) => run.ok && 'winners' in (run.data as object)).map((run) => JSON.stringify((run as { data: { winners: Array<{ winners: Array<{ entryId: string }> }> } }).data.winners.map((tier) => tier.winners.map((w) => w.entryId))))
    expect(new Set(winnerLists).size).toBe(1)
    expect(verifyDraw(await publishedDraw(fx, MEMBER, id)).ok).toBe(true)
  })
})
