/**
 * Screenshots of the group home and a few pages at 375×812 on the local runtime (H5 build, demo data):
 * `npx tsx test/support/hub-shots.ts <out-dir>`. Not a test: a look at the pages as people see them.
 */
import { startLocalRuntime } from '../../local-runtime/server'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { launchChromium } from './browser'
import { requireH5Build } from './h5-page'
import { makeStore } from './fixture'

async function main(out: string) {
  const store = await makeStore({ seed: true })
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: requireH5Build() })
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
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true })
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
    await page.screenshot({ path: `${out}/announcements-from-hub.png`, fullPage: true })
    await shot('members', `${runtime.url}/pages/members/index?id=${DEMO_GROUP_ID}`, '#members-roster')
  } finally {
    await browser.close()
    await runtime.close()
  }
}

main(process.argv[2] ?? '/work/shots/hub').catch((error) => {
  console.error(error)
  process.exit(1)
})
