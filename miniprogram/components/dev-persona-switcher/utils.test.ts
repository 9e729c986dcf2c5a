import type { DevSession } from '../../api/dev-session'
import { personaButtonId, personaLabel, shouldShowPersonaSwitcher } from './utils'

const devSession: DevSession = {
  devMode: true,
  personas: [{ key: 'admin', openid: 'o_demo_admin', label: { zh: '管理员', en: 'Admin' } }],
  demoGroupId: 'demo-reading',
}

describe('shouldShowPersonaSwitcher', () => {
  it('shows in the H5 build when the dev session is in dev mode', () => {
    expect(shouldShowPersonaSwitcher('h5', devSession)).toBe(true)
  })

  it('never shows in the WeChat build', () => {
    expect(shouldShowPersonaSwitcher('weapp', devSession)).toBe(false)
  })

  it('hides outside dev mode or without personas', () => {
    expect(shouldShowPersonaSwitcher('h5', { ...devSession, devMode: false })).toBe(false)
    expect(shouldShowPersonaSwitcher('h5', { ...devSession, personas: [] })).toBe(false)
  })
})

describe('persona buttons', () => {
  it('are named persona-<key>', () => {
    expect(personaButtonId('visitor')).toBe('persona-visitor')
  })

  it('are labelled from i18n, falling back to the label the session sent', () => {
    expect(personaLabel({ key: 'visitor', openid: 'o1', label: { zh: '访客', en: 'Visitor' } })).toBe('新访客')
    expect(personaLabel({ key: 'auditor', openid: 'o2', label: { zh: '审计员', en: 'Auditor' } })).toBe('审计员')
  })
})
