/**
 * @jest-environment jsdom
 */
import { ApiError } from '../api/client'
import { uploadCheckinPhoto } from '../api/upload-photo'
import { chooseImage } from '../platform/choose-image'
import { renderHook } from './render-hook'
import { usePhotoUpload } from './use-photo-upload'

jest.mock('../api/upload-photo', () => ({ uploadCheckinPhoto: jest.fn() }))
jest.mock('../platform/choose-image', () => ({ chooseImage: jest.fn() }))

const choose = chooseImage as jest.Mock
const upload = uploadCheckinPhoto as jest.Mock
const where = { groupId: 'g1', pathPrefix: 'checkins/g1/2026-11-23/abc-' }

beforeEach(() => {
  choose.mockReset()
  upload.mockReset()
})

describe('usePhotoUpload', () => {
  it('picks with the asked size and uploads to the destination', async () => {
    choose.mockResolvedValue('/tmp/a.jpg')
    upload.mockResolvedValue('local:a.jpg')
    const hook = await renderHook(() => usePhotoUpload(where, { sizeType: 'original', failedText: '上传失败' }))
    let picked: unknown
    await hook.act(async () => {
      picked = await hook.current.pick()
    })
    expect(choose).toHaveBeenCalledWith({ sizeType: 'original' })
    expect(upload).toHaveBeenCalledWith('/tmp/a.jpg', where)
    expect(picked).toEqual({ photoId: 'local:a.jpg', path: '/tmp/a.jpg' })
    expect(hook.current.uploading).toBe(false)
    expect(hook.current.error).toBe('')
  })

  it('treats a cancelled pick as nothing, without an error or an upload', async () => {
    choose.mockRejectedValue(new Error('chooseImage:fail cancel'))
    const hook = await renderHook(() => usePhotoUpload(where, { sizeType: 'compressed', failedText: '上传失败' }))
    let picked: unknown = 'unset'
    await hook.act(async () => {
      picked = await hook.current.pick()
    })
    expect(picked).toBeNull()
    expect(upload).not.toHaveBeenCalled()
    expect(hook.current.error).toBe('')
  })

  it("shows the server's message, else the given text, when the upload fails", async () => {
    choose.mockResolvedValue('/tmp/a.jpg')
    upload.mockRejectedValueOnce(new ApiError('RATE_LIMITED', '今天上传的照片太多了'))
    const hook = await renderHook(() => usePhotoUpload(where, { sizeType: 'compressed', failedText: '照片上传失败' }))
    await hook.act(() => hook.current.pick())
    expect(hook.current.error).toBe('今天上传的照片太多了')
    upload.mockRejectedValueOnce(new Error('network down'))
    await hook.act(() => hook.current.pick())
    expect(hook.current.error).toBe('照片上传失败')
    expect(hook.current.uploading).toBe(false)
  })
})
