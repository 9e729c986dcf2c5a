/**
 * The bench's pure parts, so `npm test` type-checks and exercises them without the heavy measurements
 * (those run in `npm run bench` only; no target is asserted here): the statistics, the verdicts and the
 * table, the subpackage split of app.json, the section choice, the CloudBase op counter on one tap, and the
 * load client's process answering one short run.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { checkIn } from '../../contracts'
import { allContracts, cloudbaseWorld, countOps, measureAction } from '../../bench/cloudbase-ops'
import { benchEntrants, serverDraw } from '../../bench/draw'
import { memberHistory } from '../../bench/growth'
import { entrantProblems, verifyDraw, winnersOf } from '../../domain/lottery-draw'
import { atLeast, atMost, below, failedFigure, figure, formatTable, median, percentile, ratio, verdict, anyMissed } from '../../bench/report'
import { selectedSections } from '../../bench/run'
import { ROUTES, startClientChild } from '../../bench/http'
import { i18nKeysIn, mainPackagePages, subpackageOnlyModulesIn, subpackageRoots } from '../../bench/sizes'
import { GROUP, MEMBER } from '../support/fixture'

describe('bench statistics', () => {
  it('median: middle value, mean of the two middle ones, NaN when empty', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('percentile by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('ratio: NaN when the baseline is 0 or missing, so it can never pass', () => {
    expect(ratio(3, 2)).toBe(1.5)
    expect(ratio(1, 0)).toBeNaN()
    expect(verdict(figure('x', 'y', ratio(1, 0), '×', atMost(2)))).toBe('MISS')
  })
})

describe('bench table', () => {
  it('gives ok, MISS or info by the target, and counts the misses', () => {
    const figures = [
      figure('http', 'a', 0.6, '×', atLeast(0.5)),
      figure('http', 'b p99', 51, 'ms', below(50)),
      figure('cloudbase', 'c', 3, 'ops', atMost(3)),
      figure('http', 'echo', 20000, 'req/s'),
      failedFigure('sizes', 'builds', new Error('taro failed\nmore')),
    ]
    expect(figures.map(verdict)).toEqual(['ok', 'MISS', 'ok', 'info', 'MISS'])
    expect(anyMissed(figures)).toBe(true)
    const table = formatTable(figures)
    expect(table).toContain('≥ 0.5×')
    expect(table).toContain('< 50 ms')
    expect(table).toContain('not measured: taro failed')
    expect(table).toMatch(/2\/4 targets met, 2 missed$/)
    expect(anyMissed([figures[0]])).toBe(false)
  })
})

describe('bench options and inputs', () => {
  it('reads subpackage roots under either spelling', () => {
    expect(subpackageRoots({ subPackages: [{ root: 'pkg-admin/' }], subpackages: [{ root: '/lottery' }] })).toEqual(['pkg-admin', 'lottery'])
    expect(subpackageRoots({})).toEqual([])
  })

  it('BENCH_ONLY picks sections and refuses unknown ones', () => {
    expect(selectedSections(undefined)).toEqual(['sizes', 'http', 'cloudbase', 'growth', 'store', 'draw', 'participation'])
    expect(selectedSections('http, cloudbase')).toEqual(['http', 'cloudbase'])
    expect(() => selectedSections('speed')).toThrow('unknown section speed')
  })

  it('seeded history is what check-ins leave: one document a day, the membership counting every one of them', () => {
    const docs = [...memberHistory('o_x', 30)]
    const checkins = docs.filter(([kind]) => kind === 'checkins').map(([, doc]) => doc as { day: string; viewId?: string })
    const [kind, membership] = docs.at(-1)!
    expect(checkins).toHaveLength(29)
    expect(new Set(checkins.map((doc) => doc.viewId)).size).toBe(29)
    expect(kind).toBe('membership')
    const lastDay = checkins.at(-1)!.day
    expect(membership).toMatchObject({ checkinDays: 29, streak: 29, lastCheckinDay: lastDay, activeDay: lastDay })
    expect(membership).toMatchObject({ checkin: { totalDays: 29, currentStreak: 29, longestStreak: 29, lastDay, runs: [[checkins[0].day, lastDay]] } })
  })
})

describe('bench CloudBase op counter', () => {
  it('counts the SDK calls of one check-in, inside and outside the transaction', async () => {
    const world = await cloudbaseWorld()
    const { ops, result } = await measureAction(world, () => world.api.as(MEMBER).call(checkIn, { groupId: GROUP }))
    expect(result.created).toBe(true)
    expect(ops.total).toBe(ops.inTransaction + ops.outside)
    expect(ops.total).toBe(ops.reads + ops.writes)
    expect(ops.transactions).toBe(1)
    expect(ops.writes).toBeGreaterThan(0)
    expect(world.cloud.calls).toHaveLength(0)
    expect(countOps([])).toMatchObject({ total: 0 })
  })

  it('finds every action contract', () => {
    const names = [...allContracts().keys()]
    expect(names).toEqual(expect.arrayContaining(['checkin.checkIn', 'admission.decide', 'admission.listQueue', 'reminders.run']))
  })
})

describe('bench draw inputs', () => {
  it('the entrants are a valid list with every ticket count, and the server draw verifies', () => {
    const entrants = benchEntrants(300)
    expect(entrantProblems(entrants)).toEqual([])
    expect(new Set(entrants.map((e) => e.tickets)).size).toBe(10)
    const published = serverDraw('ab'.repeat(32), entrants)
    expect(winnersOf(published.rounds)).toHaveLength(66)
    expect(verifyDraw(published).ok).toBe(true)
  })
})

describe('sizes: what the main package carries', () => {
  function fakeWeappBuild(files: Record<string, string>): string {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sizes-'))
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dist, name)), { recursive: true })
      fs.writeFileSync(path.join(dist, name), content)
    }
    return dist
  }

  it('counts texts table entries in the main package (not a key named alone, not in subpackages)', () => {
    const dist = fakeWeappBuild({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/admin', pages: ['pages/review/index'] }] }),
      'common.js': 'var texts={"error.network":{zh:"网络"},"error.INTERNAL":{zh:"服务"}}',
      'pages/index/index.js': 'var text="网络不太好",label="error.INTERNAL",labels={"error.network":"网络"}',
      'packages/admin/pages/review/index.js': 'var texts={"error.busy":{"zh":"忙"}}',
    })
    expect(i18nKeysIn(dist)).toEqual({ count: 2, files: ['common.js (2)'] })
    fs.writeFileSync(path.join(dist, 'common.js'), 'var text="网络不太好"')
    expect(i18nKeysIn(dist)).toEqual({ count: 0, files: [] })
  })

  it('names the subpackage-only libraries the main package holds, and where (not those in subpackages)', () => {
    const dist = fakeWeappBuild({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/admin', pages: ['pages/dashboard/index'] }] }),
      'vendors.js': 'O.isDayjs=S;var k=[1116352408,1899447441];var c="nut-button";const g={abortEarly:void 0,abortPipeEarly:void 0}',
      'pages/index/index.js': 'var d=e.isDayjs(x)',
      'packages/admin/pages/dashboard/index.js': 'console.log("[uCharts] 未获取到")',
    })
    expect(subpackageOnlyModulesIn(dist)).toEqual(['dayjs in pages/index/index.js, vendors.js', 'js-sha256 in vendors.js', 'NutUI in vendors.js', 'valibot in vendors.js'])
    fs.writeFileSync(path.join(dist, 'vendors.js'), 'var x=1')
    fs.writeFileSync(path.join(dist, 'pages/index/index.js'), 'var y=2')
    expect(subpackageOnlyModulesIn(dist)).toEqual([])
  })

  it("sizes each main-package page's own files", () => {
    const dist = fakeWeappBuild({
      'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/empty/index'] }),
      'pages/index/index.js': 'x'.repeat(100),
      'pages/index/index.wxss': 'y'.repeat(20),
      'pages/index/other.js': 'z'.repeat(1000),
    })
    expect(mainPackagePages(dist).map((page) => [page.path, page.raw])).toEqual([
      ['pages/index/index', 120],
      ['pages/empty/index', 0],
    ])
  })
})

describe('the HTTP load client in its own process', () => {
  it('runs a route against a server and answers what it counted, failures included', async () => {
    let answered = 0
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        answered++
        // Every third answer is not `{"ok":true…`: the client must count it as an error.
        res.end(answered % 3 === 0 ? '{"ok":false}' : '{"ok":true,"data":{}}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const client = await startClientChild()
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const result = await client.load(url, ROUTES[0].name, 2, 200)
      expect(result.requests).toBeGreaterThan(10)
      expect(result.errors).toBeGreaterThan(0)
      expect(result.errors).toBeLessThan(result.requests)
      expect(result.firstError).toBe('200 {"ok":false}')
      expect(result.p99).toBeGreaterThanOrEqual(result.p50)
      await expect(client.load(url, 'no such route', 1, 50)).rejects.toThrow('no route named no such route')
    } finally {
      client.stop()
      server.close()
    }
  }, 20_000)
})
