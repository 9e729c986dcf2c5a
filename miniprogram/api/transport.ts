/**
 * The backend transport, per build. Taro resolves `import { transport } from './transport'` to
 * `transport.weapp.ts` in the WeChat build and to `transport.h5.ts` in the H5 build (its multi-platform
 * files); this file is what TypeScript and jest see. It has no backend, so anything reaching it outside
 * a Taro build fails loudly; tests mock `./transport` instead.
 *
 * - weapp: `wx.cloud.callFunction`, `wx.cloud.uploadFile`; WeChat injects the caller's identity;
 * - h5:    `POST /api/<fn>` and `POST /api/_upload` to the local runtime, with the dev persona's OPENID
 *          in `X-WX-OPENID` when dev mode is on.
 */
import type { Transport } from './transport-types'

export type { Transport } from './transport-types'

function unavailable(): Promise<never> {
  return Promise.reject(new Error('No backend transport outside a Taro build (transport.weapp.ts / transport.h5.ts)'))
}

export const transport: Transport = {
  send: unavailable,
  uploadCheckinPhoto: unavailable,
}
