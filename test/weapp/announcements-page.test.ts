/**
 * @jest-environment jsdom
 */
/**
 * The built announcements page (dist/weapp/packages/member/pages/announcements/index) in miniprogram-simulate, on the real
 * handlers and the seeded demo community (the month's book list pinned, a meet-up not), with more older
 * announcements put in the store so the list runs past one page: a member sees the pinned one first and
 * loads the rest; what it showed unread is marked read (the admins' count goes up); admins get the way to
 * their own page (manage-announcements-page.test.ts). Needs `npm run build:weapp` first.
 */
import { listAnnouncements, type AnnouncementList } from '../../contracts/board'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { ANNOUNCEMENT_PAGE_SIZE } from '../../usecases/announcements'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'
import { ROUTES } from '../../contracts/routes'

const PAGE = ROUTES.announcements
const DAY_MS = 24 * 60 * 60 * 1000
/** Older than the seeded meet-up (two days ago), newest first: with it, three more than one page. */
const EXTRA = ANNOUNCEMENT_PAGE_SIZE + 2
const extraId = (i: number) => `ann_extra_${String(i).padStart(2, '0')}`

describe('weapp announcements page', () => {
  const weapp = setUpWeappPages()

  beforeAll(async () => {
    const now = Date.now()
    await weapp.backend.store.transaction(async (tx) => {
      for (let i = 0; i < EXTRA; i++) {
        await tx.create('announcements', {
          _id: extraId(i),
          groupId: DEMO_GROUP_ID,
          title: `往期通知 ${i}`,
          body: '旧的活动通知。',
          pinned: false,
          pinnedAt: null,
          authorOpenid: personaOpenid('admin'),
          authorName: '王强-郑州-理财顾问',
          createdAt: new Date(now - (3 + i) * DAY_MS).toISOString(),
        })
      }
    })
  })

  async function listedAs(openid: string): Promise<AnnouncementList> {
    const call = weapp.backend.callFunctionAs(openid)
    const result = (await call({ name: listAnnouncements.fn, data: { action: listAnnouncements.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: AnnouncementList }
    return result.data
  }

  it('shows a member the pinned announcement first, then the newest, and loads the rest on 加载更多', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#announcement-ann_demo_booklist', '本月共读：余华《活着》')
    // Both demo announcements are new to the member (未读); the older extras are not tracked.
    expect(page.text('#announcements')).toMatch(/^置顶未读本月共读：余华《活着》.*未读周六下午线下读书会.*往期通知 0/)
    expect(page.query(`#announcement-unread-${extraId(0)}`)).toBeNull()
    expect(page.text('#announcement-ann_demo_meetup')).not.toContain('置顶')
    // No pin buttons for a member.
    expect(page.query('#pin-ann_demo_booklist')).toBeNull()
    // The first page holds the meet-up and the newest extras; the three oldest come with the next page.
    expect(page.query(`#announcement-${extraId(EXTRA - 4)}`)).not.toBeNull()
    expect(page.query(`#announcement-${extraId(EXTRA - 3)}`)).toBeNull()
    page.tap('#announcements-more')
    await page.waitForText(`#announcement-${extraId(EXTRA - 1)}`, `往期通知 ${EXTRA - 1}`)
    expect(page.query(`#announcement-${extraId(EXTRA - 3)}`)).not.toBeNull()
    expect(page.query('#announcements-more')).toBeNull()
    const lists = page.calls.map((c) => c.data as { action: string; input: { cursor?: number } }).filter((c) => c.action === 'listAnnouncements')
    expect(lists.map((c) => c.input.cursor ?? 0)).toEqual([0, ANNOUNCEMENT_PAGE_SIZE])
  })

  it('marks what it showed a member as read: the group page’s badge starts over and the admins count them', async () => {
    const member = personaOpenid('member')
    // As before the test above showed them: unread.
    for (const id of ['ann_demo_booklist', 'ann_demo_meetup']) await weapp.backend.store.remove('announcementReads', `${id}:${member}`)
    await weapp.backend.store.update('members', `${DEMO_GROUP_ID}:${member}`, { boardSeenAt: null })
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await page.waitForText('#announcement-ann_demo_meetup', '周六下午线下读书会')
    const marks = () => page.calls.map((c) => c.data as { action: string; input: { announcementIds: string[] } }).filter((c) => c.action === 'markAnnouncementsRead')
    await waitFor(() => marks().length === 1, 5000, () => 'a markAnnouncementsRead call')
    // The two demo announcements are the group's recent ones; the older extras count as read.
    expect(marks()[0].input.announcementIds.sort()).toEqual(['ann_demo_booklist', 'ann_demo_meetup'])
    for (let i = 0; i < 50 && (await weapp.backend.store.count('announcementReads', { announcementId: 'ann_demo_meetup' })) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    const admin = await listedAs(personaOpenid('admin'))
    expect([...admin.pinned, ...admin.items].find((a) => a.id === 'ann_demo_meetup')?.readCount).toBe(1)
    // Shown again, nothing is unread and nothing is sent.
    page.unload()
    const again = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(member) })
    await again.waitForText('#announcement-ann_demo_meetup', '周六下午线下读书会')
    expect(again.query('#announcement-unread-ann_demo_meetup')).toBeNull()
    expect(again.calls.map((c) => (c.data as { action: string }).action)).not.toContain('markAnnouncementsRead')
  })

  it('gives an admin the way to 发布和管理公告, and a member no admin buttons', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcements-manage', '发布和管理公告')
    expect(page.query('#pin-ann_demo_meetup')).toBeNull()
    page.unload()
    const member = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await member.waitForText('#announcement-ann_demo_meetup', '周六下午线下读书会')
    expect(member.query('#announcements-manage')).toBeNull()
  })
})
