/**
 * HTTP: the local runtime against a bare Node HTTP server answering a fixed JSON body (the echo), both in
 * child processes (`bench/http-server.ts`), loaded by the same client, itself a child process
 * (`bench/http-client.ts`, so nothing else of the bench shares its heap): one `http.Agent({ keepAlive: true })`
 * per run, N concurrent loops each sending POST after POST, loopback only, each run bounded by
 * `HTTP_MAX_REQUESTS` and `HTTP_RUN_MS`.
 *
 * Per concurrency (1, 50, 200) and per route: requests/s, p50, p99 and the ratio of requests/s to the
 * echo's at the same concurrency. Three repeats, interleaved (echo, then every route, then the next repeat)
 * so a noisy neighbour hurts both sides alike; each figure is the run with the median requests/s.
 * Targets: ≥ 50 % of the echo's requests/s; p99 < 50 ms at 200 concurrent.
 *
 * Routes (the demo group, seeded with the demo community plus 200 members):
 * - check-in: each request as the next of the 200 extra members, round robin — the first 200 create a
 *   check-in, later ones are the same-day repeat (answers the existing check-in, writes nothing);
 * - check-in overview and today's feed as the member persona; the review queue as the admin persona;
 * - like: the first bench member's check-in of today liked (then unliked, in turns) by each of the 200 in turn;
 * - today's feed, 1 in 10 a like (requests/s as context, p99 with its target): the 200 members read the feed
 *   in turn and every tenth request likes or unlikes another check-in, so most reads find their cached answer
 *   outdated — the 08:00 mix;
 * - lottery entry: each request as the next of the 200 extra members, round robin, into a lottery without
 *   conditions — the first 200 enter (through the sharded entry gate), later ones are the repeat tap (answers
 *   the existing entry, writes nothing).
 *
 * RSS: each server's peak resident set (`process.resourceUsage().maxRSS` in its own process, so neither
 * the client's buffers nor the bench's other sections count), read after all runs.
 *
 * @example
 *   BENCH_ONLY=http npm run bench
 */
import { spawn, type ChildProcess, type Serializable } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { DEMO_GROUP_ID, personaOpenid } from '../local-runtime/demo/personas'
import { benchLotteryId, benchMemberOpenid, EXTRA_MEMBERS } from './http-server'
import { checkinId } from '../domain/checkin'
import { DEFAULT_DAY_START_HOUR, todayKey } from '../domain/days'
import { opaqueViewId } from '../usecases/member-keys'
import { atLeast, below, elapsedMs, figure, percentile, ratio, type Figure } from './report'
import type { LoadAnswer, LoadRequest } from './http-client'

export const CONCURRENCY = (process.env.BENCH_HTTP_CONCURRENCY ?? '1,50,200').split(',').map(Number)
export const HTTP_RUN_MS = Number(process.env.BENCH_HTTP_RUN_MS ?? 1000)
export const HTTP_MAX_REQUESTS = 20_000
export const REPEATS = 3
export const THROUGHPUT_TARGET = 0.5
export const P99_TARGET_MS = 50
export const P99_TARGET_CONCURRENCY = 200

export interface Route {
  name: string
  path: string
  /** A mix of writes and per-member reads: its requests/s against the echo's is context (`info`), no target; its p99 keeps its target. */
  mix?: boolean
  /** The body and caller of the `n`-th request of a run. */
  request(n: number): { body: string; openid: string }
}

const post = (action: string, input: unknown) => JSON.stringify({ action, input })

/** The view id of a bench member's check-in of today in the demo group's day (Shanghai, midnight). */
function benchLikeTarget(author = 0): string {
  return opaqueViewId(checkinId(DEMO_GROUP_ID, benchMemberOpenid(author), todayKey(new Date(), { timezone: 'Asia/Shanghai', dayStartHour: DEFAULT_DAY_START_HOUR })))
}

/** Per bench member, whether their next like in the 08:00 mix likes (true) or takes the like back: every one writes. */
const mixLiked = new Array<boolean>(EXTRA_MEMBERS).fill(false)

