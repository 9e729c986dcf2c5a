import type { LotterySummary } from '../../../contracts/lottery'
import { featured, lotteriesUrl, lotteryUrl, phaseTagType, phaseText, prizeLine } from './utils'

const summary = (id: string, phase: LotterySummary['phase']): LotterySummary => ({
  id,
  title: id,
  phase,
  firstPrize: '《活着》签名本',
  totalPrizes: 3,
  opensAt: '2026-11-20T00:00:00.000Z',
  closesAt: '2026-11-30T12:00:00.000Z',
  drawRule: { kind: 'manual' },
  entrantCount: null,
  drawnAt: null,
  createdAt: '2026-11-20T00:00:00.000Z',
})

describe('lottery card texts', () => {
  it('names the prizes, singular or with the total', () => {
    expect(prizeLine({ firstPrize: '《活着》签名本', totalPrizes: 3 })).toBe('《活着》签名本 等 3 份奖品')
    expect(prizeLine({ firstPrize: '书签', totalPrizes: 1 })).toBe('书签')
  })

  it('features the lottery that takes entries, else the newest, else none', () => {
    expect(featured([summary('a', 'upcoming'), summary('b', 'open')])?.id).toBe('b')
    expect(featured([summary('a', 'closed'), summary('b', 'drawing')])?.id).toBe('a')
    expect(featured([])).toBeNull()
  })

  it('tags each phase in Chinese and links into the lottery subpackage', () => {
    expect(phaseText('open')).toBe('进行中')
    expect(phaseText('cancelled')).toBe('已取消')
    expect(phaseTagType('open')).toBe('success')
    expect(phaseTagType('cancelled')).toBe('danger')
    expect(lotteryUrl('lot_1')).toBe('/packages/lottery/pages/lottery/index?id=lot_1')
    expect(lotteriesUrl('g1')).toBe('/packages/lottery/pages/list/index?id=g1')
  })
})
