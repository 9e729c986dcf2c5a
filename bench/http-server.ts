/**
 * The server side of `bench/http.ts`, run in a child process so its CPU and RSS are its own:
 *
 *   node --import tsx bench/http-server.ts echo      a bare `http.createServer` answering a fixed JSON body
 *   node --import tsx bench/http-server.ts runtime   the local runtime (`startLocalRuntime`, API only) on a
 *                                                    fresh SQLite file (WAL, as `npm start` uses), seeded with
 *                                                    the demo community plus `EXTRA_MEMBERS` members
 *
 * Both listen on 127.0.0.1, port 0, and tell the parent `{ url }` over IPC. Asked `'stats'`, they answer
 * `{ maxRssBytes }` (`process.resourceUsage().maxRSS`: the peak resident set of this process so far).
 * They exit when the parent disconnects.
 *
 * The runtime gets the product's rate limiter wrapped so it is consulted (its cost stays in) but never
 * refuses: the bench's 200 members check in far faster than the limit of 10 a minute allows.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { memberId } from '../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../local-runtime/demo/personas'
import { seedDemoCommunity } from '../local-runtime/demo/demo-community'
import { startLocalRuntime } from '../local-runtime/server'
import { createRateLimiter, type RateLimiter } from '../platform/rate-limit'
import { createSqliteStore } from '../store/sqlite'
import { memberKey } from '../usecases/member-keys'
import { userCaller } from '../usecases/context'
import { createLottery, lotteryIdFor } from '../usecases/lottery'
import { CRYPTO_RANDOM } from '../platform/random'

export const EXTRA_MEMBERS = 200
/** The bench lottery (no conditions) the lottery entry route enters: created by the admin persona with this request id. */
export const BENCH_LOTTERY_REQUEST = 'bench_http_lottery'
export const benchLotteryId = () => lotteryIdFor(DEMO_GROUP_ID, personaOpenid('admin'), BENCH_LOTTERY_REQUEST)
export const benchMemberOpenid = (index: number) => `o_bench_${String(index).padStart(3, '0')}`
/** What the echo server answers: about the size of a small API answer. */
export const ECHO_BODY = JSON.stringify({ ok: true, data: { checkin: { id: 'demo-reading:o_bench_000:2026-11-23', note: '读完第 3 章' }, created: false, streak: { current: 5, longest: 9, total: 30 } } })

async function startEcho(): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(ECHO_BODY)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function startRuntime(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-runtime-'))
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  const store = createSqliteStore({ filename: path.join(dir, 'bench.db') })
  await store.ensureSchema()
  const now = new Date()
  await seedDemoCommunity(store, now)
  const group = (await store.get('groups', DEMO_GROUP_ID))!
  await store.transaction(async (tx) => {
    for (let i = 0; i < EXTRA_MEMBERS; i++) {
      const openid = benchMemberOpenid(i)
      await tx.create('members', {
        _id: memberId(DEMO_GROUP_ID, openid),
        groupId: DEMO_GROUP_ID,
        openid,
        memberKey: memberKey(DEMO_GROUP_ID, openid),
        role: 'member',
        intro: { name: `成员${i}`, region: '郑州', occupation: '测试' },
        joinedAt: new Date(now.getTime() - 86_400_000).toISOString(),
      })
    }
    await tx.update('groups', DEMO_GROUP_ID, { memberCount: group.memberCount + EXTRA_MEMBERS })
  })
  // A lottery without conditions, so every extra member may enter it (the lottery entry route).
  await createLottery({ store, caller: userCaller(personaOpenid('admin')), now: () => now }, { random: CRYPTO_RANDOM, notifier: { notify: async () => false }, storage: { photoLinks: async () => ({}) } }, {
    groupId: DEMO_GROUP_ID,
    requestId: BENCH_LOTTERY_REQUEST,
    title: '压测抽奖',
    description: '',
    prizes: [{ name: '书签', quantity: 3 }],
    closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    drawRule: { kind: 'manual' },
    eligibility: { minCheckins: 0, period: null, joinedBefore: null },
    weighting: null,
    needsAddress: false,
    claimDays: 7,
  })
  const limiter = createRateLimiter()
  const rateLimiter: RateLimiter = { take: (limit, identity) => (limiter.take(limit, identity), true) }
  // BENCH_HTTP_READ_CACHE=0: without the runtime's read cache, to see what the read routes cost on their own.
  const readCache = process.env.BENCH_HTTP_READ_CACHE !== '0'
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: null, rateLimiter, uploadDir: path.join(dir, 'uploads'), readCache })
  return runtime.url
}

async function main(): Promise<void> {
  const mode = process.argv[2]
  const url = mode === 'echo' ? await startEcho() : mode === 'runtime' ? await startRuntime() : null
  if (!url || !process.send) throw new Error('usage: node --import tsx bench/http-server.ts echo|runtime (as a child with IPC)')
  process.on('message', (message) => {
    if (message === 'stats') process.send!({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })
  })
  process.on('disconnect', () => process.exit(0))
  process.send({ url })
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
