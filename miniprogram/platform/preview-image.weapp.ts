/** WeChat build (picked by Taro for `./preview-image`): WeChat's own full-screen viewer. See preview-image.ts. */
import Taro from '@tarojs/taro'
import type { PreviewRequest } from './preview-image-types'

export function previewImage({ urls, current }: PreviewRequest): void {
  // Closing the viewer is not a failure the page needs to hear about.
  Taro.previewImage({ urls: [...urls], current }).catch(() => undefined)
}
