/**
 * The card's one call, `lottery.list`, named by function and action and typed by the contract. The card is
 * in the main package; importing `contracts/lottery.ts` itself would bring the draw algorithm (the contract
 * takes its nonce pattern from `domain/lottery-draw.ts`) and its SHA-256 code into every visitor's download.
 * The client sends only `fn` and `action` (the server validates the input), and `list-open.test.ts` holds
 * these equal to the contract's.
 */
import type { listLotteries } from '../../../contracts/lottery'

export const LIST_LOTTERIES = { fn: 'lottery', action: 'list' } as unknown as typeof listLotteries
