/**
 * @jest-environment jsdom
 */
/**
 * The built inbox page (dist/weapp/packages/member/pages/inbox/index) in miniprogram-simulate, on the real handlers: a member
 * with more messages than one page reads the first page, taps 加载更多 for the rest, and marks all read.
 * Needs `npm run build:weapp` first.
 */
import { INBOX_PAGE_SIZE } from '../../usecases/inbox/read'
import { deliverToInbox } from '../../usecases/inbox/deliver'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { ROUTES } from '../../contracts/routes'

describe('weapp inbox', () => {
  const weapp = setUpWeappPages()
  const reader = 'o_inbox_reader'
  const total = INBOX_PAGE_SIZE + 3

  beforeAll(async () => {
    await weapp.backend.store.transaction(async (tx) => {
      for (let i = 0; i < total; i++) {
        await deliverToInbox(tx, { openid: reader, groupId: DEMO_GROUP_ID, kind: 'test', title: `消息 ${i}`, body: '', at: new Date(Date.UTC(2026, 10, 1, 0, i)) })
      }
    })
  })

  it('shows the newest page first, loads the rest on 加载更多, then has no more to load', async () => {
    const page = await weapp.open(ROUTES.inbox, { callFunction: weapp.backend.callFunctionAs(reader) })
    await page.waitForText('#inbox-unread', `${total} 条未读`)
    // Not a member anywhere: no group news.
    expect(page.query('#board-notices')).toBeNull()
    await page.waitForText('#inbox-item-0', `消息 ${total - 1}`)
    expect(page.query(`#inbox-item-${INBOX_PAGE_SIZE}`)).toBeNull()
    page.tap('#inbox-more')
    await page.waitForText(`#inbox-item-${total - 1}`, '消息 0')
    expect(page.query('#inbox-more')).toBeNull()
    const calls = page.calls.map((c) => c.data as { action: string; input: { cursor?: number } })
    expect(calls.filter((c) => c.action === 'list').map((c) => c.input.cursor ?? 0)).toEqual([0, INBOX_PAGE_SIZE])
  })

  it('shows another member only their own messages, with nothing more to load, and 群动态 of their group', async () => {
    const page = await weapp.open(ROUTES.inbox, { callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#inbox-unread', '条未读')
    // One group-wide notice, not a message per member: the demo's two announcements and its rules.
    await page.waitForText(`#board-notice-${DEMO_GROUP_ID}`, '早起读书会·郑州3群')
    expect(page.text(`#board-notice-${DEMO_GROUP_ID}`)).toContain('2 条新公告 · 群规待确认')
    expect(page.text(`#board-notice-announcements-${DEMO_GROUP_ID}`)).toBe('看公告')
    expect(page.text(`#board-notice-rules-${DEMO_GROUP_ID}`)).toBe('看群规')
    expect(page.text('#inbox-list')).not.toContain('消息 ')
    expect(page.query('#inbox-more')).toBeNull()
  })
})
