/**
 * Pick one image from the album or the camera, per build: resolves with a path the upload takes
 * (api/upload-photo.ts), rejects when the person cancels. Taro resolves `./choose-image` to
 * `choose-image.weapp.ts` in the WeChat build (`wx.chooseImage`) and to `choose-image.h5.ts` in the H5 build
 * (a file input: the phone's browser offers the camera or the album itself; Taro's H5 `chooseImage` asks with
 * its own action sheet and brings a browser-detection library, platform.js, ~20 KiB in all). This file is what
 * TypeScript and jest see; it does what the WeChat build does.
 */
import Taro from '@tarojs/taro'
import type { ChooseImageRequest } from './choose-image-types'

export type { ChooseImageRequest } from './choose-image-types'

export async function chooseImage({ sizeType }: ChooseImageRequest): Promise<string> {
  return (await Taro.chooseImage({ count: 1, sizeType: [sizeType], sourceType: ['album', 'camera'] })).tempFilePaths[0]
}
