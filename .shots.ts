import { startLocalRuntime } from './local-runtime/server'
import { launchChromium } from './test/support/browser'
import { makeStore, FIXED_NOW } from './test/support/fixture'
import { DEMO_GROUP_ID } from './local-runtime/demo/personas'

const OUT = '/work/shots/participation'

async function main() {
  const store = await makeStore({ seed: true })
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: 'dist/h5', now: () => FIXED_NOW })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  const go = async (path: string, persona: string, ready: string) => {
    await page.goto(`${runtime.url}${path}`)
    await page.locator(`#persona-${persona} >> visible=true`).first().click()
    await page.locator(`${ready} >> visible=true`).first().waitFor({ timeout: 15000 })
    await page.waitForTimeout(800)
  }
  const shot = async (name: string) => page.screenshot({ path: `${OUT}/${name}.png` })
  const scrollShot = async (selector: string, name: string) => {
    await page.locator(`${selector} >> visible=true`).first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(300)
    await shot(name)
  }
  const only = process.argv[2]
  const want = (name: string) => !only || only.split(',').includes(name)

  if (want('group')) { await go(`/pages/group/index?id=${DEMO_GROUP_ID}`, 'member', '#participation-entries'); await shot('group-member') }
  if (want('dashboard')) {
    await go(`/packages/admin/pages/dashboard/index?id=${DEMO_GROUP_ID}`, 'admin', '#chart-rate-summary')
    await shot('dashboard')
    await scrollShot('#chart-new-card', 'dashboard-2-charts')
    await scrollShot('#dashboard-inactive-title', 'dashboard-3-inactive')
    await page.locator('#inactive-select-0 >> visible=true').first().click()
    await page.locator('#inactive-select-1 >> visible=true').first().click()
    await page.locator('#remove-selected >> visible=true').first().click()
    await page.waitForTimeout(500)
    await shot('dashboard-remove-confirm')
  }
  if (want('leaderboard')) {
    await go(`/packages/participation/pages/leaderboard/index?id=${DEMO_GROUP_ID}`, 'member', '#my-rank')
    await page.locator('#period-month >> visible=true').first().click()
    await page.waitForTimeout(800)
    await shot('leaderboard')
  }
  if (want('progress')) { await go(`/packages/participation/pages/progress/index?id=${DEMO_GROUP_ID}`, 'member', '#progress-goal-text'); await shot('progress'); await scrollShot('#progress-streak', 'progress-2') }
  if (want('exports')) {
    await go(`/packages/admin/pages/exports/index?id=${DEMO_GROUP_ID}`, 'admin', '#export-members')
    await shot('exports')
    await page.locator('#export-checkins >> visible=true').first().click()
    await page.locator('#export-result >> visible=true').first().waitFor()
    await page.waitForTimeout(300)
    await scrollShot('#export-checkins-card', 'exports-result')
  }
  if (want('settings')) { await go(`/packages/admin/pages/participation-settings/index?id=${DEMO_GROUP_ID}`, 'admin', '#goal-preview'); await shot('participation-settings'); await scrollShot('#psettings-goal', 'participation-settings-2') }
  if (want('overview')) { await go(`/packages/participation/pages/groups-overview/index`, 'admin', `#overview-${DEMO_GROUP_ID}`); await shot('groups-overview') }
  if (want('home')) { await go(`/pages/index/index`, 'admin', '#open-groups-overview'); await shot('home-admin') }
  if (want('archived')) {
    await store.update('groups', DEMO_GROUP_ID, { status: 'archived', archivedAt: FIXED_NOW.toISOString() })
    await go(`/pages/group/index?id=${DEMO_GROUP_ID}`, 'member', '#group-archived-banner')
    await shot('group-archived')
  }
  await browser.close()
  await runtime.close()
}
main().catch((e) => { console.error(e); process.exit(1) })
