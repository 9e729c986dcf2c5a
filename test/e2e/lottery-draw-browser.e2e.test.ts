/**
 * The verifiable draw runs in a browser engine exactly as in Node: `domain/lottery-draw.ts` bundled by
 * esbuild for the browser (target es2017, the way a page's code reaches a phone: js-sha256's pure-JS build,
 * not Node's crypto), loaded into headless Chromium, recomputes the README's test vectors and verifies a
 * 10,000-entrant draw made in Node (and fails the same draw tampered). The bundle must hold no BigInt.
 */
import path from 'node:path'
import { build, type Metafile } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { canonicalEntrants, drawRound, entrantsDigest, newSeedCommitment, winnersOf, type PublishedDraw } from '../../domain/lottery-draw'
import { launchChromium } from '../support/browser'
import { readDrawVectors } from '../support/draw-vectors'

const ROOT = path.resolve(__dirname, '../..')

async function bundleForBrowser(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    stdin: {
      contents: [
        "import * as draw from './domain/lottery-draw'",
        "import { computeDrawVector } from './test/support/draw-vector-compute'",
        'export const compute = (input) => computeDrawVector(draw, input)',
        'export const verify = (published) => draw.verifyDraw(published)',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    target: 'es2017',
    format: 'iife',
    globalName: 'LotteryDraw',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return { code: result.outputFiles[0].text, metafile: result.metafile }
}

function bigDraw(): PublishedDraw {
  const seed = 'c0ffee'.repeat(10) + 'c0fe'
  const entrants = canonicalEntrants(
    Array.from({ length: 10_000 }, (_, i) => ({
      entryId: `entry-${(i * 7919) % 10_000}`,
      maskedName: `成员${i}号`,
      tickets: 1 + ((i * 31) % 10),
      nonce: ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(4),
    })),
  )
  const digest = entrantsDigest(entrants)
  const tiers = [{ tierId: 't1', name: '一等奖', quantity: 3 }, { tierId: 't2', name: '二等奖', quantity: 30 }]
  const round0 = drawRound({ seed, digest, round: 0, entrants, tiers })
  const round1 = drawRound({ seed, digest, round: 1, entrants, tiers: [tiers[0]], exclude: winnersOf([round0]) })
  return { version: 1, lotteryId: 'big', commitment: newSeedCommitment(seed), seed, entrants, digest, rounds: [round0, round1] }
}

describe('the draw algorithm in the browser build (headless Chromium)', () => {
  let bundle: { code: string; metafile: Metafile }
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    bundle = await bundleForBrowser()
    browser = await launchChromium()
    page = await browser.newPage()
    await page.setContent('<!doctype html><title>draw</title>')
    await page.addScriptTag({ content: bundle.code })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('the bundle uses js-sha256’s pure-JS build, nothing of Node, and no BigInt', () => {
    const inputs = Object.keys(bundle.metafile.inputs)
    expect(inputs).toContain('node_modules/js-sha256/src/core.mjs')
    expect(inputs.filter((file) => /js-sha256\/(src\/node|build\/sha256\.node)/.test(file))).toEqual([])
    expect(bundle.code).not.toMatch(/\bBigInt\b/)
    expect(bundle.code).not.toMatch(/require\(["'](node:)?crypto["']\)/)
    expect(bundle.code).toContain('shequn-lottery-entrants/v1')
  })

  it('recomputes every README test vector exactly', async () => {
    const vectors = readDrawVectors()
    expect(vectors.length).toBeGreaterThan(0)
    for (const vector of vectors) {
      const inBrowser = await page.evaluate((input) => (window as unknown as { LotteryDraw: { compute: (i: unknown) => unknown } }).LotteryDraw.compute(input), vector.input)
      expect(inBrowser).toEqual(vector.expected)
    }
  })

  it('verifies a 10,000-entrant draw made in Node, and fails it with one ticket changed', async () => {
    const published = bigDraw()
    const verify = (d: PublishedDraw) =>
      page.evaluate((json) => (window as unknown as { LotteryDraw: { verify: (d: unknown) => unknown } }).LotteryDraw.verify(JSON.parse(json)), JSON.stringify(d))
    expect(await verify(published)).toEqual({ ok: true, commitment: true, digest: true, winners: true, problems: [] })
    const tampered = JSON.parse(JSON.stringify(published)) as PublishedDraw
    tampered.entrants[4321].tickets = tampered.entrants[4321].tickets === 10 ? 9 : tampered.entrants[4321].tickets + 1
    expect(await verify(tampered)).toMatchObject({ ok: false, commitment: true, digest: false, winners: false })
  })
})
