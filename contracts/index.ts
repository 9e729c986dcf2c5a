/** Every action contract, grouped by cloud function. */
export * from './define'
export * from './group'
export * from './setup'
export * from './admission'
export * from './members'
export * from './inbox'
export * from './board'
export * from './checkin'
