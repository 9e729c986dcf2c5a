/**
 * Sizes: our builds against Taro's floor (`bench/taro-floor`, a one-page Taro React app), both built fresh
 * in this run with the same toolchain and config (`config/`, `babel.config.js`, the same node_modules):
 *
 * - weapp main package: every file of `dist/weapp` outside the subpackage roots that `app.json` lists
 *   (`subPackages` or `subpackages`); each subpackage on its own row (raw; WeChat's limit is 2 MB each);
 * - H5 first-load JS: the JS bytes Chromium (playwright-core, the browser `test/support/browser.ts` finds)
 *   receives while loading `/` from a static server on loopback serving the build, until the network is
 *   idle — what the first route needs;
 * - all H5 JS: every `.js` file of `dist/h5`.
 * Raw and gzip (each file gzipped on its own, default level, as a server would send it). Targets (on both
 * raw and gzip): main package ≤ 1.3× floor, H5 first-load ≤ 1.3×, all H5 JS ≤ 2×.
 *
 * The product is built in place (`dist/weapp`, `dist/h5`, like `npm run build`); the floor in
 * `<tmp>/bench-taro-floor` from a copy of the build files with `miniprogram/` replaced by the floor's
 * source. Two builds run at a time. `BENCH_REUSE_BUILD=1` measures the builds already there (for working on
 * the bench itself; the figures are then only as fresh as those builds).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { ENTRANTS_FORMAT_LINE } from '../domain/lottery-draw'
import { STRINGS } from '../i18n/strings'
import { launchChromium } from '../test/support/browser'
import { atMost, failedFigure, figure, ratio, type Figure } from './report'

const ROOT = path.resolve(__dirname, '..')
export const FLOOR_DIR = path.join(os.tmpdir(), 'bench-taro-floor')
export const MAIN_PACKAGE_TARGET = 1.3
export const H5_FIRST_LOAD_TARGET = 1.3
export const H5_ALL_JS_TARGET = 2
/** WeChat's limit for the main package and for each subpackage. */
export const WEAPP_PACKAGE_LIMIT_KIB = 2048

export interface Bytes {
  raw: number
  gzip: number
}

export const gzipSize = (content: Buffer) => zlib.gzipSync(content).length
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const both = (b: Bytes) => `${kib(b.raw)} (gzip ${kib(b.gzip)})`

export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

function sizeOf(files: string[]): Bytes {
  return files.reduce(
    (sum, file) => {
      const content = fs.readFileSync(file)
      return { raw: sum.raw + content.length, gzip: sum.gzip + gzipSize(content) }
    },
    { raw: 0, gzip: 0 },
  )
}

