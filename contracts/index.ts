/** Every action contract, grouped by cloud function. */
export * from './define'
export * from './group'
export * from './setup'
