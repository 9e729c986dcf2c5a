/**
 * A recording fake of the wx-server-sdk parts behind WechatServices on CloudBase: `openapi.wxacode.getUnlimited`,
 * `openapi.phonenumber.getPhoneNumber`, `openapi.subscribeMessage.send`, `uploadFile`, `getTempFileURL` and `deleteFile`.
 * Each call is appended to `calls` as plain data (buffers as their byte length). Answers follow the
 * documented shapes: getUnlimited → `{ contentType: 'image/jpeg', buffer }`, getPhoneNumber →
 * `{ phoneInfo: { phoneNumber, purePhoneNumber, countryCode } }`; a code listed in `badPhoneCodes` rejects
 * with errCode 40029 (invalid code), as the service does.
 *
 * @example
 *   const sdk = createFakeOpenapi({ phoneByCode: { c1: '13812341234' } })
 *   await createCloudbaseWechatServices(sdk).phoneNumberFromCode('c1')  // '13812341234'
 *   sdk.calls // [{ api: 'phonenumber.getPhoneNumber', args: { code: 'c1' } }]
 */
export interface OpenapiCall {
  api: string
  args: unknown
}

export function createFakeOpenapi(options: { phoneByCode?: Record<string, string> } = {}) {
  const calls: OpenapiCall[] = []
  const files = new Map<string, number>()
  const record = (api: string, args: unknown) => calls.push({ api, args: JSON.parse(JSON.stringify(args, bufferAsLength)) })
  const tick = () => new Promise((resolve) => setImmediate(resolve))
  return {
    calls,
    files,
    openapi: {
      wxacode: {
        async getUnlimited(args: { scene: string; page: string }) {
          record('wxacode.getUnlimited', args)
          await tick()
          if (args.scene.length > 32) throw Object.assign(new Error('errCode: 40169 invalid scene'), { errCode: 40169 })
          return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/jpeg', buffer: Buffer.from(`code:${args.scene}`) }
        },
      },
      phonenumber: {
        async getPhoneNumber(args: { code: string }) {
          record('phonenumber.getPhoneNumber', args)
          await tick()
          const phone = options.phoneByCode?.[args.code]
          if (!phone) throw Object.assign(new Error('errCode: 40029 invalid code'), { errCode: 40029 })
          return { errCode: 0, errMsg: 'openapi.phonenumber.getPhoneNumber:ok', phoneInfo: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } }
        },
      },
      subscribeMessage: {
        async send(args: unknown) {
          record('subscribeMessage.send', args)
          await tick()
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
        },
      },
    },
    async uploadFile(args: { cloudPath: string; fileContent: Buffer }) {
      record('uploadFile', args)
      await tick()
      files.set(args.cloudPath, args.fileContent.length)
      return { fileID: `cloud://env-test.bucket/${args.cloudPath}`, statusCode: 204, errMsg: 'uploadFile:ok' }
    },
    // The SDK takes fileIDs, or `{ fileID, maxAge }` objects to set a link's life (the exports do).
    async getTempFileURL(args: { fileList: Array<string | { fileID: string; maxAge: number }> }) {
      record('getTempFileURL', args)
      await tick()
      return {
        errMsg: 'getTempFileURL:ok',
        fileList: args.fileList.map((file) => {
          const fileID = typeof file === 'string' ? file : file.fileID
          const maxAge = typeof file === 'string' ? 7200 : file.maxAge
          return { fileID, tempFileURL: fileID.replace('cloud://env-test.bucket/', 'https://env-test.tcb.qcloud.la/'), maxAge, status: 0, errMsg: 'ok' }
        }),
      }
    },
    async deleteFile(args: { fileList: string[] }) {
      record('deleteFile', args)
      await tick()
      for (const fileID of args.fileList) files.delete(fileID.replace('cloud://env-test.bucket/', ''))
      return { errMsg: 'deleteFile:ok', fileList: args.fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })) }
    },
  }
}

function bufferAsLength(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    return { bytes: ((value as { data: unknown[] }).data ?? []).length }
  }
  return value
}
