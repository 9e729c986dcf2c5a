/**
 * Wraps a platform-free function handler as a CloudBase cloud function `main`: initialises
 * wx-server-sdk for the current environment, takes identity from `getWXContext().OPENID` only,
 * and runs the handler on the CloudBase store adapter.
 *
 * @example
 *   export const main = cloudbaseMain(groupFunction)
 */
import cloud from 'wx-server-sdk'
import { createCloudbaseStore } from '../store/cloudbase'
import type { Store } from '../store/port'
import type { ActionResult } from '../contracts/define'
import type { FunctionHandler } from './dispatch'

export function cloudbaseMain(handler: FunctionHandler): (event: unknown) => Promise<ActionResult<unknown>> {
  let store: Store | null = null
  return async (event) => {
    store ??= initStore()
    const { OPENID } = cloud.getWXContext()
    return handler(event, { store, openid: OPENID || null, now: () => new Date() })
  }
}

/** Once per warm instance: bind the SDK to the environment the function runs in. */
function initStore(): Store {
  // The SDK's d.ts types `env` as string but DYNAMIC_CURRENT_ENV as symbol; the runtime accepts it.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return createCloudbaseStore(cloud.database())
}
