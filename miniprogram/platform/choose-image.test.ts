/**
 * @jest-environment jsdom
 */
/**
 * Both builds' `chooseImage`: WeChat's asks `Taro.chooseImage` (wx.chooseImage) for one image; H5's opens a file
 * input and answers the chosen file as a blob: URL, or rejects when the person cancels.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { chooseImage: jest.fn(async () => ({ tempFilePaths: ['wxfile://tmp/a.jpg'] })) } }))

import Taro from '@tarojs/taro'
import { chooseImage as chooseH5 } from './choose-image.h5'
import { chooseImage as chooseWeapp } from './choose-image.weapp'

const inputs = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[type="file"]'))

/** Stand in for the person choosing `files` in the input the picker opened. */
function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
}

beforeAll(() => {
  ;(URL as unknown as { createObjectURL: (file: File) => string }).createObjectURL = (file: File) => `blob:local/${file.name}`
})

describe('chooseImage, WeChat build', () => {
  it('asks WeChat for one image from the album or the camera, in the size asked for', async () => {
    expect(await chooseWeapp({ sizeType: 'original' })).toBe('wxfile://tmp/a.jpg')
    expect(Taro.chooseImage).toHaveBeenCalledWith({ count: 1, sizeType: ['original'], sourceType: ['album', 'camera'] })
  })
})

describe('chooseImage, H5 build', () => {
  it('opens an image file input and answers the chosen file as a blob: URL', async () => {
    const clicked = jest.spyOn(HTMLInputElement.prototype, 'click')
    const chosen = chooseH5({ sizeType: 'compressed' })
    const [input] = inputs()
    expect(input.accept).toBe('image/*')
    expect(input.multiple).toBe(false)
    expect(clicked).toHaveBeenCalledTimes(1)
    choose(input, [new File(['x'], 'photo.png', { type: 'image/png' })])
    await expect(chosen).resolves.toBe('blob:local/photo.png')
    expect(inputs()).toHaveLength(0)
    clicked.mockRestore()
  })

  it('rejects when the person cancels, and leaves no input behind', async () => {
    const chosen = chooseH5({ sizeType: 'compressed' })
    inputs()[0].dispatchEvent(new Event('cancel'))
    await expect(chosen).rejects.toThrow('cancel')
    expect(inputs()).toHaveLength(0)
  })

  it('keeps one input when a browser sent no cancel for the last one', async () => {
    void chooseH5({ sizeType: 'compressed' })
    const second = chooseH5({ sizeType: 'original' })
    expect(inputs()).toHaveLength(1)
    choose(inputs()[0], [new File(['y'], 'qr.png', { type: 'image/png' })])
    await expect(second).resolves.toBe('blob:local/qr.png')
  })
})
