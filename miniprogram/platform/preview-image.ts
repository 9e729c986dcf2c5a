/**
 * Full-screen preview of images (a tapped photo, a QR code), per build. Taro resolves
 * `import { previewImage } from '…/platform/preview-image'` to `preview-image.weapp.ts` in the WeChat build
 * (WeChat's own viewer, `wx.previewImage`: swipe, zoom, long-press to save or scan) and to
 * `preview-image.h5.ts` in the H5 build (our small viewer, `components/image-viewer`: Taro's H5
 * `previewImage` would bring its whole Swiper bundle, ~190 KiB, into the app). This file is what TypeScript
 * and jest see: the WeChat build's.
 */
export type { PreviewRequest } from './preview-image-types'
export { previewImage } from './preview-image.weapp'