export const ROUTES: Route[] = [
  { name: 'check-in', path: '/api/checkin', request: (n) => ({ body: post('checkIn', { groupId: DEMO_GROUP_ID, note: '读完了' }), openid: benchMemberOpenid(n % EXTRA_MEMBERS) }) },
  { name: 'check-in overview', path: '/api/checkin', request: () => ({ body: post('overview', { groupId: DEMO_GROUP_ID }), openid: personaOpenid('member') }) },
  { name: 'review queue', path: '/api/admission', request: () => ({ body: post('listQueue', { groupId: DEMO_GROUP_ID }), openid: personaOpenid('admin') }) },
  { name: "today's feed", path: '/api/checkin', request: () => ({ body: post('feed', { groupId: DEMO_GROUP_ID }), openid: personaOpenid('member') }) },
  // A like of the first bench member's check-in of today (the check-in route, which runs first, made it), by the
  // next of the 200 members: liked and taken back in turn, so every request writes.
  {
    name: 'like',
    path: '/api/checkin',
    request: (n) => ({ body: post('like', { groupId: DEMO_GROUP_ID, checkinId: benchLikeTarget(), liked: Math.floor(n / EXTRA_MEMBERS) % 2 === 0, knownCount: 1 }), openid: benchMemberOpenid(n % EXTRA_MEMBERS) }),
  },
  // The 08:00 mix: the 200 members read today's feed in turn, and every tenth request is the next of them liking (or
  // taking back their like of) the second bench member's check-in, which nothing else touches: each like writes, so
  // the runtime's answer cache seldom holds the next reader's feed. Its requests/s is context (no target), its p99 is not.
  {
    name: "today's feed, 1 in 10 a like",
    path: '/api/checkin',
    mix: true,
    request: (n) => {
      if (n % 10 !== 0) return { body: post('feed', { groupId: DEMO_GROUP_ID }), openid: benchMemberOpenid(n % EXTRA_MEMBERS) }
      // Likers in turn, so one member's likes are 2,000 requests apart and never in flight together.
      const liker = (n / 10) % EXTRA_MEMBERS
      mixLiked[liker] = !mixLiked[liker]
      return { body: post('like', { groupId: DEMO_GROUP_ID, checkinId: benchLikeTarget(1), liked: mixLiked[liker], knownCount: 1 }), openid: benchMemberOpenid(liker) }
    },
  },
  {
    name: 'lottery entry',
    path: '/api/lottery',
    request: (n) => ({ body: post('enter', { lotteryId: benchLotteryId(), nonce: (n % EXTRA_MEMBERS).toString(16).padStart(32, '0') }), openid: benchMemberOpenid(n % EXTRA_MEMBERS) }),
  },
]

export interface LoadResult {
  requests: number
  /** Answers that were not `200 {"ok":true…` (or failed). */
  errors: number
  firstError: string | null
  ms: number
  requestsPerSecond: number
  p50: number
  p99: number
}

/** `concurrency` loops over one keep-alive agent, until `maxRequests` are sent or `maxMs` has passed. */
export async function load(baseUrl: string, route: Pick<Route, 'path' | 'request'>, concurrency: number, maxMs = HTTP_RUN_MS, maxRequests = HTTP_MAX_REQUESTS): Promise<LoadResult> {
  const { hostname, port } = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  let sent = 0
  let errors = 0
  let firstError: string | null = null
  let start = process.hrtime.bigint()
  let deadline = Date.now() + maxMs
  const one = (n: number) =>
    new Promise<void>((resolve) => {
      const { body, openid } = route.request(n)
      const began = process.hrtime.bigint()
      const fail = (why: string) => {
        errors++
        firstError ??= why
      }
      const req = http.request(
        { hostname, port, path: route.path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-WX-OPENID': openid } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            latencies.push(elapsedMs(began))
            const text = Buffer.concat(chunks).toString('utf8')
            if (res.statusCode !== 200 || !text.startsWith('{"ok":true')) fail(`${res.statusCode} ${text.slice(0, 120)}`)
            resolve()
          })
        },
      )
      req.on('error', (error) => {
        fail(error.message)
        resolve()
      })
      req.end(body)
    })
  const loop = async () => {
    while (sent < maxRequests && Date.now() < deadline) await one(sent++)
  }
  // Open every connection first, unmeasured: connection setup (200 sockets at once can meet a SYN
  // retransmit) is not what a keep-alive client waits for, on either server.
  await Promise.all(Array.from({ length: concurrency }, () => one(sent++)))
  latencies.length = 0
  errors = 0
  firstError = null
  start = process.hrtime.bigint()
  deadline = Date.now() + maxMs
  await Promise.all(Array.from({ length: concurrency }, loop))
  const ms = elapsedMs(start)
  agent.destroy()
  return { requests: latencies.length, errors, firstError, ms, requestsPerSecond: (latencies.length / ms) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

/** A bench script running as a child process, ready (it sent its first message). */
interface BenchChild {
  child: ChildProcess
  /** The child's first message (a server's `{ url }`, the client's `'ready'`). */
  first: unknown
  /** Send `message` and wait for the child's next message; rejects if the child exits first. */
  ask(message: Serializable): Promise<unknown>
  stop(): void
}

/**
 * `node --import tsx bench/<script> …args` with IPC, once it has sent its first message. `flags` go to node.
 * One question at a time: each `ask` takes the next message.
 */
function startBenchChild(script: string, args: string[], name: string, flags: string[] = []): Promise<BenchChild> {
  const root = path.resolve(__dirname, '..')
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(root, 'bench', script), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const next = (what: string) =>
    new Promise<unknown>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`${name} exited with ${code}${what}`))
      child.once('exit', exited)
      child.once('message', (message) => {
        child.off('exit', exited)
        resolve(message)
      })
    })
  return next('').then((first) => ({
    child,
    first,
    ask: (message) => {
      const reply = next(` (asked ${JSON.stringify(message)})`)
      child.send(message)
      return reply
    },
    stop: () => {
      child.removeAllListeners('exit')
      if (child.connected) child.disconnect()
    },
  }))
}

