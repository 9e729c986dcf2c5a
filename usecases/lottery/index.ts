/** Lottery use cases (the `lottery` function): create, enter, draw, claims, reads, the timer. */
export * from './create'
export * from './enter'
export * from './draw'
export * from './read'
export * from './claims'
export * from './timer'
export { type LotteryServices } from './shared'
