import { addTier, formProblem, initialForm, newRequestId, toCreateInput } from './form'
import { REQUEST_ID_PATTERN } from '../../../../../contracts/lottery'

const NOW = new Date('2026-11-23T02:00:00.000Z') // 10:00 in Shanghai
const WHERE = { groupId: 'g1', requestId: 'req_abcdefgh', timezone: 'Asia/Shanghai' }

describe('lottery create form', () => {
  it('starts with a week ending 20:00 local, drawn then, and sends the pickers as instants in the group’s timezone', () => {
    const form = { ...initialForm(NOW, 'Asia/Shanghai'), title: '坚持打卡抽好书' }
    form.tiers[0].name = '《活着》签名本'
    const input = toCreateInput(form, WHERE)
    expect(input.closesAt).toBe('2026-11-30T12:00:00.000Z')
    expect(input.drawRule).toEqual({ kind: 'time', drawAt: '2026-11-30T12:00:00.000Z' })
    expect(input).not.toHaveProperty('opensAt')
    expect(input.eligibility).toEqual({ minCheckins: 0, period: null, joinedBefore: null })
    expect(input.weighting).toBeNull()
    expect(input.prizes).toEqual([{ name: '《活着》签名本', quantity: 1 }])
  })

  it('sends the check-in period when weighting or a minimum needs it, and the cap', () => {
    const form = { ...initialForm(NOW, 'Asia/Shanghai'), weighted: true, maxTickets: 3, minCheckins: '2', ruleKind: 'count' as const, count: '30', joinedBeforeOn: true }
    const input = toCreateInput(form, WHERE)
    expect(input.eligibility).toEqual({ minCheckins: 2, period: { from: '2026-11-23', to: '2026-11-30' }, joinedBefore: '2026-11-23' })
    expect(input.weighting).toEqual({ maxTickets: 3 })
    expect(input.drawRule).toEqual({ kind: 'count', count: 30 })
  })

  it('sends a tier’s picture only when one was uploaded', () => {
    const form = initialForm(NOW, 'Asia/Shanghai')
    expect(form.tiers[0].imageId).toBeNull()
    const tiers = addTier(form.tiers).map((tier, index) => ({ ...tier, name: `奖品${index + 1}`, imageId: index === 1 ? 'local:0123456789abcdef0123456789abcdef.png' : null }))
    const input = toCreateInput({ ...form, tiers }, WHERE)
    expect(input.prizes).toEqual([
      { name: '奖品1', quantity: 1 },
      { name: '奖品2', quantity: 1, imageId: 'local:0123456789abcdef0123456789abcdef.png' },
    ])
  })

  it('adds tiers with fresh keys up to the limit, and says what is wrong before sending', () => {
    let tiers = initialForm(NOW, 'Asia/Shanghai').tiers
    for (let i = 0; i < 12; i++) tiers = addTier(tiers)
    expect(tiers).toHaveLength(10)
    expect(new Set(tiers.map((tier) => tier.key)).size).toBe(10)
    const form = initialForm(NOW, 'Asia/Shanghai')
    expect(formProblem(form)).toBe('lotteryCreate.noName')
    form.tiers[0].name = '书'
    expect(formProblem({ ...form, claimDays: '七' })).toBe('lotteryCreate.badNumber')
    expect(formProblem(form)).toBeNull()
  })

  it('makes request ids the contract accepts, different per opening', () => {
    const a = newRequestId()
    expect(a).toMatch(REQUEST_ID_PATTERN)
    expect(newRequestId()).not.toBe(a)
  })
})
