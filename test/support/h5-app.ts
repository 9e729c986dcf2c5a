/**
 * One E2E session per test file: the local runtime serving the H5 build over a seeded in-memory store,
 * and headless Chromium with one phone-sized page; both started before the file's tests and closed after.
 *
 * @example
 *   const app = useH5App({ now: () => FIXED_NOW })
 *   it('...', async () => { await app.page.goto(`${app.runtime.url}/pages/group/index?id=g1`) })
 */
import type { Browser, Page } from 'playwright-core'
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import type { Store } from '../../store/port'
import { launchChromium } from './browser'
import { requireH5Build } from './h5-page'
import { makeStore } from './fixture'

export interface H5AppOptions {
  /** The server's clock (default: the real one). */
  now?: () => Date
  /** Where the runtime keeps uploaded photos (default: its own temporary folder). */
  uploadDir?: string
}

export interface H5App {
  readonly store: Store
  readonly runtime: LocalRuntime
  readonly page: Page
}

/** A 390×844 phone viewport, as the E2E journeys have always used. */
const VIEWPORT = { width: 390, height: 844 }

export function useH5App(options: H5AppOptions = {}): H5App {
  let store: Store | undefined
  let runtime: LocalRuntime | undefined
  let browser: Browser | undefined
  let page: Page | undefined

  beforeAll(async () => {
    const staticDir = requireH5Build()
    store = await makeStore({ seed: true })
    runtime = await startLocalRuntime({ store, port: 0, staticDir, now: options.now, uploadDir: options.uploadDir })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: VIEWPORT })
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await runtime?.close()
  })

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the H5 app's ${what} is not started (use it inside a test)`)
    return value
  }
  return {
    get store() {
      return started(store, 'store')
    },
    get runtime() {
      return started(runtime, 'runtime')
    },
    get page() {
      return started(page, 'page')
    },
  }
}
