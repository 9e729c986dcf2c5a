/**
 * End to end in real headless Chromium: the local runtime serves the H5 build and the function
 * handlers on SQLite; a newcomer opens the demo group, switches persona, and sees what each may see.
 * Needs `npm run build:h5` first (npm test does it).
 */
import type { Browser, Page } from 'playwright-core'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { launchChromium } from '../support/browser'
import { expectText, requireH5Build } from '../support/h5-page'
import { makeStore } from '../support/fixture'


describe('H5 app on the local runtime (Chromium)', () => {
  let runtime: LocalRuntime
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    const H5_DIR = requireH5Build()
    runtime = await startLocalRuntime({ store: await makeStore({ seed: true }), port: 0, staticDir: H5_DIR })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await runtime?.close()
  })

  it('shows the demo group to a visitor, then to the admin persona', async () => {
    await page.goto(`${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await expectText(page, '#group-name', '早起读书会·郑州3群')
    await expectText(page, '#group-member-count', '20 位成员')
    await expectText(page, '#group-viewer-role', '你还不是本群成员')
    await expectText(page, '#group-rules', '姓名-地区-职业')

    await page.click('#persona-admin')
    await expectText(page, '#group-viewer-role', '管理员')
  })

  it('keeps the chosen persona across pages: the member sees the group in 我的社群', async () => {
    await page.click('#persona-member')
    await expectText(page, '#group-viewer-role', '成员')
    await page.goto(`${runtime.url}/`)
    await expectText(page, '#my-groups', '早起读书会·郑州3群')
    await page.click(`#my-group-${DEMO_GROUP_ID}`)
    await expectText(page, '#group-name', '早起读书会·郑州3群')
  })

  it('tells a visitor about an unknown group in Chinese', async () => {
    await page.goto(`${runtime.url}/pages/group/index?id=no-such-group`)
    await expectText(page, '#group-error', '这个群不存在或已解散')
  })
})
