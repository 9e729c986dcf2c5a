/**
 * The slice of `react-dom/client` the hook tests use to render into jsdom (the project has no
 * @types/react-dom: Taro renders with its own reconciler, so only tests touch react-dom).
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react'

  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }

  export function createRoot(container: Element): Root
}
