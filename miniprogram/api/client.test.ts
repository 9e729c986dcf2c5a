import { getGroupProfile } from '../../contracts/group'
import { ApiError, callAction, errorMessage } from './client'
import { transport } from './transport'

jest.mock('./transport', () => ({ transport: { send: jest.fn(), uploadCheckinPhoto: jest.fn() } }))

const send = transport.send as jest.Mock

describe('callAction', () => {
  beforeEach(() => send.mockReset())

  it('sends { action, input } to the contract function through the build transport and returns data', async () => {
    send.mockResolvedValue({ ok: true, data: { id: 'g1' } })
    await expect(callAction(getGroupProfile, { groupId: 'g1' })).resolves.toEqual({ id: 'g1' })
    expect(send).toHaveBeenCalledWith('group', { action: getGroupProfile.action, input: { groupId: 'g1' } })
  })

  it('throws the server failure as an ApiError with its fields', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: '无权限', fields: { a: 'b' } } })
    const failure = await callAction(getGroupProfile, { groupId: 'g1' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'FORBIDDEN', message: '无权限', fields: { a: 'b' } })
  })

  it('turns a transport failure or an unreadable answer into a network error', async () => {
    send.mockRejectedValue(new Error('offline'))
    await expect(callAction(getGroupProfile, { groupId: 'g1' })).rejects.toMatchObject({ code: 'INTERNAL' })
    send.mockResolvedValue('<html>')
    await expect(callAction(getGroupProfile, { groupId: 'g1' })).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})

describe('errorMessage', () => {
  it("is the server's message for an ApiError and the generic one otherwise", () => {
    expect(errorMessage(new ApiError('CONFLICT', '已满'))).toBe('已满')
    expect(errorMessage(new Error('boom'))).not.toBe('boom')
  })
})