/** The subpackage roots app.json declares (`subPackages` or `subpackages`), without trailing slashes. */
export function subpackageRoots(appJson: { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }): string[] {
  return [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((sub) => sub.root.replace(/^\/+|\/+$/g, ''))
}

/** Main package and each subpackage of a weapp build. */
export function weappPackages(dist: string): { main: Bytes; subpackages: Array<{ root: string } & Bytes> } {
  const roots = subpackageRoots(JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')))
  const files = listFiles(dist).map((file) => path.relative(dist, file).split(path.sep).join('/'))
  const inRoot = (file: string, root: string) => file === root || file.startsWith(root + '/')
  const main = files.filter((file) => !roots.some((root) => inRoot(file, root)))
  return {
    main: sizeOf(main.map((file) => path.join(dist, file))),
    subpackages: roots.map((root) => ({ root, ...sizeOf(files.filter((file) => inRoot(file, root)).map((file) => path.join(dist, file))) })),
  }
}

/**
 * How many entries of the texts table (`"key":{zh:…}`, as the i18n modules write them, minified) the main
 * package's JS carries, and in which files. A key alone (a page naming which text to show) is not an entry.
 */
export function i18nKeysIn(dist: string): { count: number; files: string[] } {
  const roots = subpackageRoots(JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')))
  const files = listFiles(dist).filter((file) => file.endsWith('.js') && !roots.some((root) => path.relative(dist, file).split(path.sep).join('/').startsWith(root + '/')))
  const entries = Object.keys(STRINGS).map((key) => new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*\\{\\s*"?zh"?\\s*:`))
  let count = 0
  const found: string[] = []
  for (const file of files) {
    const content = fs.readFileSync(file, 'utf8')
    const inFile = entries.filter((entry) => entry.test(content)).length
    if (inFile > 0) found.push(`${path.relative(dist, file)} (${inFile})`)
    count += inFile
  }
  return { count, files: found }
}

/**
 * Libraries only subpackage pages need, each by a string its built code always holds: dayjs (the admin pages' date
 * math; main-package code formats with `domain/local-time.ts`), uCharts (the dashboard), js-sha256 and the draw
 * algorithm (the lottery pages), NutUI (every component names its `nut-` class; the home page and the group home
 * use `components/app-button` and its siblings) and valibot (the apply form's schema; main-package code names its
 * actions through `miniprogram/api/main-actions.ts`). One import of them from a main-package page or component
 * brings them into every visitor's download.
 */
export const SUBPACKAGE_ONLY_MODULES: ReadonlyArray<{ name: string; marker: string }> = [
  { name: 'dayjs', marker: 'isDayjs' },
  { name: 'uCharts', marker: '[uCharts]' },
  { name: 'js-sha256', marker: '1116352408' },
  { name: 'the draw algorithm', marker: ENTRANTS_FORMAT_LINE },
  { name: 'NutUI', marker: '"nut-' },
  { name: 'valibot', marker: 'abortPipeEarly' },
]

/** Which of SUBPACKAGE_ONLY_MODULES the main package's JS holds, each with the files (`dayjs in vendors.js`). */
export function subpackageOnlyModulesIn(dist: string): string[] {
  const roots = subpackageRoots(JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')))
  const files = listFiles(dist)
    .map((file) => path.relative(dist, file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.js') && !roots.some((root) => file.startsWith(root + '/')))
    .sort()
  const contents = files.map((file) => fs.readFileSync(path.join(dist, file), 'utf8'))
  return SUBPACKAGE_ONLY_MODULES.flatMap(({ name, marker }) => {
    const holding = files.filter((_, i) => contents[i].includes(marker))
    return holding.length > 0 ? [`${name} in ${holding.join(', ')}`] : []
  })
}

/** The files of each main-package page (`pages/x/index.*`), by the page's path in app.json. */
export function mainPackagePages(dist: string): Array<{ path: string } & Bytes> {
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { pages: string[] }
  return appJson.pages.map((page) => {
    const dir = path.join(dist, path.dirname(page))
    const base = path.basename(page)
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.startsWith(base + '.')).map((name) => path.join(dir, name)) : []
    return { path: page, ...sizeOf(files) }
  })
}

export function allJs(dist: string): Bytes {
  return sizeOf(listFiles(dist).filter((file) => file.endsWith('.js')))
}

/** A loopback static server for an H5 build: files as they are, anything else the app shell. */
async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname)
    let file = path.join(dir, path.normalize(pathname))
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) file = path.join(dir, 'index.html')
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' })
    res.end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** JS bytes Chromium receives loading `/` of each build (one browser for all). */
export async function firstLoadJs(dists: string[]): Promise<Bytes[]> {
  const browser = await launchChromium()
  try {
    const results: Bytes[] = []
    for (const dist of dists) {
      const server = await serveStatic(path.resolve(dist))
      const context = await browser.newContext()
      const page = await context.newPage()
      const bodies: Array<Promise<Buffer | null>> = []
      page.on('response', (response) => {
        const type = response.request().resourceType()
        if (type === 'script' || new URL(response.url()).pathname.endsWith('.js')) bodies.push(response.body().catch(() => null))
      })
      await page.goto(server.url + '/', { waitUntil: 'networkidle' })
      const received = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null)
      results.push(received.reduce((sum, body) => ({ raw: sum.raw + body.length, gzip: sum.gzip + gzipSize(body) }), { raw: 0, gzip: 0 }))
      await context.close()
      await server.close()
    }
    return results
  } finally {
    await browser.close()
  }
}

/** `taro build --type <type>` in `cwd`, its output in a log file (shown when it fails). */
function taroBuild(cwd: string, type: 'weapp' | 'h5'): Promise<void> {
  const logFile = path.join(os.tmpdir(), `bench-build-${path.basename(cwd)}-${type}.log`)
  const out = fs.openSync(logFile, 'w')
  const taro = path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro')
  const child = spawn(process.execPath, [taro, 'build', '--type', type], { cwd, stdio: ['ignore', out, out], env: { ...process.env, NODE_ENV: 'production' } })
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      fs.closeSync(out)
      if (code === 0) return resolve()
      reject(new Error(`taro build --type ${type} in ${cwd} failed (${code}); see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`))
    })
  })
}

/** A copy of the build files with `miniprogram/` replaced by the floor app. */
function prepareFloor(): void {
  fs.rmSync(FLOOR_DIR, { recursive: true, force: true })
  fs.mkdirSync(FLOOR_DIR, { recursive: true })
  for (const file of ['config', 'babel.config.js', 'package.json', 'tsconfig.json', 'project.config.json']) {
    fs.cpSync(path.join(ROOT, file), path.join(FLOOR_DIR, file), { recursive: true })
  }
  fs.cpSync(path.join(ROOT, 'bench/taro-floor'), path.join(FLOOR_DIR, 'miniprogram'), { recursive: true })
  // The H5 page template is part of the toolchain, not of the app.
  fs.copyFileSync(path.join(ROOT, 'miniprogram/index.html'), path.join(FLOOR_DIR, 'miniprogram/index.html'))
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(FLOOR_DIR, 'node_modules'))
}

async function buildAll(log: (line: string) => void): Promise<void> {
  if (process.env.BENCH_REUSE_BUILD === '1' && ['dist/weapp', 'dist/h5'].every((d) => fs.existsSync(path.join(ROOT, d)) && fs.existsSync(path.join(FLOOR_DIR, d)))) {
    log('sizes: BENCH_REUSE_BUILD=1, measuring the builds already there')
    return
  }
  prepareFloor()
  const start = Date.now()
  await Promise.all([taroBuild(ROOT, 'weapp'), taroBuild(FLOOR_DIR, 'weapp')])
  log(`sizes: weapp builds (ours and the floor) in ${((Date.now() - start) / 1000).toFixed(0)} s`)
  const h5Start = Date.now()
  await Promise.all([taroBuild(ROOT, 'h5'), taroBuild(FLOOR_DIR, 'h5')])
  log(`sizes: H5 builds (ours and the floor) in ${((Date.now() - h5Start) / 1000).toFixed(0)} s`)
}

/** Two figures (raw and gzip) of ours / floor with the same target. */
function compared(name: string, ours: Bytes, floor: Bytes, target: number): Figure[] {
  return [
    figure('sizes', `${name} raw vs floor`, ratio(ours.raw, floor.raw), '×', atMost(target), `${kib(ours.raw)} vs ${kib(floor.raw)}`),
    figure('sizes', `${name} gzip vs floor`, ratio(ours.gzip, floor.gzip), '×', atMost(target), `${kib(ours.gzip)} vs ${kib(floor.gzip)}`),
  ]
}

export async function benchSizes(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  try {
    await buildAll(log)
  } catch (error) {
    return [failedFigure('sizes', 'builds', error)]
  }
  const figures: Figure[] = []
  const ours = weappPackages(path.join(ROOT, 'dist/weapp'))
  const floor = weappPackages(path.join(FLOOR_DIR, 'dist/weapp'))
  figures.push(...compared('weapp main package', ours.main, floor.main, MAIN_PACKAGE_TARGET))
  figures.push(figure('sizes', 'weapp main package (WeChat limit)', ours.main.raw / 1024, 'KiB', atMost(WEAPP_PACKAGE_LIMIT_KIB), both(ours.main)))
  for (const sub of ours.subpackages) {
    figures.push(figure('sizes', `weapp subpackage ${sub.root}`, sub.raw / 1024, 'KiB', atMost(WEAPP_PACKAGE_LIMIT_KIB), both(sub)))
  }
  if (ours.subpackages.length === 0) figures.push(figure('sizes', 'weapp subpackages', 0, '', undefined, 'app.json declares none'))
  // The texts table: the app build writes each text where `t('key')` was (babel.config.js, inlineTexts); a call
  // it cannot resolve (`t(variable)`) brings the whole table back, keys and all, into every visitor's download.
  const keysShipped = i18nKeysIn(path.join(ROOT, 'dist/weapp'))
  figures.push(
    figure('sizes', 'weapp main package: texts table entries', keysShipped.count, '', atMost(0), keysShipped.count === 0 ? 'texts inlined where used' : `in ${keysShipped.files.join(', ')}: write the key out, t('…')`),
  )
  const kept = subpackageOnlyModulesIn(path.join(ROOT, 'dist/weapp'))
  figures.push(
    figure('sizes', 'weapp main package: subpackage-only libraries', kept.length, '', atMost(0), kept.length === 0 ? SUBPACKAGE_ONLY_MODULES.map((m) => m.name).join(', ') + ': none' : `${kept.join('; ')}: import them from subpackage pages only`),
  )
  // Where the main package's weight is: each main-package page's own files (what it adds beyond the shared
  // common.js / vendors.js), so a page that grows shows up by name.
  for (const page of mainPackagePages(path.join(ROOT, 'dist/weapp'))) {
    figures.push(figure('sizes', `weapp main package: ${page.path}`, page.raw / 1024, 'KiB', undefined, both(page)))
  }

  try {
    const [oursFirst, floorFirst] = await firstLoadJs([path.join(ROOT, 'dist/h5'), path.join(FLOOR_DIR, 'dist/h5')])
    figures.push(...compared('H5 first-load JS', oursFirst, floorFirst, H5_FIRST_LOAD_TARGET))
  } catch (error) {
    figures.push(failedFigure('sizes', 'H5 first-load JS', error))
  }
  figures.push(...compared('all H5 JS', allJs(path.join(ROOT, 'dist/h5')), allJs(path.join(FLOOR_DIR, 'dist/h5')), H5_ALL_JS_TARGET))
  return figures
}
