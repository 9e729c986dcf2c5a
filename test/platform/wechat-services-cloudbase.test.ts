/** The WechatServices implementation on CloudBase over a recording fake of the openapi calls. */
import { createCloudbaseWechatServices } from '../../platform/wechat-services-cloudbase'
import { createFakeOpenapi } from '../fakes/wx-openapi'

describe('WechatServices on CloudBase (openapi fake)', () => {
  it('makes an invite code with getUnlimited, stores it in cloud storage and returns a temp URL', async () => {
    const sdk = createFakeOpenapi()
    const image = await createCloudbaseWechatServices(sdk).createInviteCode({ scene: 'i_0123456789', page: 'packages/join/pages/apply/index' })
    expect(sdk.calls).toEqual([
      { api: 'wxacode.getUnlimited', args: { scene: 'i_0123456789', page: 'packages/join/pages/apply/index', checkPath: false } },
      { api: 'uploadFile', args: { cloudPath: 'invite-codes/i_0123456789.png', fileContent: { bytes: 17 } } },
      { api: 'getTempFileURL', args: { fileList: ['cloud://env-test.bucket/invite-codes/i_0123456789.png'] } },
    ])
    expect(image).toEqual({
      imageUrl: 'https://env-test.tcb.qcloud.la/invite-codes/i_0123456789.png',
      fileId: 'cloud://env-test.bucket/invite-codes/i_0123456789.png',
      link: null,
    })
  })

  it('exchanges a phone-number code, and turns a bad code into a Chinese INVALID_INPUT', async () => {
    const sdk = createFakeOpenapi({ phoneByCode: { good: '13912345678' } })
    const services = createCloudbaseWechatServices(sdk)
    await expect(services.phoneNumberFromCode('good')).resolves.toBe('13912345678')
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(services.phoneNumberFromCode('bad')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '获取手机号失败，请重试' })
    expect(sdk.calls.map((c) => c.args)).toEqual([{ code: 'good' }, { code: 'bad' }])
  })

  it('sends subscribe messages as the formal version', async () => {
    const sdk = createFakeOpenapi()
    await createCloudbaseWechatServices(sdk).sendSubscribeMessage({ touser: 'o_x', templateId: 't1', page: 'pages/group/index?id=g1', data: { thing1: { value: '读书会' } } })
    expect(sdk.calls).toEqual([
      { api: 'subscribeMessage.send', args: { touser: 'o_x', templateId: 't1', page: 'pages/group/index?id=g1', data: { thing1: { value: '读书会' } }, miniprogramState: 'formal' } },
    ])
  })
})
