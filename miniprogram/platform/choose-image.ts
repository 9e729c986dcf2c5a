/**
 * Pick one image from the album or the camera, per build: resolves with a path the upload takes
 * (api/upload-photo.ts), rejects when the person cancels. Taro resolves `./choose-image` to
 * `choose-image.weapp.ts` in the WeChat build (`wx.chooseImage`) and to `choose-image.h5.ts` in the H5 build
 * (a file input: the phone's browser offers the camera or the album itself; Taro's H5 `chooseImage` asks with
 * its own action sheet and brings a browser-detection library, platform.js, ~20 KiB in all). This file is what
 * TypeScript and jest see: the WeChat build's.
 */
export type { ChooseImageRequest } from './choose-image-types'
export { chooseImage } from './choose-image.weapp'
