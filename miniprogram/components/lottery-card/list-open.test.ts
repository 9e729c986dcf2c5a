import { listLotteries } from '../../../contracts/lottery'
import { LIST_LOTTERIES } from './list-open'

describe('the lottery card’s contract reference', () => {
  it('names the same function and action as the contract', () => {
    expect({ fn: LIST_LOTTERIES.fn, action: LIST_LOTTERIES.action }).toEqual({ fn: listLotteries.fn, action: listLotteries.action })
  })
})
