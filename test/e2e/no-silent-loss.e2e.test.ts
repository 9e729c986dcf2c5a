/**
 * Nothing lost, nothing cut, no one-tap surprises — end to end in real headless Chromium on the local runtime
 * (H5 build, real handlers on SQLite): a visitor's half-filled application survives leaving the page and
 * coming back; a pasted 2,000-character intro is kept whole and refused with a clear message (not cut to
 * 300); the first error is the one in view; withdrawing asks first. Needs `npm run build:h5` first.
 */
import { applicationId } from '../../domain/admission'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { click, expectText, fill, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { ROUTES } from '../../contracts/routes'

describe('no silent loss on the apply page (Chromium)', () => {
  const app = useH5App()

  it('keeps the draft across leaving and returning, refuses an over-long paste visibly, and asks before withdrawing', async () => {
    await app.page.goto(`${app.runtime.url}/${ROUTES.apply}?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-visitor')
    await expectText(app.page, '#apply-group-name', '早起读书会·郑州3群')
    await fill(app.page, '#apply-name', '陈晨')
    await fill(app.page, '#apply-region', '郑州')

    // Leave for the group page and come back: the draft is there.
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#group-name', '早起读书会·郑州3群')
    await app.page.goto(`${app.runtime.url}/${ROUTES.apply}?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#apply-draft-restored', '已恢复上次未提交的草稿')
    expect(await visible(app.page, '#apply-name input').inputValue()).toBe('陈晨')
    expect(await visible(app.page, '#apply-region input').inputValue()).toBe('郑州')

    // 2,000 characters pasted into the 300-character box: kept whole, the field says by how much it is over.
    await fill(app.page, '#apply-about', '读'.repeat(2000))
    await expectText(app.page, '#apply-about-counter', '2000/300')
    await expectText(app.page, '#apply-about-error', '已超出 1700 字')
    await click(app.page, '#apply-accept-rules')
    await click(app.page, '#apply-submit')
    // Refused before sending: the first error (occupation, empty) is on screen.
    await expectText(app.page, '#apply-occupation-error', '此项必填')
    await app.page.waitForTimeout(400)
    expect(await visible(app.page, '#apply-occupation-error').isVisible()).toBe(true)
    expect(await app.store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('visitor')))).toBeNull()

    // The applicant persona withdraws: the page asks first, and cancelling changes nothing.
    await click(app.page, '#persona-applicant')
    await expectText(app.page, '#apply-status', '审核中')
    await click(app.page, '#apply-withdraw')
    await app.page.getByText('撤回申请？撤回后可以重新提交。').waitFor({ state: 'visible', timeout: 5000 })
    await app.page.getByText('取消', { exact: true }).click()
    await app.page.waitForTimeout(300)
    expect((await app.store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('applicant'))))?.status).toBe('pending')
    await click(app.page, '#apply-withdraw')
    await app.page.getByText('确定', { exact: true }).click()
    await expectText(app.page, '#apply-status', '已撤回')
  })
})
