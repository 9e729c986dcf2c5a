/**
 * End to end in real headless Chromium on the local runtime (H5 build, real handlers on SQLite, the server's
 * clock fixed at 2026-11-23 10:00 Shanghai): a member browses last month's calendar — ‹ goes to October, a
 * checked day shows that day's entry (note, task, 补卡 mark, likes) and that day's feed, a day with no
 * check-in says so, › comes back and stops at this month — then steps the feed back a day and likes a
 * check-in there, which the server counts once.
 * October's check-ins are made through the real use cases at the time they happened (the demo's history
 * covers the last 30 days only). Needs `npm run build:h5` first (npm test does it).
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { checkIn, makeUpCheckin } from '../../usecases/checkin'
import { likeCheckin } from '../../usecases/checkin-likes'
import { userCaller, type UseCaseContext } from '../../usecases/context'
import type { PhotoStorage } from '../../usecases/photos'
import { click, expectText, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'
import { ROUTES } from '../../contracts/routes'

const NO_PHOTOS: PhotoStorage = { photoLinks: async () => ({}), deleteFiles: async () => undefined }
const MEMBER = personaOpenid('member')
const ADMIN = personaOpenid('admin')

describe('a member browsing last month’s calendar in the H5 app (Chromium)', () => {
  const app = useH5App({ now: () => FIXED_NOW })
  const at = (openid: string, iso: string): UseCaseContext => ({ store: app.store, caller: userCaller(openid), now: () => new Date(iso) })

  it('‹ shows October, a tapped day shows its entry and its feed, › comes back; the feed steps back a day and a like counts once', async () => {
    // October: the member checked in on the 20th and 21st, filled the 19th the day after (补卡); the admin liked the 20th.
    const oct20 = await checkIn(at(MEMBER, '2026-10-20T00:30:00Z'), { groupId: DEMO_GROUP_ID, note: '十月二十日：读完《活着》前两章', linkTask: false }, NO_PHOTOS)
    await checkIn(at(ADMIN, '2026-10-20T01:00:00Z'), { groupId: DEMO_GROUP_ID, note: '管理员十月二十日打卡', linkTask: false }, NO_PHOTOS)
    await checkIn(at(MEMBER, '2026-10-21T00:30:00Z'), { groupId: DEMO_GROUP_ID, note: '二十一日', linkTask: false }, NO_PHOTOS)
    await app.store.update('groups', DEMO_GROUP_ID, { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } })
    await makeUpCheckin(at(MEMBER, '2026-10-21T12:00:00Z'), { groupId: DEMO_GROUP_ID, day: '2026-10-19', note: '补十九日' }, NO_PHOTOS)
    await likeCheckin(at(ADMIN, '2026-11-23T01:00:00Z'), { groupId: DEMO_GROUP_ID, checkinId: oct20.checkin.id, liked: true })

    await app.page.goto(`${app.runtime.url}/${ROUTES.checkin}?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    await expectText(app.page, '#calendar-title', '2026-11')
    await click(app.page, '#calendar-prev')
    await expectText(app.page, '#calendar-title', '2026-10')
    await app.page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('#calendar-day-2026-10-20')) as HTMLElement[]
      return cells.some((cell) => cell.offsetParent !== null && cell.getAttribute('data-state') === 'checked')
    }, undefined, { timeout: 15000 })
    expect(await visible(app.page, '#calendar-day-2026-10-19').getAttribute('data-state')).toBe('makeup')
    expect(await visible(app.page, '#calendar-day-2026-10-22').getAttribute('data-state')).toBe('empty')

    // A checked day: its entry (with the like) and that day's feed.
    await click(app.page, '#calendar-day-2026-10-20')
    await expectText(app.page, '#day-entry', '十月二十日：读完《活着》前两章')
    await expectText(app.page, '#day-entry', '王强-郑州-理财顾问 觉得很赞')
    await expectText(app.page, '#feed-count', '10-20 打卡 2 人')
    await expectText(app.page, '#today-feed', '管理员十月二十日打卡')
    // The make-up day says so; a day without a check-in says that.
    await click(app.page, '#calendar-day-2026-10-19')
    await expectText(app.page, '#day-entry', '补十九日')
    await expectText(app.page, '#day-entry', '补卡')
    await click(app.page, '#calendar-day-2026-10-22')
    await expectText(app.page, '#day-entry-none', '这天没有打卡')
    await expectText(app.page, '#feed-count', '10-22 打卡')

    // › back to November; it goes no further.
    await click(app.page, '#calendar-next')
    await expectText(app.page, '#calendar-title', '2026-11')
    await click(app.page, '#calendar-next')
    await expectText(app.page, '#calendar-title', '2026-11')

    // The feed steps back one day from the 22nd to the 21st, where the member likes the admin's check-in.
    await click(app.page, '#feed-prev-day')
    await expectText(app.page, '#feed-count', '10-21 打卡')
    await click(app.page, '#feed-today')
    await expectText(app.page, '#feed-count', '今日打卡')
    await click(app.page, '#feed-prev-day')
    await expectText(app.page, '#feed-count', '11-22 打卡')
    const like = visible(app.page, '[id^="feed-"][id$="-like"]')
    const likeId = (await like.getAttribute('id')) ?? ''
    await like.click()
    await app.page.waitForFunction((id) => document.querySelector(`#${id}`)?.getAttribute('data-liked') === 'yes', likeId, { timeout: 15000 })
    await expectText(app.page, `#${likeId.replace(/-like$/, '-likers')}`, '李娜-郑州-小学教师')
    const likes = await app.store.find('checkinLikes', { where: { groupId: DEMO_GROUP_ID, day: '2026-11-22' } })
    expect(likes.map((doc) => doc.count)).toEqual([1])
  })
})
