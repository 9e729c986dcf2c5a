import { NONCE_PATTERN } from '../../../contracts/lottery'
import { deviceNonce, toHex } from './device-nonce'

describe('deviceNonce', () => {
  afterEach(() => {
    delete (globalThis as { wx?: unknown }).wx
  })

  it('writes bytes as lowercase hex, two digits each', () => {
    expect(toHex(new Uint8Array([0, 1, 171, 255]))).toBe('0001abff')
  })

  it('takes 16 bytes from wx.getRandomValues in the mini program', async () => {
    const asked: number[] = []
    ;(globalThis as { wx?: unknown }).wx = {
      getRandomValues: ({ length, success }: { length: number; success: (res: { randomValues: ArrayBuffer }) => void }) => {
        asked.push(length)
        success({ randomValues: new Uint8Array(length).fill(0xa5).buffer })
      },
    }
    expect(await deviceNonce()).toBe('a5'.repeat(16))
    expect(asked).toEqual([16])
  })

  it('still makes a well-formed nonce where WeChat has no getRandomValues', async () => {
    expect(await deviceNonce()).toMatch(NONCE_PATTERN)
  })
})
