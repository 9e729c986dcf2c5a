/**
 * @jest-environment jsdom
 */
/**
 * The viewer rendered with react-dom in jsdom, `@tarojs/components` standing in as plain elements (View → div,
 * Image → img, Text → span, passing the props the viewer sets). The real build's look is checked in the
 * browser (test/e2e/image-viewer.e2e.test.ts).
 */
import { act, createElement, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import ImageViewer from '.'
import { SWIPE_MIN_PX } from './utils'

jest.mock('./index.scss', () => ({}))
jest.mock('@tarojs/components', () => {
  const { createElement: h } = jest.requireActual('react')
  type Props = { children?: ReactNode; className?: string; id?: string; src?: string; onClick?: () => void; onTouchStart?: unknown; onTouchEnd?: unknown; [key: string]: unknown }
  const pass = (tag: string) => ({ children, className, id, src, onClick, onTouchStart, onTouchEnd, ...rest }: Props) =>
    h(tag, { className, id, src, onClick, onTouchStart, onTouchEnd, 'data-index': rest['data-index'] }, children)
  return { View: pass('div'), Image: pass('img'), Text: pass('span') }
})

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let host: HTMLElement
const onClose = jest.fn()

async function open(urls: string[], current?: string) {
  host = document.createElement('div')
  document.body.appendChild(host)
  root = createRoot(host)
  await act(async () => root.render(createElement(ImageViewer, { urls, current, onClose })))
}

const byId = (id: string) => host.querySelector<HTMLElement>(`#${id}`)
const shown = () => byId('image-viewer-image')?.getAttribute('src')
const click = (id: string) => act(async () => byId(id)!.dispatchEvent(new MouseEvent('click', { bubbles: true })))

function touch(type: 'touchstart' | 'touchend', x: number, y: number) {
  const event = new Event(type, { bubbles: true }) as Event & { touches: unknown; changedTouches: unknown }
  const point = [{ clientX: x, clientY: y }]
  Object.assign(event, { touches: type === 'touchstart' ? point : [], changedTouches: point })
  return act(async () => byId('image-viewer')!.dispatchEvent(event))
}

beforeEach(() => onClose.mockReset())
afterEach(async () => {
  await act(async () => root.unmount())
  host.remove()
})

describe('ImageViewer', () => {
  it('shows one image full screen and closes on a tap, without arrows or a count', async () => {
    await open(['/photos/a.png'], '/photos/a.png')
    expect(shown()).toBe('/photos/a.png')
    expect(byId('image-viewer-prev')).toBeNull()
    expect(byId('image-viewer-next')).toBeNull()
    expect(byId('image-viewer-count')).toBeNull()
    await click('image-viewer-image')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('opens on the tapped image and steps with the arrows, which do not close it', async () => {
    await open(['a.png', 'b.png', 'c.png'], 'b.png')
    expect(shown()).toBe('b.png')
    expect(byId('image-viewer-count')!.textContent).toBe('2 / 3')
    await click('image-viewer-next')
    expect(shown()).toBe('c.png')
    expect(byId('image-viewer-count')!.textContent).toBe('3 / 3')
    expect(byId('image-viewer-next')).toBeNull()
    await click('image-viewer-prev')
    await click('image-viewer-prev')
    expect(shown()).toBe('a.png')
    expect(byId('image-viewer-prev')).toBeNull()
    expect(onClose).not.toHaveBeenCalled()
  })

  it('goes to the next image on a swipe to the left and back on a swipe to the right; a swipe is not a tap', async () => {
    await open(['a.png', 'b.png'])
    expect(shown()).toBe('a.png')
    await touch('touchstart', 300, 400)
    await touch('touchend', 300 - SWIPE_MIN_PX - 10, 405)
    expect(shown()).toBe('b.png')
    await click('image-viewer') // the click a browser may send after the swipe
    expect(onClose).not.toHaveBeenCalled()
    await touch('touchstart', 100, 400)
    await touch('touchend', 100 + SWIPE_MIN_PX + 10, 400)
    expect(shown()).toBe('a.png')
    // A browser that sends no click after a swipe: a tap a moment later still closes.
    const later = Date.now() + 1000
    jest.spyOn(Date, 'now').mockReturnValue(later)
    await touch('touchstart', 100, 400)
    await touch('touchend', 102, 401)
    await click('image-viewer')
    jest.restoreAllMocks()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('answers the keyboard: arrows step, Escape closes', async () => {
    await open(['a.png', 'b.png'])
    await act(async () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })))
    expect(shown()).toBe('b.png')
    await act(async () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' })))
    expect(shown()).toBe('a.png')
    await act(async () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('shows a current image that is not among the urls', async () => {
    await open(['a.png'], 'z.png')
    expect(shown()).toBe('z.png')
    expect(byId('image-viewer-count')!.textContent).toBe('2 / 2')
  })
})
