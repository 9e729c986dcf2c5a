import Taro from '@tarojs/taro'
import { SUBSCRIBE_TEMPLATES, withTemplateIds } from '../../contracts/subscribe-templates'
import { askForSubscriptions } from './subscribe'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))

const request = Taro.requestSubscribeMessage as unknown as jest.Mock
const configured = withTemplateIds(SUBSCRIBE_TEMPLATES, { lotteryWon: 'tmpl_won', applicationDigest: 'tmpl_digest' })

beforeEach(() => request.mockReset())

describe('askForSubscriptions', () => {
  it('asks WeChat for the configured templates only and returns the accepted ones', async () => {
    request.mockResolvedValue({ tmpl_won: 'accept', tmpl_digest: 'reject', errMsg: 'requestSubscribeMessage:ok' })
    const accepted = await askForSubscriptions(['lotteryWon', 'applicationDigest', 'checkinReminder'], { templates: configured, platform: 'weapp' })
    expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl_won', 'tmpl_digest'], entityIds: [] })
    expect(accepted).toEqual(['tmpl_won'])
  })

  it('asks nothing in H5 or when no template is configured', async () => {
    expect(await askForSubscriptions(['lotteryWon'], { templates: configured, platform: 'h5' })).toEqual([])
    expect(await askForSubscriptions(['checkinReminder'], { templates: configured, platform: 'weapp' })).toEqual([])
    expect(request).not.toHaveBeenCalled()
  })

  it('asks once for a template two notifications share', async () => {
    request.mockResolvedValue({ tmpl_remind: 'accept' })
    const shared = withTemplateIds(SUBSCRIBE_TEMPLATES, { checkinReminder: 'tmpl_remind', inactivityNudge: 'tmpl_remind' })
    expect(await askForSubscriptions(['checkinReminder', 'inactivityNudge'], { templates: shared, platform: 'weapp' })).toEqual(['tmpl_remind'])
    expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl_remind'], entityIds: [] })
  })

  it('treats a refused or failed dialog as no consent', async () => {
    request.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
    expect(await askForSubscriptions(['lotteryWon'], { templates: configured, platform: 'weapp' })).toEqual([])
  })
})
