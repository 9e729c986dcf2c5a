import { deliverToInbox } from '../../usecases/inbox/deliver'
import { listInbox, markInboxRead } from '../../usecases/inbox/read'
import { STRANGER, userCaller } from '../../usecases/context'
import { FIXED_NOW, makeStore } from '../support/fixture'

describe('inbox reading', () => {
  it('lists the caller’s messages newest first and marks one, then all, read — never someone else’s', async () => {
    const store = await makeStore()
    await store.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await deliverToInbox(tx, { openid: 'o_me', groupId: 'g1', kind: 'k', title: `消息${i}`, body: '', at: new Date(FIXED_NOW.getTime() + i * 1000) })
      }
      await deliverToInbox(tx, { openid: 'o_other', groupId: 'g1', kind: 'k', title: '别人的', body: '', at: FIXED_NOW })
    })
    const ctx = (openid: string | null) => ({ store, caller: openid ? userCaller(openid) : STRANGER, now: () => FIXED_NOW })
    const page = await listInbox(ctx('o_me'), { cursor: 0 })
    expect(page.items.map((m) => m.title)).toEqual(['消息2', '消息1', '消息0'])
    expect(page.unread).toBe(3)
    const others = await listInbox(ctx('o_other'), { cursor: 0 })
    await expect(markInboxRead(ctx('o_me'), { messageId: others.items[0].id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(markInboxRead(ctx('o_me'), { messageId: page.items[0].id })).resolves.toEqual({ marked: 1 })
    await expect(markInboxRead(ctx('o_me'), { messageId: page.items[0].id })).resolves.toEqual({ marked: 0 })
    await expect(markInboxRead(ctx('o_me'), {})).resolves.toEqual({ marked: 2 })
    expect((await listInbox(ctx('o_me'), { cursor: 0 })).unread).toBe(0)
    expect((await listInbox(ctx('o_other'), { cursor: 0 })).unread).toBe(1)
    await expect(listInbox(ctx(null), { cursor: 0 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
