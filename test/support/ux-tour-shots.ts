/**
 * Screenshots of every page of `contracts/routes.ts` at 375×812 on the local runtime (H5 build, demo data),
 * each as the persona who uses it, plus a few empty states (a group with nothing in it):
 * `npx tsx test/support/ux-tour-shots.ts <out-dir> [name-filter]`. Not a test: a look at the pages.
 */
import { startLocalRuntime } from '../../local-runtime/server'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { launchChromium } from './browser'
import { requireH5Build } from './h5-page'
import { FIXED_NOW, makeStore, testGroup } from './fixture'
import { ROUTES, type RouteName } from '../../contracts/routes'
import { memberId, type Role } from '../../domain/group'
import { memberKey } from '../../usecases/member-keys'

const EMPTY = 'g-empty'

async function main(out: string, filter?: string) {
  const store = await makeStore({ seed: true })
  await store.transaction(async (tx) => {
    await tx.create('groups', testGroup({ _id: EMPTY, name: '空群·新建社群', ownerOpenid: 'o_demo_owner', memberCount: 3 }))
    const people: Array<[string, Role]> = [['o_demo_owner', 'owner'], ['o_demo_admin', 'admin'], ['o_demo_member', 'member']]
    for (const [openid, role] of people) {
      await tx.create('members', { _id: memberId(EMPTY, openid), groupId: EMPTY, openid, memberKey: memberKey(EMPTY, openid), role, intro: { name: role, region: '郑州', occupation: '工程师' }, joinedAt: '2026-01-01T00:00:00.000Z' })
    }
  })
  const lotteries = await store.find('lotteries', { where: { groupId: DEMO_GROUP_ID }, limit: 10 })
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: requireH5Build(), now: () => FIXED_NOW })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
  const url = (name: RouteName, query = '') => `${runtime.url}/${ROUTES[name]}${query}`
  const shot = async (name: string, target: string, persona: string) => {
    if (filter && !name.includes(filter)) return
    try {
      await page.goto(target)
      const button = page.locator(`#persona-${persona}`)
      await button.waitFor({ state: 'visible', timeout: 8000 }).then(() => button.click(), () => console.log(`${name}: no persona switcher`))
      await page.waitForTimeout(1800)
      await page.screenshot({ path: `${out}/${name}.png` })
      await page.setViewportSize({ width: 375, height: 2400 })
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${out}/${name}-full.png` })
      await page.setViewportSize({ width: 375, height: 812 })
      console.log('ok', name)
    } catch (error) {
      console.log('FAILED', name, error)
    }
  }
  const g = `?id=${DEMO_GROUP_ID}`
  const e = `?id=${EMPTY}`
  try {
    await shot('index-member', url('index'), 'member')
    await shot('index-visitor', url('index'), 'visitor')
    await shot('group-visitor', url('group', g), 'visitor')
    await shot('group-applicant', url('group', g), 'applicant')
    await shot('group-member', url('group', g), 'member')
    await shot('group-admin', url('group', g), 'admin')
    await shot('group-empty-admin', url('group', e), 'admin')
    await shot('apply-visitor', url('apply', g), 'visitor')
    await shot('review-admin', url('review', g), 'admin')
    await shot('review-empty', url('review', e), 'admin')
    await shot('members-member', url('members', g), 'member')
    await shot('members-owner', url('members', g), 'owner')
    await shot('invite-member', url('invite', g), 'member')
    await shot('inbox-member', url('inbox'), 'member')
    await shot('inbox-visitor', url('inbox'), 'visitor')
    await shot('admission-settings-admin', url('admissionSettings', g), 'admin')
    await shot('checkin-member', url('checkin', g), 'member')
    await shot('checkin-empty', url('checkin', e), 'member')
    await shot('rules-member', url('rules', g), 'member')
    await shot('announcements-member', url('announcements', g), 'member')
    await shot('announcements-empty', url('announcements', e), 'member')
    await shot('tasks-admin', url('tasks', g), 'admin')
    await shot('tasks-empty', url('tasks', e), 'admin')
    await shot('join-guide-admin', url('joinGuide', g), 'admin')
    for (const [index, lottery] of lotteries.entries()) {
      await shot(`lottery-${index}-member`, url('lottery', `?id=${lottery._id}`), 'member')
      await shot(`lottery-manage-${index}-admin`, url('lotteryManage', `?id=${lottery._id}`), 'admin')
    }
    await shot('lotteries-member', url('lotteries', g), 'member')
    await shot('lotteries-empty', url('lotteries', e), 'member')
    await shot('lottery-create-admin', url('lotteryCreate', g), 'admin')
    await shot('dashboard-admin', url('dashboard', g), 'admin')
    await shot('dashboard-empty', url('dashboard', e), 'admin')
    await shot('exports-admin', url('exports', g), 'admin')
    await shot('participation-settings-admin', url('participationSettings', g), 'admin')
    await shot('leaderboard-member', url('leaderboard', g), 'member')
    await shot('leaderboard-empty', url('leaderboard', e), 'member')
    await shot('progress-member', url('progress', g), 'member')
    await shot('progress-empty', url('progress', e), 'member')
    await shot('groups-overview-member', url('groupsOverview'), 'member')
    await shot('manage-announcements-admin', url('manageAnnouncements', g), 'admin')
    await shot('manage-rules-admin', url('manageRules', g), 'admin')
    await shot('group-settings-owner', url('groupSettings', g), 'owner')
  } finally {
    await browser.close()
    await runtime.close()
  }
}

main(process.argv[2] ?? '/work/shots/ux-tour', process.argv[3]).catch((error) => {
  console.error(error)
  process.exit(1)
})
