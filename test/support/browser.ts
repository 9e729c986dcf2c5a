/**
 * The one place that finds (and if need be, sets up) the Chromium the E2E tests drive with playwright-core.
 * Nothing is ever downloaded from the internet at large; in order:
 *
 * 1. `CHROMIUM_PATH`, when set (it must exist: an explicit choice fails loudly rather than being ignored);
 * 2. an installed browser: Debian/Ubuntu `/usr/bin/chromium`, `/usr/bin/chromium-browser`,
 *    `/usr/bin/google-chrome`, macOS Chrome/Chromium apps;
 * 3. the browser inside the `@sparticuz/chromium` devDependency (Linux x64, a headless shell): its
 *    brotli archives are unpacked into the temp dir (`<tmp>/chromium`, plus `<tmp>/al2023/lib` with the NSS
 *    and expat libraries it links, so it needs nothing beyond a base Debian system);
 * 4. as root on Debian/Ubuntu, `apt-get install -y chromium`.
 *
 * `npm test` runs `scripts/ensure-browser.ts` (steps 1–4, printing what it does) before jest; a test that
 * finds nothing runs that script itself, so `npx jest test/e2e` on a fresh machine works too.
 * `E2E_BROWSER=bundled` skips step 2 (to try the bundled browser on a machine that has Debian's).
 *
 * @example
 *   const browser = await launchChromium()        // what test/support/h5-app.ts does
 *   findBrowser()                                 // { executablePath: '/usr/bin/chromium', source: 'installed' } or null
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export interface FoundBrowser {
  executablePath: string
  /** Extra environment the browser needs (the bundled one: where its libraries are). */
  env?: Record<string, string>
  source: 'CHROMIUM_PATH' | 'installed' | 'bundled (@sparticuz/chromium)' | 'apt-get'
}

/** Installed browsers, most likely first. */
export const INSTALLED_BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

/** Headless, with the flags that keep it from stalling on background connections in a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** Where the bundled browser is unpacked (what `@sparticuz/chromium`'s `executablePath()` uses). */
export function bundledBrowserFiles(tmp = os.tmpdir()) {
  return {
    executablePath: path.join(tmp, 'chromium'),
    libDir: path.join(tmp, 'al2023', 'lib'),
    fontsDir: path.join(tmp, 'fonts'),
    /** Written once the browser has been unpacked and has answered `--version`. */
    marker: path.join(tmp, 'shequn-bundled-chromium.json'),
  }
}

function bundledEnv(files = bundledBrowserFiles()): Record<string, string> {
  const inherited = process.env.LD_LIBRARY_PATH
  return {
    LD_LIBRARY_PATH: inherited ? `${files.libDir}:${inherited}` : files.libDir,
    FONTCONFIG_PATH: files.fontsDir,
  }
}

/** A browser that is already there (steps 1–3 without unpacking anything), or null. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, tmp = os.tmpdir()): FoundBrowser | null {
  const explicit = env.CHROMIUM_PATH
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist`)
    return { executablePath: explicit, source: 'CHROMIUM_PATH' }
  }
  if (env.E2E_BROWSER !== 'bundled') {
    const installed = INSTALLED_BROWSER_PATHS.find((candidate) => fs.existsSync(candidate))
    if (installed) return { executablePath: installed, source: 'installed' }
  }
  const files = bundledBrowserFiles(tmp)
  if (fs.existsSync(files.marker) && fs.existsSync(files.executablePath) && fs.existsSync(files.libDir)) {
    return { executablePath: files.executablePath, env: bundledEnv(files), source: 'bundled (@sparticuz/chromium)' }
  }
  return null
}

/** Whether the browser starts at all (`--version`), with its environment. */
export function answersVersion(found: FoundBrowser): string | null {
  const run = spawnSync(found.executablePath, ['--version'], { env: { ...process.env, ...found.env }, encoding: 'utf8', timeout: 30_000 })
  return run.status === 0 ? run.stdout.trim() : null
}

/**
 * Steps 1–4: find a browser, else unpack the bundled one, else install Debian's (as root). Says on stdout
 * (through `log`) what it does. Throws when there is no way to get one.
 */
