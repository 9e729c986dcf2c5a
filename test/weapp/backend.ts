/**
 * The backend the weapp page tests call in place of WeChat: the real cloud-function handlers
 * (local-runtime/functions.ts) on an in-memory SQLite store seeded with the demo community.
 */
import type { FunctionName } from '../../contracts/define'
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { invokeFunction, isFunctionName } from '../../local-runtime/functions'
import type { Store } from '../../store/port'
import { STRANGER, userCaller } from '../../usecases/context'
import { createSqliteStore } from '../../store/sqlite'
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util'
import { loadWeappPage, type CallFunction, type WeappPage } from './simulate-page'

// The handlers are server code running in the page tests' jsdom, whose global lacks what Node has
// (the local invite QR code, from the `qrcode` package, encodes with TextEncoder).
const serverGlobals = globalThis as unknown as Record<string, unknown>
serverGlobals.TextEncoder ??= NodeTextEncoder
serverGlobals.TextDecoder ??= NodeTextDecoder

export interface WeappBackend {
  /** A `wx.cloud.callFunction` stand-in for a caller WeChat knows as `openid`. */
  callFunctionAs(openid: string | null): CallFunction
  /** The store underneath, for a test that needs more data than the demo community has. */
  store: Store
  close(): void
}

export async function makeWeappBackend(): Promise<WeappBackend> {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  await seedDemoCommunity(store, new Date())
  return {
    callFunctionAs: (openid) => async ({ name, data }) => {
      if (!isFunctionName(name)) throw new Error(`cloud.callFunction: no function named ${name}`)
      return invokeFunction(store, name as FunctionName, data, openid ? userCaller(openid) : STRANGER)
    },
    store,
    close: () => store.close(),
  }
}

/**
 * The usual setup of a weapp page test file: one backend for the file, and every page opened through
 * `open` unloaded after its test.
 *
 * @example
 *   const weapp = setUpWeappPages()
 *   const page = await weapp.open('pages/group/index', { query: { id }, callFunction: weapp.backend.callFunctionAs(openid) })
 */
export function setUpWeappPages(): { readonly backend: WeappBackend; open: typeof loadWeappPage } {
  let backend: WeappBackend | null = null
  const opened: WeappPage[] = []
  beforeAll(async () => {
    backend = await makeWeappBackend()
  })
  afterEach(() => {
    for (const page of opened.splice(0)) page.unload()
  })
  afterAll(() => backend?.close())
  return {
    get backend() {
      if (!backend) throw new Error('the weapp backend is ready only inside tests')
      return backend
    },
    async open(pagePath, options) {
      const page = await loadWeappPage(pagePath, options)
      opened.push(page)
      return page
    },
  }
}
