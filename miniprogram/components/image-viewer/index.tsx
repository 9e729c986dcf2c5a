/**
 * A full-screen image viewer: one image at a time, fitted to the screen on black; tap anywhere (or ×, or
 * Escape) to close; with several images, swipe or the ‹ › arrows (or the arrow keys) go between them, with
 * 「2 / 5」 at the bottom. The H5 build's `previewImage` (platform/preview-image.h5.ts) mounts it; WeChat has
 * its own viewer. See README.md.
 */
import { useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { startIndex, stepIndex, swipeStep, viewerImages } from './utils'
import './index.scss'

export interface ImageViewerProps {
  urls: ReadonlyArray<string | null | undefined>
  /** The image shown first (one of `urls`); the first when absent or not among them. */
  current?: string
  onClose: () => void
}

/** How long after a swipe a click is taken as the swipe's own (a browser's synthetic click), not a tap. */
const CLICK_AFTER_SWIPE_MS = 500

type Tap = { stopPropagation: () => void }
type Point = { clientX: number; clientY: number }
/** A touch event as both builds deliver it (its touch lists are array-like). */
type Touches = { type: string; touches?: unknown; changedTouches?: unknown }
const firstOf = (list: unknown): Point | undefined => (list as ArrayLike<Point> | undefined)?.[0]

export default function ImageViewer({ urls, current, onClose }: ImageViewerProps) {
  const images = viewerImages(current ? [...urls, current] : urls)
  const [index, setIndex] = useState(() => startIndex(images, current))
  const start = useRef<{ x: number; y: number } | null>(null)
  const swipedAt = useRef(0)
  const count = images.length
  const go = (delta: number) => setIndex((at) => stepIndex(at, delta, count))

  useEffect(() => {
    if (typeof document === 'undefined') return undefined
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
      else if (event.key === 'ArrowLeft') go(-1)
      else if (event.key === 'ArrowRight') go(1)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [count, onClose])

  const onTouchStart = (event: Touches) => {
    const touch = firstOf(event.touches)
    start.current = touch ? { x: touch.clientX, y: touch.clientY } : null
  }
  const onTouchEnd = (event: Touches) => {
    const touch = firstOf(event.changedTouches)
    if (!start.current || !touch) return
    const step = swipeStep(touch.clientX - start.current.x, touch.clientY - start.current.y)
    start.current = null
    if (step === 0) return
    swipedAt.current = Date.now()
    go(step)
  }
  const onTap = () => {
    // A swipe is not a tap: the click some browsers still send right after it must not close the viewer.
    if (Date.now() - swipedAt.current < CLICK_AFTER_SWIPE_MS) return
    onClose()
  }
  const arrow = (delta: number) => (event: Tap) => {
    event.stopPropagation()
    go(delta)
  }

  return (
    <View id="image-viewer" className="image-viewer" data-index={index} catchMove onClick={onTap} onTouchStart={onTouchStart} onTouchEnd={onTouchEnd}>
      {count > 0 && <Image id="image-viewer-image" className="image-viewer__image" src={images[index]} mode="scaleToFill" />}
      <Text id="image-viewer-close" className="image-viewer__close">
        ×
      </Text>
      {count > 1 && index > 0 && (
        <View id="image-viewer-prev" className="image-viewer__arrow is-prev" onClick={arrow(-1)}>
          <Text>‹</Text>
        </View>
      )}
      {count > 1 && index < count - 1 && (
        <View id="image-viewer-next" className="image-viewer__arrow is-next" onClick={arrow(1)}>
          <Text>›</Text>
        </View>
      )}
      {count > 1 && (
        <Text id="image-viewer-count" className="image-viewer__count">
          {`${index + 1} / ${count}`}
        </Text>
      )}
    </View>
  )
}
