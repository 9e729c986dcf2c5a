/**
 * Renders a page of the REAL weapp build (dist/weapp) with miniprogram-simulate, in jsdom, with
 * `wx.cloud.callFunction` wired to a function the test supplies (normally the real handlers on an
 * in-memory store). Needs `npm run build:weapp` first.
 *
 * How a Taro 4 weapp build runs here: a global `wx` exists before the build's chunks load (Taro keeps
 * `wx.cloud` at start-up); `App`, `getApp` and `getCurrentPages` are defined; the chunks are required in
 * order (runtime, taro, vendors, common, app); and `Page` registers a Component whose data and methods
 * are the page config's, whose `attached` sets `route` and calls onLoad then onShow. The official WXML
 * compiler (bundled with miniprogram-simulate) compiles Taro's templates.
 *
 * The chunks load once per test file (jest gives every file a fresh module registry), and each page
 * path is registered once; every `loadWeappPage` renders a new instance with its own query.
 *
 * @example
 *   const page = await loadWeappPage('pages/group/index', { query: { id: 'demo-reading' }, callFunction })
 *   await page.waitForText('#group-name', '早起读书会')
 *   page.unload()
 */
import fs from 'node:fs'
import path from 'node:path'

export const WEAPP_BUILD_DIR = path.resolve(__dirname, '../../dist/weapp')

/** Chunks the app needs before any page, in the order they must run. */
const CHUNKS = ['runtime.js', 'taro.js', 'vendors.js', 'common.js', 'app.js']

/** What `wx.cloud.callFunction` resolves to is `{ result }`; the supplied function returns that result. */
export type CallFunction = (request: { name: string; data: unknown }) => Promise<unknown>

export interface LoadPageOptions {
  query?: Record<string, string>
  callFunction: CallFunction
}

export interface CallRecord {
  name: string
  data: unknown
}

export interface WeappPage {
  /** The page's root DOM element. */
  root: Element
  /** Every call made to wx.cloud.callFunction since the page loaded. */
  calls: CallRecord[]
  query(selector: string): Element | null
  /** Text of the element, or '' when it is not there. */
  text(selector: string): string
  /** Dispatch a tap on the element with that id selector (reaches the React onClick). */
  tap(selector: string): void
  /** Dispatch an `input` event with `detail.value` on the element: what typing into <Input> / <Textarea> sends. */
  input(selector: string, value: string): void
  /** Dispatch a `change` event with `detail.value` on the element: what toggling a <Switch> sends. */
  change(selector: string, value: unknown): void
  /**
   * The value bound to an attribute of the element (e.g. an <Image>'s `src`), or null when the element or
   * the attribute is not there: the template sets these on the mini program node, not as DOM attributes.
   */
  attribute(selector: string, name: string): string | null
  /** Wait until the element exists and its text contains `expected`; returns the full text. */
  waitForText(selector: string, expected: string, timeoutMs?: number): Promise<string>
  /** Run onUnload and detach; call before loading the next page. */
  unload(): void
}

type PageConfig = Record<string, unknown> & {
  data?: Record<string, unknown>
  onLoad?: (this: unknown, query: Record<string, string>) => void
  onShow?: (this: unknown) => void
  onUnload?: (this: unknown) => void
}

interface PageInstance {
  route: string
  __route__: string
  options: Record<string, string>
}

interface SimulateComponent {
  dom: Element
  attach(parent: Element): void
  detach(): void
  /** Matches ids as the mini program sees them (exparser), which the DOM does not carry as attributes. */
  querySelector(selector: string): SimulateNode | null
}

interface SimulateNode {
  dom: Element
  dispatchEvent(name: string, options?: object): void
  /** The exparser node; `_vt.attrs` holds what the template bound to each attribute. */
  _exparserNode?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } }
}

interface Simulate {
  load(componentPath: string, tagName: string, options: { compiler: 'official'; rootPath: string }): string
  render(id: string): SimulateComponent
}

interface HarnessState {
  simulate: Simulate
  callFunction: CallFunction | null
  calls: CallRecord[]
  /** The query of the page instance being attached next. */
  nextQuery: Record<string, string>
  /** The page path whose `Page(...)` call is expected next. */
  loadingPagePath: string | null
  componentIds: Map<string, string>
  currentPages: PageInstance[]
  /** What the app registered with `wx.onPageNotFound`. */
  pageNotFoundListeners: Array<(result: PageNotFound) => void>
}

/** What WeChat passes to `onPageNotFound` when it is asked to open a page the app does not have. */
export interface PageNotFound {
  path: string
  query: Record<string, string>
  isEntryPage: boolean
}

let harness: HarnessState | null = null

