/**
 * Test helper: render a hook in jsdom with react-dom (what @testing-library's renderHook does), so the
 * hooks' tests drive them through real React state and effects. Only the hooks' *.test.ts import it.
 *
 * @example
 *   const hook = renderHook(() => useAction(withdrawApplication))
 *   await hook.act(() => hook.current.run({ groupId: 'g1' }))
 */
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'

// React warns unless it knows act() is available (what test renderers set).
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface RenderedHook<T> {
  readonly current: T
  /** Run something that changes state, and let React settle (effects, resolved promises). */
  act(callback?: () => unknown): Promise<void>
  rerender(): Promise<void>
  unmount(): void
}

export async function renderHook<T>(useHook: () => T): Promise<RenderedHook<T>> {
  let latest: { value: T } | null = null
  function Probe() {
    latest = { value: useHook() }
    return null
  }
  const root = createRoot(document.createElement('div'))
  const settle = async (callback?: () => unknown) => {
    await act(async () => {
      await callback?.()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
  }
  await settle(() => root.render(createElement(Probe)))
  return {
    get current() {
      if (!latest) throw new Error('the hook has not rendered')
      return latest.value
    },
    act: settle,
    rerender: () => settle(() => root.render(createElement(Probe))),
    unmount: () => act(() => root.unmount()),
  }
}
