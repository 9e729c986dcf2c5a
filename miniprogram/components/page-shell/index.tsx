/**
 * Every page's outer box: the page's class (`page <name>`) and, in the H5 build only, the dev persona
 * switcher above the content — mounted here once instead of on each page. In the WeChat build the
 * switcher and its hook are dropped at build time. See README.md.
 */
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useDevPersona } from '../../hooks/use-dev-persona'
import DevPersonaSwitcher from '../dev-persona-switcher'
import { pageClassName } from './utils'

export interface PageShellProps {
  /** The page's own class, e.g. `group-page`. */
  name: string
}

export default function PageShell({ name, children }: PropsWithChildren<PageShellProps>) {
  return (
    <View className={pageClassName(name)}>
      {process.env.TARO_ENV === 'h5' && <DevPersonaBar />}
      {children}
    </View>
  )
}

function DevPersonaBar() {
  const { session, personaKey, choosePersona } = useDevPersona()
  return <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
}