interface ServerChild {
  url: string
  maxRssBytes(): Promise<number>
  stop(): void
}

/** Start `bench/http-server.ts <mode>` and wait for its URL. */
export async function startServerChild(mode: 'echo' | 'runtime'): Promise<ServerChild> {
  // BENCH_HTTP_CPU_PROF=<dir>: write each server's V8 CPU profile there (open in Chrome DevTools) when it exits.
  const profile = process.env.BENCH_HTTP_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_HTTP_CPU_PROF)] : []
  const server = await startBenchChild('http-server.ts', [mode], `${mode} server`, profile)
  return {
    url: (server.first as { url: string }).url,
    maxRssBytes: async () => ((await server.ask('stats')) as { maxRssBytes: number }).maxRssBytes,
    stop: server.stop,
  }
}

interface ClientChild {
  /** `load` of the route named `route` (the echo: the first route's requests) in the client process. */
  load(url: string, route: string, concurrency: number, maxMs?: number): Promise<LoadResult>
  stop(): void
}

/** Start `bench/http-client.ts` and wait until it is ready. */
export async function startClientChild(): Promise<ClientChild> {
  const client = await startBenchChild('http-client.ts', [], 'the load client')
  return {
    load: async (url, route, concurrency, maxMs = HTTP_RUN_MS) => {
      const reply = (await client.ask({ url, route, concurrency, maxMs } satisfies LoadRequest)) as LoadAnswer
      if ('error' in reply) throw new Error(`load client: ${reply.error}`)
      return reply.result
    },
    stop: client.stop,
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`

/** The run with the median requests/s. */
function medianRun(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((runs.length - 1) / 2)]
}

export async function benchHttp(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const echo = await startServerChild('echo')
  const runtime = await startServerChild('runtime')
  const client = await startClientChild()
  try {
    const echoRoute = ROUTES[0].name
    // Warm both: JIT, prepared statements, the first check-ins of every member.
    await client.load(echo.url, echoRoute, 50, 500)
    for (const route of ROUTES) await client.load(runtime.url, route.name, 50, 500)

    const runs = new Map<string, LoadResult[]>()
    const add = (key: string, result: LoadResult) => runs.set(key, [...(runs.get(key) ?? []), result])
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const concurrency of CONCURRENCY) {
        add(`echo@${concurrency}`, await client.load(echo.url, echoRoute, concurrency))
        for (const route of ROUTES) add(`${route.name}@${concurrency}`, await client.load(runtime.url, route.name, concurrency))
      }
      log(`http: repeat ${repeat + 1}/${REPEATS} done`)
    }

    const figures: Figure[] = []
    const describe = (r: LoadResult) => `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${r.errors ? `; ${r.errors} errors: ${r.firstError}` : ''}`
    for (const concurrency of CONCURRENCY) {
      const base = medianRun(runs.get(`echo@${concurrency}`)!)
      figures.push(figure('http', `echo c=${concurrency} req/s`, base.requestsPerSecond, 'req/s', undefined, describe(base)))
      for (const route of ROUTES) {
        const result = medianRun(runs.get(`${route.name}@${concurrency}`)!)
        const throughput = result.errors > 0 ? Number.NaN : ratio(result.requestsPerSecond, base.requestsPerSecond)
        figures.push(figure('http', `${route.name} c=${concurrency} req/s vs echo`, throughput, '×', route.mix ? undefined : atLeast(THROUGHPUT_TARGET), describe(result)))
        if (concurrency === P99_TARGET_CONCURRENCY) {
          figures.push(figure('http', `${route.name} c=${concurrency} p99`, result.p99, 'ms', below(P99_TARGET_MS), `p50 ${ms(result.p50)}; median of ${REPEATS} runs by req/s`))
        }
      }
    }
    const runtimeRss = await runtime.maxRssBytes()
    const echoRss = await echo.maxRssBytes()
    figures.push(figure('http', 'runtime peak RSS', runtimeRss / 2 ** 20, 'MiB', undefined, `echo ${(echoRss / 2 ** 20).toFixed(0)} MiB; ratio ${ratio(runtimeRss, echoRss).toFixed(1)}×`))
    return figures
  } finally {
    client.stop()
    echo.stop()
    runtime.stop()
  }
}