function setUpHarness(): HarnessState {
  if (harness) return harness
  for (const chunk of ['app.js', 'app.json']) {
    if (!fs.existsSync(path.join(WEAPP_BUILD_DIR, chunk))) {
      throw new Error(`dist/weapp/${chunk} is missing: run \`npm run build:weapp\` before the weapp page tests`)
    }
  }

  const globals = globalThis as unknown as Record<string, unknown>
  const state: Partial<HarnessState> = {
    callFunction: null,
    calls: [],
    nextQuery: {},
    loadingPagePath: null,
    componentIds: new Map(),
    currentPages: [],
    pageNotFoundListeners: [],
  }

  // The cloud API the build calls. Taro copies `wx.cloud` when its runtime starts, so this object
  // stays the same and forwards to whichever function the current page was loaded with.
  const cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => {
      if (!state.callFunction) throw new Error('wx.cloud.callFunction called with no page loaded')
      state.calls!.push({ name, data })
      return { errMsg: 'cloud.callFunction:ok', result: await state.callFunction({ name, data }) }
    },
  }
  // `onPageNotFound` records the app's listeners (miniprogram-simulate's does nothing), for `openMissingPage`.
  globals.wx = { cloud, onPageNotFound: (listener: (result: PageNotFound) => void) => state.pageNotFoundListeners!.push(listener) }
  // miniprogram-simulate merges its wx API into the existing global `wx` and defines `Component`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  state.simulate = simulate

  let appInstance: Record<string, unknown> = {}
  globals.App = (config: Record<string, unknown>) => {
    appInstance = config
  }
  globals.getApp = () => appInstance
  globals.getCurrentPages = () => state.currentPages!.slice()
  globals.Page = (config: PageConfig) => registerPage(state as HarnessState, config)

  for (const chunk of CHUNKS) {
    const file = path.join(WEAPP_BUILD_DIR, chunk)
    if (fs.existsSync(file)) require(file)
  }
  const onLaunch = appInstance.onLaunch as ((options: object) => void) | undefined
  onLaunch?.call(appInstance, { path: 'pages/index/index', query: {}, scene: 1001 })

  harness = state as HarnessState
  return harness
}

/** Taro pages call `Page(config)`; register it as a Component that behaves like a page. */
function registerPage(state: HarnessState, config: PageConfig): void {
  const pagePath = state.loadingPagePath
  if (!pagePath) throw new Error('Page() called outside loadWeappPage')
  const methods: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'function') methods[key] = value
  }
  const register = (globalThis as unknown as { Component: (options: object) => void }).Component
  register({
    data: config.data ?? {},
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        const query = state.nextQuery
        this.route = pagePath
        this.__route__ = pagePath
        this.options = query
        state.currentPages.push(this)
        config.onLoad?.call(this, query)
        config.onShow?.call(this)
      },
      detached(this: PageInstance) {
        config.onUnload?.call(this)
        state.currentPages = state.currentPages.filter((page) => page !== this)
      },
    },
  })
}

function componentIdFor(state: HarnessState, pagePath: string): string {
  const known = state.componentIds.get(pagePath)
  if (known) return known
  const pageFile = path.join(WEAPP_BUILD_DIR, pagePath)
  if (!fs.existsSync(`${pageFile}.js`)) throw new Error(`dist/weapp/${pagePath}.js is missing: run \`npm run build:weapp\``)
  state.loadingPagePath = pagePath
  try {
    const id = state.simulate.load(pageFile, 'page', { compiler: 'official', rootPath: WEAPP_BUILD_DIR })
    state.componentIds.set(pagePath, id)
    return id
  } finally {
    state.loadingPagePath = null
  }
}

export async function loadWeappPage(pagePath: string, options: LoadPageOptions): Promise<WeappPage> {
  const state = setUpHarness()
  const id = componentIdFor(state, pagePath)
  state.callFunction = options.callFunction
  state.calls = []
  state.nextQuery = options.query ?? {}

  const component = state.simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  component.attach(parent)
  const calls = state.calls

  const page: WeappPage = {
    root: component.dom,
    calls,
    query: (selector) => component.querySelector(selector)?.dom ?? null,
    text: (selector) => component.querySelector(selector)?.dom.textContent ?? '',
    tap(selector) {
      const target = component.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector} to tap`)
      target.dispatchEvent('tap')
    },
    input(selector, value) {
      const target = component.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector} to type into`)
      target.dispatchEvent('input', { detail: { value } })
    },
    change(selector, value) {
      const target = component.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector} to change`)
      target.dispatchEvent('change', { detail: { value } })
    },
    attribute(selector, name) {
      const attrs = component.querySelector(selector)?._exparserNode?._vt?.attrs ?? []
      const found = attrs.find((attr) => attr.name === name)
      return found === undefined ? null : String(found.value)
    },
    async waitForText(selector, expected, timeoutMs = 5000) {
      let last = ''
      await waitFor(() => {
        last = page.text(selector)
        return last.includes(expected)
      }, timeoutMs, () => `${selector} to contain "${expected}" (it shows "${last}")`)
      return last
    },
    unload() {
      component.detach()
      parent.remove()
      state.callFunction = null
    },
  }
  return page
}

/**
 * What WeChat does when asked to open a page the app does not have (a QR code, a subscribe message or a share
 * carrying an old path): call the app's `onPageNotFound` listeners. Loads the app first if no page has.
 */
export function openMissingPage(result: PageNotFound): number {
  const state = setUpHarness()
  for (const listener of state.pageNotFoundListeners) listener(result)
  return state.pageNotFoundListeners.length
}

/** Poll until `condition` holds; real timers, so the page's async work actually runs. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, describe: () => string = () => 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
