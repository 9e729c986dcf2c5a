/**
 * The device nonce of an entry: 16 random bytes made on the member's own phone, sent as 32 lowercase hex
 * digits (`NONCE_PATTERN`). It goes into the published entrant list, so the list the draw hashes holds
 * randomness the server did not choose. Where it comes from:
 * - H5: the browser's `crypto.getRandomValues`;
 * - WeChat: `wx.getRandomValues` (base library 2.15.0+, a CSPRNG);
 * - an older WeChat without either: `Math.random`, which is not a CSPRNG — acceptable only because the draw's
 *   fairness rests on the committed seed, not on any one member's nonce.
 *
 * @example
 *   const nonce = await deviceNonce()   // 'f3a9…' (32 hex digits)
 */

interface WxRandom {
  getRandomValues?: (option: { length: number; success: (res: { randomValues: ArrayBuffer }) => void; fail: (err: unknown) => void }) => void
}
/** The mini program's global API object (absent in H5 and in tests that do not provide it). */
declare const wx: WxRandom | undefined

export const NONCE_BYTES = 16

export async function deviceNonce(): Promise<string> {
  return toHex(await randomBytes(NONCE_BYTES))
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

async function randomBytes(length: number): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = new Uint8Array(length)
    crypto.getRandomValues(bytes)
    return bytes
  }
  const fromWeChat = await weChatRandom(length)
  if (fromWeChat && fromWeChat.length === length) return fromWeChat
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

/**
 * WeChat's CSPRNG, called with callbacks as documented (`wx.getRandomValues`, base library 2.15.0+); null when
 * it is missing or fails. (Taro 4 only passes `Taro.getRandomValues` through to it unchanged.)
 */
async function weChatRandom(length: number): Promise<Uint8Array | null> {
  const api = typeof wx === 'undefined' ? undefined : wx
  const getRandomValues = api?.getRandomValues
  if (!api || typeof getRandomValues !== 'function') return null
  return new Promise((resolve) => {
    getRandomValues.call(api, { length, success: (res) => resolve(new Uint8Array(res.randomValues)), fail: () => resolve(null) })
  })
}
