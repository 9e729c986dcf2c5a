/**
 * End to end in real headless Chromium: the local runtime serves the H5 build and the function
 * handlers on SQLite; a newcomer opens the demo group, switches persona, and sees what each may see.
 * Needs `npm run build:h5` first (npm test does it).
 */
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { expectText } from '../support/h5-page'
import { useH5App } from '../support/h5-app'

describe('H5 app on the local runtime (Chromium)', () => {
  const app = useH5App()

  it('shows the demo group to a visitor, then to the admin persona', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(app.page, '#group-name', '早起读书会·郑州3群')
    await expectText(app.page, '#group-member-count', '20 位成员')
    await expectText(app.page, '#group-viewer-role', '你还不是本群成员')
    await expectText(app.page, '#group-rules', '姓名-地区-职业')

    await app.page.click('#persona-admin')
    await expectText(app.page, '#group-viewer-role', '管理员')
  })

  it('draws the white cards on the grey page background, not white on white', async () => {
    const background = await app.page.evaluate(() => {
      const page = document.querySelector('.taro_router > .taro_page.taro_page_show') ?? document.querySelector('.taro_page')
      return page ? getComputedStyle(page).backgroundColor : 'no page'
    })
    expect(background).toBe('rgb(245, 246, 247)')
  })

  it('keeps the chosen persona across pages: the member sees the group in 我的社群', async () => {
    await app.page.click('#persona-member')
    await expectText(app.page, '#group-viewer-role', '成员')
    await app.page.goto(`${app.runtime.url}/`)
    await expectText(app.page, '#my-groups', '早起读书会·郑州3群')
    await app.page.click(`#my-group-${DEMO_GROUP_ID}`)
    await expectText(app.page, '#group-name', '早起读书会·郑州3群')
  })

  it('tells a visitor about an unknown group in Chinese', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=no-such-group`)
    await expectText(app.page, '#group-error', '这个群不存在或已解散')
  })
})
