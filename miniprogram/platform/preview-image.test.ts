/**
 * @jest-environment jsdom
 */
/**
 * Both builds' `previewImage`: WeChat's hands the request to `Taro.previewImage` (wx.previewImage); H5's mounts
 * components/image-viewer over the page and takes it away on close or on a route change.
 */
import { act } from 'react'

jest.mock('../components/image-viewer/index.scss', () => ({}))
jest.mock('@tarojs/components', () => {
  const { createElement: h } = jest.requireActual('react')
  const pass = (tag: string) => ({ children, id, src, onClick }: { children?: unknown; id?: string; src?: string; onClick?: () => void }) => h(tag, { id, src, onClick }, children)
  return { View: pass('div'), Image: pass('img'), Text: pass('span') }
})
jest.mock('@tarojs/taro', () => {
  const handlers = new Map<string, Set<() => void>>()
  const eventCenter = {
    on: (name: string, handler: () => void) => handlers.set(name, (handlers.get(name) ?? new Set()).add(handler)),
    off: (name: string, handler: () => void) => handlers.get(name)?.delete(handler),
    trigger: (name: string) => [...(handlers.get(name) ?? [])].forEach((handler) => handler()),
    count: (name: string) => handlers.get(name)?.size ?? 0,
  }
  return { __esModule: true, default: { eventCenter, previewImage: jest.fn(() => Promise.reject(new Error('previewImage:fail cancel'))) } }
})

import Taro from '@tarojs/taro'
import { previewImage as previewH5 } from './preview-image.h5'
import { previewImage as previewWeapp } from './preview-image.weapp'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const events = Taro.eventCenter as unknown as { trigger(name: string): void; count(name: string): number }
const viewers = () => document.querySelectorAll('#image-viewer')
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 5)))

describe('previewImage, WeChat build', () => {
  it('asks WeChat’s viewer, and a closed viewer (a rejected call) is no error', async () => {
    previewWeapp({ current: 'b.png', urls: ['a.png', 'b.png'] })
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'b.png', urls: ['a.png', 'b.png'] })
    await settle()
  })
})

describe('previewImage, H5 build', () => {
  it('shows the tapped image over the page; a tap takes the viewer away', async () => {
    await act(async () => previewH5({ current: 'b.png', urls: ['a.png', 'b.png'] }))
    expect(viewers()).toHaveLength(1)
    expect(document.querySelector('#image-viewer-image')!.getAttribute('src')).toBe('b.png')
    await act(async () => document.querySelector('#image-viewer')!.dispatchEvent(new MouseEvent('click', { bubbles: true })))
    await settle()
    expect(viewers()).toHaveLength(0)
    expect(document.querySelectorAll('.image-viewer-root')).toHaveLength(0)
    expect(events.count('__taroRouterChange')).toBe(0)
  })

  it('closes when the route changes, and shows one viewer at a time', async () => {
    await act(async () => previewH5({ urls: ['a.png'] }))
    await act(async () => previewH5({ urls: ['c.png'] }))
    await settle()
    expect(viewers()).toHaveLength(1)
    expect(document.querySelector('#image-viewer-image')!.getAttribute('src')).toBe('c.png')
    expect(events.count('__taroRouterChange')).toBe(1)
    await act(async () => events.trigger('__taroRouterChange'))
    await settle()
    expect(viewers()).toHaveLength(0)
    expect(events.count('__taroRouterChange')).toBe(0)
  })
})
