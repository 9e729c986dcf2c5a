/**
 * Draw: the verifiable draw (`domain/lottery-draw.ts`) over 10,000 weighted entrants (tickets 1–10; prizes
 * 1 + 10 + 50, then a redraw of 5), each figure beside a baseline measured in the same run:
 *
 * - the server's draw (sort the frozen list, hash it, draw round 0) and `verifyDraw` of the published result
 *   (both rounds), in Node — where js-sha256 hands the hashing to Node's SHA-256 — against the work neither
 *   can skip, done the same way: for the draw, sorting the frozen list and hashing its canonical text once;
 *   for the verification (the list arrives sorted), hashing the canonical text once;
 * - `verifyDraw` as a member's device runs it: the module bundled by esbuild for the browser (es2017, js-sha256's
 *   pure-JS SHA-256, as in the weapp and H5 builds), evaluated in a fresh V8 context, against the same bundle
 *   hashing the canonical list once.
 *
 * Targets: each ≤ 4× its hashing baseline (the selection itself is O(prizes × log n) and must stay small
 * beside the one pass of hashing), and the pure-JS verification of 10,000 entrants well under a second: on
 * this machine ≤ 100 ms, leaving a phone ten times slower below one. Median of 7 repeats each, interleaved.
 */
import path from 'node:path'
import vm from 'node:vm'
import { buildSync } from 'esbuild'
import {
  canonicalEntrants,
  canonicalEntrantsText,
  drawRound,
  entrantsDigest,
  newSeedCommitment,
  verifyDraw,
  winnersOf,
  type DrawEntrant,
  type DrawTier,
  type PublishedDraw,
} from '../domain/lottery-draw'
import { sha256 } from 'js-sha256'
import { atMost, elapsedMs, figure, median, ratio, type Figure } from './report'

export const DRAW_ENTRANTS = 10_000
export const DRAW_RATIO_TARGET = 4
export const PHONE_VERIFY_TARGET_MS = 100
const REPEATS = 7

const TIERS: DrawTier[] = [
  { tierId: 't1', name: '一等奖', quantity: 1 },
  { tierId: 't2', name: '二等奖', quantity: 10 },
  { tierId: 't3', name: '三等奖', quantity: 50 },
]

/** 10,000 entrants as the server freezes them (shuffled ids, tickets 1–10, random-looking nonces). */
export function benchEntrants(count = DRAW_ENTRANTS): DrawEntrant[] {
  return Array.from({ length: count }, (_, i) => ({
    entryId: sha256(`entry:${i}`).slice(0, 20),
    maskedName: `成员${i % 97}*`,
    tickets: 1 + ((i * 7) % 10),
    nonce: sha256(`nonce:${i}`).slice(0, 32),
  }))
}

/** The draw as the server runs it: canonical order, digest, round 0. */
export function serverDraw(seed: string, frozen: DrawEntrant[]): PublishedDraw {
  const entrants = canonicalEntrants(frozen)
  const digest = entrantsDigest(entrants)
  const round0 = drawRound({ seed, digest, round: 0, entrants, tiers: TIERS })
  const round1 = drawRound({ seed, digest, round: 1, entrants, tiers: [{ tierId: 't3', name: '三等奖', quantity: 5 }], exclude: winnersOf([round0]) })
  return { version: 1, lotteryId: 'bench', commitment: newSeedCommitment(seed), seed, entrants, digest, rounds: [round0, round1] }
}

interface BrowserBundle {
  verifyDraw(draw: PublishedDraw): { ok: boolean }
  hashOnce(entrants: DrawEntrant[]): string
}

/** The module as a page ships it (browser platform, es2017), loaded into a fresh V8 context. */
function browserBundle(): BrowserBundle {
  const root = path.resolve(__dirname, '..')
  const result = buildSync({
    stdin: {
      contents: [
        "import { verifyDraw, canonicalEntrantsText } from './domain/lottery-draw'",
        "import { sha256 } from 'js-sha256'",
        'export { verifyDraw }',
        'export const hashOnce = (entrants) => sha256.hex(canonicalEntrantsText(entrants))',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    target: 'es2017',
    format: 'iife',
    globalName: 'LotteryDraw',
    write: false,
    logLevel: 'silent',
  })
  const context = vm.createContext({})
  vm.runInContext(result.outputFiles[0].text, context)
  return (context as { LotteryDraw: BrowserBundle }).LotteryDraw
}

/** Median time of each run, the runs interleaved repeat by repeat (so a busy moment of the machine hits them all alike). */
function timeMedians(runs: Array<() => unknown>): number[] {
  const times = runs.map(() => [] as number[])
  for (let i = 0; i < REPEATS; i++) {
    runs.forEach((run, r) => {
      const start = process.hrtime.bigint()
      run()
      times[r].push(elapsedMs(start))
    })
  }
  return times.map(median)
}

export async function benchDraw(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const seed = sha256('bench seed')
  const frozen = benchEntrants()
  const published = serverDraw(seed, frozen)
  if (!verifyDraw(published).ok) throw new Error('the bench draw does not verify')
  const bundle = browserBundle()
  // The browser bundle lives in another realm: hand it plain JSON, as a page gets it.
  const publishedInBundle = JSON.parse(JSON.stringify(published)) as PublishedDraw
  if (!bundle.verifyDraw(publishedInBundle).ok) throw new Error('the browser bundle does not verify the bench draw')
  log(`draw: ${DRAW_ENTRANTS} entrants, ${winnersOf(published.rounds).length} winners in 2 rounds`)

  // Warm up each path once (JIT), then median of REPEATS.
  const hashNode = () => sha256.hex(canonicalEntrantsText(published.entrants))
  const sortHashNode = () => sha256.hex(canonicalEntrantsText(frozen))
  const drawNode = () => serverDraw(seed, frozen)
  const verifyNode = () => verifyDraw(published)
  const hashPhone = () => bundle.hashOnce(publishedInBundle.entrants)
  const verifyPhone = () => bundle.verifyDraw(publishedInBundle)
  for (const run of [hashNode, sortHashNode, drawNode, verifyNode, hashPhone, verifyPhone]) run()

  const [hashMs, sortHashMs, drawMs, verifyMs, hashPhoneMs, verifyPhoneMs] = timeMedians([hashNode, sortHashNode, drawNode, verifyNode, hashPhone, verifyPhone])

  const n = `${DRAW_ENTRANTS.toLocaleString('en')} entrants`
  return [
    figure('draw', `draw ${n} vs sorting + hashing the list`, ratio(drawMs, sortHashMs), '×', atMost(DRAW_RATIO_TARGET), `${drawMs.toFixed(1)} ms vs ${sortHashMs.toFixed(1)} ms, Node, median of ${REPEATS}`),
    figure('draw', `verifyDraw ${n} vs hashing the list once`, ratio(verifyMs, hashMs), '×', atMost(DRAW_RATIO_TARGET), `${verifyMs.toFixed(1)} ms vs ${hashMs.toFixed(1)} ms, Node (js-sha256 on Node's SHA-256)`),
    figure('draw', `verifyDraw ${n}, pure JS vs hashing once`, ratio(verifyPhoneMs, hashPhoneMs), '×', atMost(DRAW_RATIO_TARGET), `${verifyPhoneMs.toFixed(1)} ms vs ${hashPhoneMs.toFixed(1)} ms, browser bundle (es2017) in a V8 context`),
    figure('draw', `verifyDraw ${n}, pure JS`, verifyPhoneMs, 'ms', atMost(PHONE_VERIFY_TARGET_MS), 'well under a second: a phone 10× slower stays below 1 s'),
  ]
}
