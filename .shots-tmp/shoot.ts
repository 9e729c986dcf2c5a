import { chromium } from 'playwright-core'
import { startLocalRuntime } from '../local-runtime/server'
import { makeStore, FIXED_NOW } from '../test/support/fixture'
import { requireH5Build } from '../test/support/h5-page'
import { DEMO_GROUP_ID, personaOpenid } from '../local-runtime/demo/personas'
import { checkIn, makeUpCheckin } from '../usecases/checkin'
import { likeCheckin } from '../usecases/checkin-likes'
import { userCaller } from '../usecases/context'

const OUT = '/work/shots/checkin'
const NO = { photoLinks: async () => ({}), deleteFiles: async () => undefined }
async function main() {
  const store = await makeStore({ seed: true })
  const at = (o: string, iso: string) => ({ store, caller: userCaller(o), now: () => new Date(iso) })
  const M = personaOpenid('member'), A = personaOpenid('admin')
  const oct20 = await checkIn(at(M, '2026-10-20T00:30:00Z'), { groupId: DEMO_GROUP_ID, note: '十月二十日：读完《活着》前两章，福贵年轻时真是荒唐。', linkTask: false }, NO)
  await checkIn(at(A, '2026-10-20T01:00:00Z'), { groupId: DEMO_GROUP_ID, note: '管理员十月二十日打卡', linkTask: false }, NO)
  await checkIn(at(M, '2026-10-21T00:30:00Z'), { groupId: DEMO_GROUP_ID, note: '二十一日', linkTask: false }, NO)
  await store.update('groups', DEMO_GROUP_ID, { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } })
  await makeUpCheckin(at(M, '2026-10-21T12:00:00Z'), { groupId: DEMO_GROUP_ID, day: '2026-10-19', note: '补十九日' }, NO)
  for (const o of [A, 'o_demo_owner']) await likeCheckin(at(o, '2026-11-23T01:00:00Z'), { groupId: DEMO_GROUP_ID, checkinId: oct20.checkin.id, liked: true })
  const runtime = await startLocalRuntime({ store, port: 0, staticDir: requireH5Build(), now: () => FIXED_NOW })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  const v = (s: string) => page.locator(`${s} >> visible=true`).first()
  const shot = async (name: string, full = false) => { await page.waitForTimeout(400); await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full }) }
  await page.goto(`${runtime.url}/pages/checkin/index?id=${DEMO_GROUP_ID}`)
  await v('#persona-member').click()
  await v('#streak-current').waitFor()
  await shot('01-before-checkin')
  await shot('02-before-checkin-full', true)
  await v('#checkin-note textarea').fill('家珍走得很平静，福贵说她“死得很好”。')
  await v('#checkin-button').click()
  await v('#checkin-success').waitFor()
  await shot('03-success')
  await v('#checkin-success-close').click()
  await shot('04-done')
  await v('#checkin-edit').click()
  await shot('05-editing')
  await v('#checkin-edit-cancel').click()
  await v('#calendar-prev').click()
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#calendar-day-2026-10-20')).some((c) => c.getAttribute('data-state') === 'checked'))
  await v('#calendar-day-2026-10-20').click()
  await v('#day-entry').filter({ hasText: '十月二十日' }).waitFor()
  await v('#checkin-calendar').scrollIntoViewIfNeeded()
  await shot('06-last-month-day')
  await v('#today-feed').scrollIntoViewIfNeeded()
  await shot('07-past-day-feed')
  await v('#feed-today').click()
  await page.waitForTimeout(800)
  await v('#today-feed').scrollIntoViewIfNeeded()
  await shot('08-today-feed')
  const like = v('[id^="feed-"][id$="-like"]')
  await like.click()
  await page.waitForTimeout(800)
  await shot('09-liked')
  await shot('10-full', true)
  await browser.close(); await runtime.close()
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
