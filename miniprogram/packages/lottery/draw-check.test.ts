import { drawRound, entrantsDigest, newSeedCommitment, verifyDraw, type DrawEntrant, type PublishedDraw } from '../../../domain/lottery-draw'
import { checkRows } from './draw-check'

const SEED = 'ab'.repeat(32)
const entrants: DrawEntrant[] = ['e1', 'e2', 'e3', 'e4'].map((entryId, i) => ({ entryId, maskedName: `张*${i}`, tickets: i + 1, nonce: String(i).repeat(32) }))

function honestDraw(): PublishedDraw {
  const digest = entrantsDigest(entrants)
  const tiers = [{ tierId: 't1', name: '书', quantity: 1 }]
  const round0 = drawRound({ seed: SEED, digest, round: 0, entrants, tiers })
  const round1 = drawRound({ seed: SEED, digest, round: 1, entrants, tiers, exclude: round0.winners.flatMap((w) => w.entryIds) })
  return { version: 1, lotteryId: 'lot_x', commitment: newSeedCommitment(SEED), seed: SEED, entrants, digest, rounds: [round0, round1] }
}

const ticks = (draw: PublishedDraw) => checkRows(draw, verifyDraw(draw)).map((row) => `${row.label}${row.ok ? '✓' : '✗'}`)

describe('checkRows', () => {
  it('shows every check passing for an honest draw', () => {
    expect(ticks(honestDraw())).toEqual(['承诺值（种子的 SHA-256）✓', '参与名单摘要✓', '开奖的中奖名单✓', '第 1 次补抽的中奖名单✓'])
  })

  it('marks the round whose winners were changed, and only it', () => {
    const draw = honestDraw()
    const other = entrants.find((e) => !draw.rounds.flatMap((r) => r.winners.flatMap((w) => w.entryIds)).includes(e.entryId))!
    draw.rounds[1].winners[0].entryIds = [other.entryId]
    expect(ticks(draw)).toEqual(['承诺值（种子的 SHA-256）✓', '参与名单摘要✓', '开奖的中奖名单✓', '第 1 次补抽的中奖名单✗'])
  })

  it('fails the commitment for another seed, and the digest for a changed ticket count', () => {
    expect(ticks({ ...honestDraw(), commitment: newSeedCommitment('cd'.repeat(32)) })[0]).toBe('承诺值（种子的 SHA-256）✗')
    const tampered = honestDraw()
    tampered.entrants = tampered.entrants.map((e, i) => (i === 0 ? { ...e, tickets: e.tickets + 1 } : e))
    expect(ticks(tampered)[1]).toBe('参与名单摘要✗')
  })
})
