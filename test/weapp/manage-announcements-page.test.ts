/**
 * @jest-environment jsdom
 */
/**
 * The built admins' announcements page (dist/weapp/packages/admin/pages/announcements/index) in
 * miniprogram-simulate, on the real handlers and the seeded demo community (the month's book list pinned, a
 * meet-up not): an admin posts a pinned announcement (members see it pinned), a double tap posts once; pins
 * and unpins; edits in place (then 已编辑) and deletes after confirming; sees 已读 N/M; a member who opens it
 * gets the list without any form or button. Needs `npm run build:weapp` first.
 */
import { listAnnouncements, type AnnouncementList } from '../../contracts/board'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'
import { ROUTES } from '../../contracts/routes'

const PAGE = 'packages/admin/pages/announcements/index'

describe('weapp admins’ announcements page', () => {
  const weapp = setUpWeappPages()

  async function listedAs(openid: string): Promise<AnnouncementList> {
    const call = weapp.backend.callFunctionAs(openid)
    const result = (await call({ name: listAnnouncements.fn, data: { action: listAnnouncements.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: AnnouncementList }
    return result.data
  }

  it('shows each recent announcement’s readers out of the members (已读 N/M)', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-reads-ann_demo_meetup', '已读 0/20')
    await weapp.backend.callFunctionAs(personaOpenid('member'))({ name: 'board', data: { action: 'markAnnouncementsRead', input: { groupId: DEMO_GROUP_ID, announcementIds: ['ann_demo_meetup'] } } })
    page.unload()
    const again = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await again.waitForText('#announcement-reads-ann_demo_meetup', '已读 1/20')
  })

  it('posts a pinned announcement: members see it pinned on the announcements page', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-form', '发布公告')
    page.input('#announcement-title', '下周共读：《平凡的世界》')
    page.input('#announcement-body', '下周一开始，每天一章。')
    page.change('#announcement-pinned', true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#announcement-post')
    // Posted: the form is cleared.
    await page.waitForText('#announcement-title-counter', '0/60')
    const post = page.calls.find((c) => (c.data as { action: string }).action === 'postAnnouncement')
    expect(post?.data).toEqual({
      action: 'postAnnouncement',
      input: { groupId: DEMO_GROUP_ID, title: '下周共读：《平凡的世界》', body: '下周一开始，每天一章。', pinned: true, requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{10}$/) },
    })

    const member = weapp.backend.callFunctionAs(personaOpenid('member'))
    const list = (await member({ name: listAnnouncements.fn, data: { action: listAnnouncements.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: AnnouncementList }
    expect(list.data.pinned.map((a) => a.title)).toEqual(['下周共读：《平凡的世界》', '本月共读：余华《活着》'])
    // The list below the form has it at once.
    await page.waitForText('#announcements-list', '下周共读：《平凡的世界》')
    page.unload()

    const announcements = await weapp.open(ROUTES.announcements, { query: { id: DEMO_GROUP_ID }, callFunction: member })
    const shown = await announcements.waitForText(`#announcement-${list.data.pinned[0].id}`, '下周共读：《平凡的世界》')
    expect(shown).toContain('置顶')
    // The newest pin comes first, above the month's book list.
    expect(announcements.text('#announcements')).toMatch(/^置顶未读下周共读：《平凡的世界》.*置顶未读本月共读/)
  })

  it('a double tap on 发布公告 posts one announcement', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await page.waitForText('#announcement-form', '发布公告')
    page.input('#announcement-title', '双击测试通知')
    page.input('#announcement-body', '只应出现一次。')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#announcement-post')
    page.tap('#announcement-post')
    await page.waitForText('#announcement-title-counter', '0/60')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const posts = await weapp.backend.store.find('announcements', { where: { groupId: DEMO_GROUP_ID, title: '双击测试通知' }, limit: 10 })
    expect(posts).toHaveLength(1)
  })

  it('lets an admin pin the meet-up (it goes on top) and unpin the book list', async () => {
    const page = await weapp.open(PAGE, { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')) })
    await waitFor(() => page.text('#pin-ann_demo_meetup') === '置顶', 5000, () => '#pin-ann_demo_meetup to read 置顶')
    expect(page.text('#pin-ann_demo_booklist')).toBe('取消置顶')

    page.tap('#pin-ann_demo_meetup')
    await page.waitForText('#pin-ann_demo_meetup', '取消置顶')
    // The newest pin is first.
    expect(page.text('#announcements-list')).toMatch(/^置顶周六下午线下读书会.*置顶本月共读/)

    page.tap('#pin-ann_demo_booklist')
    await waitFor(() => page.text('#pin-ann_demo_booklist') === '置顶', 5000, () => '#pin-ann_demo_booklist to read 置顶')
    expect(page.text('#announcement-ann_demo_booklist')).not.toMatch(/^置顶/)
    expect(page.text('#announcements-list')).toMatch(/^置顶周六下午线下读书会/)

    const pins = page.calls.map((c) => c.data as { action: string; input: unknown }).filter((c) => c.action === 'setAnnouncementPinned')
    expect(pins.map((c) => c.input)).toEqual([
      { groupId: DEMO_GROUP_ID, announcementId: 'ann_demo_meetup', pinned: true },
      { groupId: DEMO_GROUP_ID, announcementId: 'ann_demo_booklist', pinned: false },
    ])
    const stored = await listedAs(personaOpenid('member'))
    // The meet-up is the newest pin (the announcement posted above stays pinned too); the book list is not.
    expect(stored.pinned[0].id).toBe('ann_demo_meetup')
    expect(stored.pinned.map((a) => a.id)).not.toContain('ann_demo_booklist')
    expect(stored.items.map((a) => a.id)).toContain('ann_demo_booklist')
  })

  it('lets an admin edit an announcement in place (then 已编辑) and delete it after confirming; members who open it get neither', async () => {
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
    expect(member.query('#announcement-form')).toBeNull()
    expect(member.text('#announcements-admins-only')).toContain('仅群主和管理员')
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
