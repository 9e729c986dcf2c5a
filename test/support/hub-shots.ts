/**
 * Screenshots of the group home and a few pages at 375×812 on the local runtime (H5 build, demo data):
 * `npx tsx test/support/hub-shots.ts <out-dir>`. Not a test: a look at the pages as people see them.
 */
import { startLocalRuntime } from '../../local-runtime/server'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { launchChromium } from './browser'
import { requireH5Build } from './h5-page'
import { FIXED_NOW, makeStore } from './fixture'
import { ROUTES } from '../../contracts/routes'

async function main(out: string) {
  const store = await makeStore({ seed: true })
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: requireH5Build(), now: () => FIXED_NOW })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
  const group = `${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`
  const shot = async (name: string, url: string, wait: string, persona?: string) => {
    await page.goto(url)
    if (persona) {
      await page.click(`#persona-${persona}`)
    }
    await page.waitForSelector(wait, { state: 'visible', timeout: 15000 })
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${out}/${name}.png` })
    // The whole page: the app scrolls inside its own container, so a tall viewport shows it all.
    await page.setViewportSize({ width: 375, height: 2200 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${out}/${name}-full.png` })
    await page.setViewportSize({ width: 375, height: 812 })
  }
  try {
    await shot('group-visitor', group, '#entry-apply, #group-application-status')
    await shot('group-member', group, '#today-panel', 'member')
    await shot('group-admin', group, '#hub-tiles-manage', 'admin')
    await shot('index', `${runtime.url}/pages/index/index`, '.page')
    await page.goto(group)
    await page.waitForSelector('#entry-announcements', { state: 'visible' })
    await page.click('#entry-announcements')
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `${out}/announcements-from-hub.png` })
    console.log(await page.evaluate(() => [document.body, document.querySelector('.taro_page'), document.querySelector('#app')].map((el) => el && getComputedStyle(el).backgroundColor)))
    await shot('members', `${runtime.url}/${ROUTES.members}?id=${DEMO_GROUP_ID}`, '#members-roster')
  } finally {
    await browser.close()
    await runtime.close()
  }
}

main(process.argv[2] ?? '/work/shots/hub').catch((error) => {
  console.error(error)
  process.exit(1)
})
