/**
 * @jest-environment jsdom
 */
/**
 * The built announcements page (dist/weapp/pages/announcements/index) in miniprogram-simulate, on the real
 * handlers and the seeded demo community (the month's book list pinned, a meet-up not), with more older
 * announcements put in the store so the list runs past one page: a member sees the pinned one first and
 * loads the rest; an admin pins one and unpins another. Needs `npm run build:weapp` first.
 */
import { listAnnouncements, type AnnouncementList } from '../../contracts/board'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { ANNOUNCEMENT_PAGE_SIZE } from '../../usecases/announcements'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'

const PAGE = 'pages/announcements/index'
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
    expect(page.text('#announcements')).toMatch(/^置顶本月共读：余华《活着》.*周六下午线下读书会.*往期通知 0/)
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

  it('lets an admin pin the meet-up (it goes on top) and unpin the book list', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await waitFor(() => page.text('#pin-ann_demo_meetup') === '置顶', 5000, () => '#pin-ann_demo_meetup to read 置顶')
    expect(page.text('#pin-ann_demo_booklist')).toBe('取消置顶')

    page.tap('#pin-ann_demo_meetup')
    await page.waitForText('#pin-ann_demo_meetup', '取消置顶')
    // The newest pin is first.
    expect(page.text('#announcements')).toMatch(/^置顶周六下午线下读书会.*置顶本月共读/)

    page.tap('#pin-ann_demo_booklist')
    await waitFor(() => page.text('#pin-ann_demo_booklist') === '置顶', 5000, () => '#pin-ann_demo_booklist to read 置顶')
    expect(page.text('#announcement-ann_demo_booklist')).not.toMatch(/^置顶/)
    expect(page.text('#announcements')).toMatch(/^置顶周六下午线下读书会/)

    const pins = page.calls.map((c) => c.data as { action: string; input: unknown }).filter((c) => c.action === 'setAnnouncementPinned')
    expect(pins.map((c) => c.input)).toEqual([
      { groupId: DEMO_GROUP_ID, announcementId: 'ann_demo_meetup', pinned: true },
      { groupId: DEMO_GROUP_ID, announcementId: 'ann_demo_booklist', pinned: false },
    ])
    const stored = await listedAs(personaOpenid('member'))
    expect(stored.pinned.map((a) => a.id)).toEqual(['ann_demo_meetup'])
    expect(stored.items.map((a) => a.id)).toContain('ann_demo_booklist')
  })

  it('lets an admin edit an announcement in place (then 已编辑) and delete it after confirming; members get neither', async () => {
    await weapp.backend.store.create('announcements', {
      _id: 'ann_to_edit',
      groupId: DEMO_GROUP_ID,
      title: '周六共读改地点',
      body: '改到图书馆三楼。',
      pinned: false,
      pinnedAt: null,
      authorOpenid: personaOpenid('admin'),
      authorName: '王强-郑州-理财顾问',
      createdAt: new Date().toISOString(),
    })
    const member = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await member.waitForText('#announcement-ann_to_edit', '周六共读改地点')
    expect(member.query('#edit-ann_to_edit')).toBeNull()
    expect(member.query('#delete-ann_to_edit')).toBeNull()
    member.unload()

    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-ann_to_edit', '周六共读改地点')
    page.tap('#edit-ann_to_edit')
    await waitFor(() => page.query('#announcement-edit-title-ann_to_edit') !== null)
    page.input('#announcement-edit-title-ann_to_edit', '周六共读改地点（二楼）')
    page.tap('#announcement-save-ann_to_edit')
    await page.waitForText('#announcement-ann_to_edit', '已编辑')
    expect(page.text('#announcement-ann_to_edit')).toContain('周六共读改地点（二楼）')

    page.tap('#delete-ann_to_edit')
    await waitFor(() => page.query('#announcement-ann_to_edit') === null, 5000, () => 'the deleted announcement to leave the list')
    expect(await weapp.backend.store.get('announcements', 'ann_to_edit')).toBeNull()
    page.unload()
  })
})
