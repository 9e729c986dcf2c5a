import { appButtonClass } from './utils'

describe('app button classes', () => {
  it('fills primary and danger buttons, outlines default ones, unless told otherwise', () => {
    expect(appButtonClass({ type: 'primary' })).toBe('app-button app-button--primary app-button--solid')
    expect(appButtonClass({ type: 'danger' })).toBe('app-button app-button--danger app-button--solid')
    expect(appButtonClass({})).toBe('app-button app-button--default app-button--outline')
    expect(appButtonClass({ type: 'primary', fill: 'outline' })).toBe('app-button app-button--primary app-button--outline')
  })

  it('adds the size (normal has none), the full width, the inactive state and the caller’s class', () => {
    expect(appButtonClass({ type: 'primary', size: 'large', block: true })).toBe('app-button app-button--primary app-button--solid app-button--large app-button--block')
    expect(appButtonClass({ size: 'small', inactive: true, className: 'x' })).toBe('app-button app-button--default app-button--outline app-button--small is-inactive x')
  })
})
