/**
 * The backend the weapp page tests call in place of WeChat: the real cloud-function handlers
 * (local-runtime/functions.ts) on an in-memory SQLite store seeded with the demo community.
 */
import type { FunctionName } from '../../contracts/define'
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { invokeFunction, isFunctionName } from '../../local-runtime/functions'
import { createSqliteStore } from '../../store/sqlite'
import type { CallFunction } from './simulate-page'

export interface WeappBackend {
  /** A `wx.cloud.callFunction` stand-in for a caller WeChat knows as `openid`. */
  callFunctionAs(openid: string | null): CallFunction
  close(): void
}

export async function makeWeappBackend(): Promise<WeappBackend> {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  await seedDemoCommunity(store, new Date())
  return {
    callFunctionAs: (openid) => async ({ name, data }) => {
      if (!isFunctionName(name)) throw new Error(`cloud.callFunction: no function named ${name}`)
      return invokeFunction(store, name as FunctionName, data, openid)
    },
    close: () => store.close(),
  }
}
