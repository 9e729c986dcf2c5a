/**
 * The mini program / H5 app shell. In the WeChat build it initialises wx.cloud once, before any page
 * loads, so the client API (api/client.ts) can call cloud functions; the H5 build talks to the local
 * runtime over HTTP instead and never touches wx.cloud. A page WeChat cannot find because it moved into a
 * subpackage (an old invite code, subscribe message or share) is redirected to where it is now.
 */
import { type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { movedPageRedirect } from '../contracts/routes'
import { CLOUD_ENV_ID } from './config'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // An empty CLOUD_ENV_ID means "the default environment" (see config.ts), so `env` is left out.
  Taro.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true })
}

// WeChat wants the redirect made inside the callback, synchronously; Taro's H5 router calls it too.
Taro.onPageNotFound(({ path, query }) => {
  const url = movedPageRedirect(path, query as Record<string, string>)
  if (url) Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }))
})

function App({ children }: PropsWithChildren) {
  return children
}

export default App
