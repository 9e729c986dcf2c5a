/**
 * @jest-environment jsdom
 */
import { getApplyPage, withdrawApplication } from '../../contracts/admission'
import { listAnnouncements } from '../../contracts/board'
import { listInbox } from '../../contracts/inbox'
import { setCurrentPersonaKey } from '../api/dev-session'
import { transport } from '../api/transport'
import { renderHook } from './render-hook'
import { useAction } from './use-action'
import { usePageData } from './use-page-data'
import { usePagedAction } from './use-paged-action'

jest.mock('../api/transport', () => ({ transport: { send: jest.fn(), uploadCheckinPhoto: jest.fn() } }))
jest.mock('@tarojs/taro', () => {
  const storage = new Map<string, unknown>()
  return {
    __esModule: true,
    default: { getStorageSync: (key: string) => storage.get(key) ?? '', setStorageSync: (key: string, value: unknown) => storage.set(key, value) },
    useDidShow: () => undefined,
  }
})

const send = transport.send as jest.Mock
const ok = (data: unknown) => ({ ok: true, data })
const fail = (code: string, message: string, fields?: Record<string, string>) => ({ ok: false, error: { code, message, fields } })

beforeEach(() => {
  send.mockReset()
  process.env.TARO_ENV = 'h5'
})

afterAll(() => {
  delete process.env.TARO_ENV
})

describe('usePageData', () => {
  it('loads, then shows the data; reload fetches again as a non-first load', async () => {
    send.mockResolvedValue(ok({ n: 1 }))
    const hook = await renderHook(() => usePageData(getApplyPage, { groupId: 'g1' }))
    expect(hook.current.state).toEqual({ status: 'ready', data: { n: 1 } })
    expect(send).toHaveBeenCalledWith('admission', { action: 'getApplyPage', input: { groupId: 'g1' } })

    let finish: (value: unknown) => void = () => undefined
    send.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)))
    await hook.act(() => hook.current.reload())
    expect(hook.current.state).toEqual({ status: 'loading', first: false })
    await hook.act(() => finish(ok({ n: 2 })))
    expect(hook.current.state).toEqual({ status: 'ready', data: { n: 2 } })
    hook.unmount()
  })

  it("shows the server's Chinese message on failure", async () => {
    send.mockResolvedValue(fail('FORBIDDEN', '只有管理员可以查看'))
    const hook = await renderHook(() => usePageData(getApplyPage, { groupId: 'g1' }))
    expect(hook.current.state.status).toBe('error')
    expect(hook.current.state.status === 'error' && hook.current.state.error.message).toBe('只有管理员可以查看')
    hook.unmount()
  })

  it('re-fetches when the dev persona changes, and loads nothing for a null input', async () => {
    send.mockResolvedValue(ok({}))
    const hook = await renderHook(() => usePageData(getApplyPage, { groupId: 'g1' }))
    const idle = await renderHook(() => usePageData(getApplyPage, null))
    expect(send).toHaveBeenCalledTimes(1)
    await hook.act(() => setCurrentPersonaKey('admin'))
    expect(send).toHaveBeenCalledTimes(2)
    expect(idle.current.state).toEqual({ status: 'loading', first: true })
    hook.unmount()
    idle.unmount()
  })
})

describe('useAction', () => {
  it('returns the output and is busy while the call runs', async () => {
    let finish: (value: unknown) => void = () => undefined
    send.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)))
    const hook = await renderHook(() => useAction(withdrawApplication))
    let result: unknown
    await hook.act(() => {
      hook.current.run({ groupId: 'g1' }).then((output) => (result = output))
    })
    expect(hook.current.busy).toBe(true)
    await hook.act(() => finish(ok({ status: 'withdrawn' })))
    expect(hook.current.busy).toBe(false)
    expect(result).toEqual({ status: 'withdrawn' })
    expect(hook.current.error).toBe('')
    hook.unmount()
  })

  it('resolves undefined on failure with the message and field messages', async () => {
    send.mockResolvedValue(fail('INVALID_INPUT', '请填写姓名', { 'intro.name': '必填' }))
    const hook = await renderHook(() => useAction(withdrawApplication))
    let result: unknown = 'unset'
    await hook.act(async () => {
      result = await hook.current.run({ groupId: 'g1' })
    })
    expect(result).toBeUndefined()
    expect(hook.current.error).toBe('请填写姓名')
    expect(hook.current.fields).toEqual({ 'intro.name': '必填' })
    hook.unmount()
  })

  it('sends once on a double tap', async () => {
    send.mockResolvedValue(ok({}))
    const hook = await renderHook(() => useAction(withdrawApplication))
    await hook.act(() => Promise.all([hook.current.run({ groupId: 'g1' }), hook.current.run({ groupId: 'g1' })]))
    expect(send).toHaveBeenCalledTimes(1)
    hook.unmount()
  })
})

describe('usePagedAction', () => {
  it('appends the next page on loadMore until next is null', async () => {
    send
      .mockResolvedValueOnce(ok({ pinned: [], items: ['a', 'b'], next: 2, canManage: false, timezone: 'Asia/Shanghai' }))
      .mockResolvedValueOnce(ok({ pinned: [], items: ['c'], next: null, canManage: false, timezone: 'Asia/Shanghai' }))
    const hook = await renderHook(() => usePagedAction(listAnnouncements, { groupId: 'g1' }))
    expect(hook.current.items).toEqual(['a', 'b'])
    expect(hook.current.hasMore).toBe(true)
    await hook.act(() => hook.current.loadMore())
    expect(send).toHaveBeenLastCalledWith('board', { action: listAnnouncements.action, input: { groupId: 'g1', cursor: 2 } })
    expect(hook.current.items).toEqual(['a', 'b', 'c'])
    expect(hook.current.hasMore).toBe(false)
    hook.unmount()
  })

  it('pages the inbox and starts over on reload', async () => {
    send
      .mockResolvedValueOnce(ok({ items: [1, 2], next: 2, unread: 0 }))
      .mockResolvedValueOnce(ok({ items: [3], next: null, unread: 0 }))
      .mockResolvedValueOnce(ok({ items: [9], next: null, unread: 0 }))
    const hook = await renderHook(() => usePagedAction(listInbox, {}))
    await hook.act(() => hook.current.loadMore())
    expect(send).toHaveBeenLastCalledWith('inbox', { action: listInbox.action, input: { cursor: 2 } })
    expect(hook.current.items).toEqual([1, 2, 3])
    await hook.act(() => hook.current.reload())
    expect(hook.current.items).toEqual([9])
    expect(hook.current.hasMore).toBe(false)
    hook.unmount()
  })
})