export async function ensureBrowser(log: (line: string) => void = console.log): Promise<FoundBrowser> {
  const found = findBrowser()
  if (found) {
    log(`E2E browser: ${found.executablePath} (${found.source})`)
    return found
  }
  const problems: string[] = []

  const bundled = await unpackBundledBrowser(log).catch((error: unknown) => {
    problems.push(`bundled browser: ${error instanceof Error ? error.message : String(error)}`)
    return null
  })
  if (bundled) return bundled

  const installed = installDebianChromium(log, problems)
  if (installed) return installed

  throw new Error(
    ['No browser for the E2E tests.', ...problems.map((p) => `- ${p}`), 'Install Chromium or Chrome, or set CHROMIUM_PATH to one.'].join('\n'),
  )
}

async function unpackBundledBrowser(log: (line: string) => void): Promise<FoundBrowser | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`it is built for Linux x64, this is ${process.platform} ${process.arch}`)
  const files = bundledBrowserFiles()
  return withLock(`${files.marker}.lock`, async () => {
    const again = findBrowser()
    if (again) return again // another process unpacked it meanwhile
    log(`E2E browser: unpacking the Chromium bundled in the @sparticuz/chromium package into ${os.tmpdir()} (no download)`)
    // An ES module; tsx (and Node 20.19+) load it from here.
    const { default: Chromium, inflate } = await import('@sparticuz/chromium')
    const binDir = path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', 'bin')
    const executablePath = await Chromium.executablePath(binDir)
    await inflate(path.join(binDir, 'al2023.tar.br')) // libnss3, libnspr4, libexpat: not on a base Debian
    const candidate: FoundBrowser = { executablePath, env: bundledEnv(files), source: 'bundled (@sparticuz/chromium)' }
    const version = answersVersion(candidate)
    if (!version) throw new Error(`${executablePath} did not start (missing shared libraries? try: ldd ${executablePath})`)
    fs.writeFileSync(files.marker, JSON.stringify({ executablePath, libDir: files.libDir, version }))
    log(`E2E browser: ${version} at ${executablePath} (LD_LIBRARY_PATH=${files.libDir})`)
    return candidate
  })
}

function installDebianChromium(log: (line: string) => void, problems: string[]): FoundBrowser | null {
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
    problems.push('apt-get: not a Debian/Ubuntu machine')
    return null
  }
  if (process.getuid?.() !== 0) {
    problems.push('apt-get: not root (run as root: apt-get install -y chromium)')
    return null
  }
  log('E2E browser: installing Debian\'s chromium package as root: apt-get update && apt-get install -y chromium')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
    const run = spawnSync('apt-get', args, { env, stdio: 'inherit' })
    if (run.status !== 0) {
      problems.push(`apt-get ${args.join(' ')} failed`)
      return null
    }
  }
  const found = fs.existsSync('/usr/bin/chromium') ? ({ executablePath: '/usr/bin/chromium', source: 'apt-get' } as const) : null
  if (!found) problems.push('apt-get installed chromium, but /usr/bin/chromium is not there')
  return found
}

/** Run `task` holding a lock directory (so parallel jest workers unpack once). */
async function withLock<T>(lock: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // A lock older than unpacking ever takes was left by a run that was killed: take it over.
      const held = fs.statSync(lock, { throwIfNoEntry: false })
      if (!held) continue // released meanwhile
      if (Date.now() - held.mtimeMs > 300_000) {
        fs.rmSync(lock, { recursive: true, force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (remove it if no other test run is unpacking)`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    return await task()
  } finally {
    fs.rmdirSync(lock)
  }
}

/**
 * The browser for a test. When none is there yet, runs `scripts/ensure-browser.ts` in a child process
 * (jest cannot load the bundled package's ES module itself), then looks again.
 */
export function browserForTests(): FoundBrowser {
  const found = findBrowser()
  if (found) return found
  const root = path.resolve(__dirname, '../..')
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const run = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'ensure-browser.ts')], { cwd: root, stdio: 'inherit' })
  const after = run.status === 0 ? findBrowser() : null
  if (!after) throw new Error('No browser for the E2E tests: see the output of scripts/ensure-browser.ts above')
  return after
}

export async function launchChromium(): Promise<Browser> {
  const browser = browserForTests()
  return chromium.launch({
    executablePath: browser.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(browser.env ? { env: { ...process.env, ...browser.env } as Record<string, string> } : {}),
  })
}
