/**
 * H5 build (picked by Taro for `./preview-image`): `components/image-viewer` in a root of its own over the
 * page, removed when closed or when the route changes (as Taro's own H5 preview does). One viewer at a time.
 * See preview-image.ts.
 */
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import Taro from '@tarojs/taro'
import ImageViewer from '../components/image-viewer'
import type { PreviewRequest } from './preview-image-types'

/** Closes the viewer that is open, if any. */
let closeOpen: (() => void) | null = null

export function previewImage({ urls, current }: PreviewRequest): void {
  closeOpen?.()
  const container = document.createElement('div')
  container.className = 'image-viewer-root'
  document.body.appendChild(container)
  const root = createRoot(container)
  const close = () => {
    if (closeOpen !== close) return
    closeOpen = null
    Taro.eventCenter.off('__taroRouterChange', close)
    // Not from inside the viewer's own event handler: React unmounts a root after it has finished with it.
    setTimeout(() => {
      root.unmount()
      container.remove()
    }, 0)
  }
  closeOpen = close
  Taro.eventCenter.on('__taroRouterChange', close)
  root.render(createElement(ImageViewer, { urls, current, onClose: close }))
}
