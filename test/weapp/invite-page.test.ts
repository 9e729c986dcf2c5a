/**
 * @jest-environment jsdom
 */
/**
 * The built invite page (dist/weapp/packages/member/pages/invite/index) in miniprogram-simulate, on the real handlers and
 * the seeded demo community: an admin sees their own invite as a QR image (a real PNG data URL from the
 * local WeChat services) and the apply link carrying their invite id; a stranger is refused.
 * Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { inviteIdFor } from '../../usecases/admission'
import { setUpWeappPages } from './backend'
import { ROUTES } from '../../contracts/routes'

describe('weapp invite page', () => {
  const weapp = setUpWeappPages()

  it('shows an admin their invite: the QR image and the apply link with their invite id', async () => {
    const admin = personaOpenid('admin')
    const inviteId = inviteIdFor(DEMO_GROUP_ID, admin)
    const page = await weapp.open(ROUTES.invite, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(admin) })
    await page.waitForText('#invite-link', `/${ROUTES.apply}?scene=${inviteId}`)
    const src = page.attribute('#invite-image', 'src') ?? ''
    expect(src).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(src.slice('data:image/png;base64,'.length), 'base64')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(page.calls).toEqual([{ name: 'admission', data: { action: 'getInviteCode', input: { groupId: DEMO_GROUP_ID } } }])
    // The invite is recorded, so whoever applies through it is credited to the admin.
    const invite = await weapp.backend.store.get('invites', inviteId)
    expect(invite).toMatchObject({ groupId: DEMO_GROUP_ID, inviterOpenid: admin })
  })

  it('refuses a stranger and shows no code', async () => {
    const page = await weapp.open(ROUTES.invite, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('visitor')) })
    await page.waitForText('#invite-error', '你没有权限进行此操作')
    expect(page.query('#invite-image')).toBeNull()
    expect(page.query('#invite-link')).toBeNull()
    expect(await weapp.backend.store.get('invites', inviteIdFor(DEMO_GROUP_ID, personaOpenid('visitor')))).toBeNull()
  })
})
