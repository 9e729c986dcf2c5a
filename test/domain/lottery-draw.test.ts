/**
 * The verifiable draw (`domain/lottery-draw.ts`): the README's test vectors, an independent reference
 * implementation (node:crypto, BigInt, a plain scan — test-only tools the module may not use) that the module
 * must agree with on random inputs, the properties of a draw (no duplicates, fewer entrants than prizes,
 * redraw exclusions, order independence), the weights over thousands of deterministic seeds, and
 * verification failing with the right flag for every tampered field.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import * as draw from '../../domain/lottery-draw'
import {
  canonicalEntrants,
  canonicalEntrantsText,
  DrawStream,
  drawRound,
  entrantProblems,
  entrantsDigest,
  explainDraw,
  MAX_TICKETS,
  newSeedCommitment,
  roundRandomness,
  verifyDraw,
  winnersOf,
  type DrawEntrant,
  type DrawRound,
  type DrawTier,
  type PublishedDraw,
} from '../../domain/lottery-draw'
import { DomainError } from '../../domain/errors'
import { computeDrawVector, readDrawVectors } from '../support/draw-vectors'

// ————— an independent reference: the README's rule written the obvious way —————

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest()
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

function referenceDigest(entrants: DrawEntrant[]): Buffer {
  const sorted = [...entrants].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0))
  const text = 'shequn-lottery-entrants/v1\n' + sorted.map((e) => JSON.stringify([e.entryId, e.maskedName, e.tickets, e.nonce]) + '\n').join('')
  return sha(Buffer.from(text, 'utf8'))
}

function referenceRounds(seedHex: string, entrants: DrawEntrant[], tiersPerRound: DrawTier[][]): Array<Record<string, string[]>> {
  const seed = Buffer.from(seedHex, 'hex')
  const digest = referenceDigest(entrants)
  const sorted = [...entrants].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0))
  const won = new Set<string>()
  return tiersPerRound.map((tiers, k) => {
    const r = sha(Buffer.concat(k === 0 ? [seed, digest] : [seed, digest, u32(k)]))
    let block = 0
    const queue: bigint[] = []
    const next48 = (): bigint => {
      if (queue.length === 0) {
        const bytes = sha(Buffer.concat([r, u32(block++)]))
        for (let s = 0; s < 5; s += 1) queue.push(BigInt('0x' + bytes.subarray(6 * s, 6 * s + 6).toString('hex')))
      }
      return queue.shift() as bigint
    }
    const TWO48 = BigInt(2) ** BigInt(48)
    const uniform = (n: number): number => {
      const N = BigInt(n)
      const limit = TWO48 - (TWO48 % N)
      for (;;) {
        const x = next48()
        if (x < limit) return Number(x % N)
      }
    }
    const line = sorted.filter((e) => !won.has(e.entryId))
    const result: Record<string, string[]> = {}
    for (const tier of tiers) {
      result[tier.tierId] = []
      for (let q = 0; q < tier.quantity; q += 1) {
        const total = line.reduce((sum, e) => sum + e.tickets, 0)
        if (total === 0) break
        let u = uniform(total)
        const index = line.findIndex((e) => {
          if (u < e.tickets) return true
          u -= e.tickets
          return false
        })
        result[tier.tierId].push(line[index].entryId)
        line.splice(index, 1)
      }
    }
    for (const ids of Object.values(result)) ids.forEach((id) => won.add(id))
    return result
  })
}

// ————— helpers —————

const hex = (text: string, bytes: number) => sha(text).toString('hex').slice(0, bytes * 2)
const seedOf = (label: string | number) => sha(`seed:${label}`).toString('hex')

function entrant(i: number, tickets = 1 + (i % MAX_TICKETS)): DrawEntrant {
  return { entryId: `e${String(i).padStart(4, '0')}`, maskedName: `成员${i}`, tickets, nonce: hex(`nonce:${i}`, 16) }
}

const TIERS: DrawTier[] = [
  { tierId: 't1', name: '一等奖', quantity: 1 },
  { tierId: 't2', name: '二等奖', quantity: 3 },
  { tierId: 't3', name: '三等奖', quantity: 5 },
]

/** An honest draw: round 0 over TIERS, then a redraw of one first prize and two second prizes. */
function honestDraw(count = 40, seed = seedOf('honest')): PublishedDraw {
  const entrants = canonicalEntrants(Array.from({ length: count }, (_, i) => entrant(i)))
  const digest = entrantsDigest(entrants)
  const round0 = drawRound({ seed, digest, round: 0, entrants, tiers: TIERS })
  const round1 = drawRound({
    seed, digest, round: 1, entrants, exclude: winnersOf([round0]),
    tiers: [{ tierId: 't1', name: '一等奖', quantity: 1 }, { tierId: 't2', name: '二等奖', quantity: 2 }],
  })
  return { version: 1, lotteryId: 'L1', commitment: newSeedCommitment(seed), seed, entrants, digest, rounds: [round0, round1] }
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const flags = (v: { ok: boolean; commitment: boolean; digest: boolean; winners: boolean }) =>
  ({ ok: v.ok, commitment: v.commitment, digest: v.digest, winners: v.winners })

const entrantArb = (i: number) =>
  fc.record({
    maskedName: fc.string({ maxLength: 6, unit: 'grapheme' }),
    tickets: fc.integer({ min: 1, max: MAX_TICKETS }),
    nonce: fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('hex')),
  }).map((e) => ({ entryId: `id-${i}`, ...e }))

const listArb = fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entrantArb(i))))
const tiersArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }).map((qs) =>
  qs.map((quantity, i) => ({ tierId: `t${i + 1}`, name: `奖${i + 1}`, quantity })),
)
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'))

// ————— the tests —————

describe('the published test vectors', () => {
  const vectors = readDrawVectors()

  it('the README holds vectors, including a redraw and fewer entrants than prizes', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3)
    expect(vectors.some((v) => v.input.rounds.length > 1)).toBe(true)
    expect(vectors.some((v) => Object.values(v.expected.winners[0]).some((ids) => ids.length === 0))).toBe(true)
  })

  it.each(vectors.map((v) => [v.name, v] as const))('%s: the code gives exactly the printed results', (_name, vector) => {
    expect(computeDrawVector(draw, vector.input)).toEqual(vector.expected)
  })

  it.each(vectors.map((v) => [v.name, v] as const))('%s: the independent reference agrees', (_name, vector) => {
    const { seed, entrants, rounds } = vector.input
    expect(sha(Buffer.from(seed, 'hex')).toString('hex')).toBe(vector.expected.commitment)
    expect(referenceDigest(entrants).toString('hex')).toBe(vector.expected.digest)
    expect(sha(Buffer.concat([Buffer.from(seed, 'hex'), referenceDigest(entrants)])).toString('hex')).toBe(vector.expected.randomness[0])
    expect(referenceRounds(seed, entrants, rounds)).toEqual(vector.expected.winners)
  })

  it('a verification of each vector, published as the server would, passes', () => {
    for (const { input, expected } of vectors) {
      const entrants = canonicalEntrants(input.entrants)
      const rounds = input.rounds.map((tiers, round) => ({
        round, tiers, winners: tiers.map((tier) => ({ tierId: tier.tierId, entryIds: expected.winners[round][tier.tierId] })),
      }))
      const published: PublishedDraw = { version: 1, lotteryId: 'v', commitment: expected.commitment, seed: input.seed, entrants, digest: expected.digest, rounds }
      expect(verifyDraw(published)).toEqual({ ok: true, commitment: true, digest: true, winners: true, problems: [] })
    }
  })
})

describe('the canonical digest and the randomness', () => {
  it('the canonical text is the format line and one JSON line per entrant, sorted by entryId, ending in a newline', () => {
    const text = canonicalEntrantsText([
      { entryId: 'b', maskedName: '乙"\n', tickets: 2, nonce: '1'.repeat(32) },
      { entryId: 'a', maskedName: '甲', tickets: 1, nonce: '0'.repeat(32) },
    ])
    expect(text).toBe(`shequn-lottery-entrants/v1\n["a","甲",1,"${'0'.repeat(32)}"]\n["b","乙\\"\\n",2,"${'1'.repeat(32)}"]\n`)
  })

  it('sorts by UTF-16 code units, the same in every engine (not by locale)', () => {
    const ids = canonicalEntrants(['b', 'B', 'a', '😀', '\uffff', '张', 'ab'].map((id, i) => ({ ...entrant(i), entryId: id }))).map((e) => e.entryId)
    expect(ids).toEqual(['B', 'a', 'ab', 'b', '张', '😀', '\uffff'])
  })

  it('the digest does not depend on the order given, and changes with any field of any entrant', () => {
    const list = Array.from({ length: 5 }, (_, i) => entrant(i))
    const base = entrantsDigest(list)
    expect(entrantsDigest([...list].reverse())).toBe(base)
    expect(entrantsDigest(list.map((e, i) => (i === 2 ? { ...e, maskedName: e.maskedName + '*' } : e)))).not.toBe(base)
    expect(entrantsDigest(list.map((e, i) => (i === 2 ? { ...e, tickets: e.tickets + 1 } : e)))).not.toBe(base)
    expect(entrantsDigest(list.map((e, i) => (i === 2 ? { ...e, nonce: 'f'.repeat(32) } : e)))).not.toBe(base)
    expect(entrantsDigest(list.map((e, i) => (i === 2 ? { ...e, entryId: 'zz' } : e)))).not.toBe(base)
    expect(entrantsDigest(list.slice(1))).not.toBe(base)
  })

  it('a list changed in place after its digest was taken gets a new digest, and drawRound refuses the old one', () => {
    const list = canonicalEntrants(Array.from({ length: 6 }, (_, i) => entrant(i)))
    const digest = entrantsDigest(list)
    expect(drawRound({ seed: seedOf('in place'), digest, round: 0, entrants: list, tiers: TIERS }).round).toBe(0)
    for (const change of [(e: DrawEntrant) => { e.tickets = e.tickets === 1 ? 2 : 1 }, (e: DrawEntrant) => { e.maskedName += '*' }]) {
      const before = entrantsDigest(list)
      change(list[3])
      expect(entrantsDigest(list)).not.toBe(before)
      expect(entrantsDigest(list)).toBe(referenceDigest(list).toString('hex'))
      expect(() => drawRound({ seed: seedOf('in place'), digest: before, round: 0, entrants: list, tiers: TIERS })).toThrow(DomainError)
    }
  })

  it('a lone surrogate is hashed as U+FFFD, so Node and a browser hash the same bytes', () => {
    const lone = { ...entrant(1), maskedName: 'a\ud800b' }
    expect(entrantsDigest([lone])).toBe(entrantsDigest([{ ...lone, maskedName: 'a\ufffdb' }]))
    expect(entrantsDigest([{ ...lone, maskedName: 'a😀b' }])).toBe(referenceDigest([{ ...lone, maskedName: 'a😀b' }]).toString('hex'))
  })

  it('the commitment is SHA-256 of the 32 seed bytes; a malformed seed is refused in Chinese', () => {
    const seed = seedOf(1)
    expect(newSeedCommitment(seed)).toBe(sha(Buffer.from(seed, 'hex')).toString('hex'))
    for (const bad of ['', seed.toUpperCase(), seed.slice(2), seed + '00', 'g'.repeat(64)]) {
      expect(() => newSeedCommitment(bad)).toThrow(new DomainError('INVALID_INPUT', '公开的种子格式不正确（应为 64 位十六进制）'))
    }
  })

  it('round k ≥ 1 appends uint32be(k); rounds differ; a round that is not a uint32 is refused', () => {
    const seed = seedOf(2)
    const digest = entrantsDigest([entrant(1)])
    const bytes = Buffer.from(seed + digest, 'hex')
    expect(roundRandomness(seed, digest, 0)).toBe(sha(bytes).toString('hex'))
    expect(roundRandomness(seed, digest, 1)).toBe(sha(Buffer.concat([bytes, u32(1)])).toString('hex'))
    expect(roundRandomness(seed, digest, 0x01020304)).toBe(sha(Buffer.concat([bytes, u32(0x01020304)])).toString('hex'))
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) expect(() => roundRandomness(seed, digest, bad)).toThrow(DomainError)
  })
})

describe('the stream', () => {
  it('gives five 48-bit big-endian slices per block SHA-256(R ‖ uint32be(j))', () => {
    const r = seedOf('stream')
    const stream = new DrawStream(r)
    const values = Array.from({ length: 11 }, () => stream.next48())
    const expected = [0, 1, 2].flatMap((j) => {
      const block = sha(Buffer.concat([Buffer.from(r, 'hex'), u32(j)]))
      return [0, 1, 2, 3, 4].map((s) => Number(BigInt('0x' + block.subarray(6 * s, 6 * s + 6).toString('hex'))))
    })
    expect(values).toEqual(expected.slice(0, 11))
    expect(values.every((v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 48)).toBe(true)
  })

  it('rejects the values at or above the largest multiple of n (no modulo bias), and never for n a power of two', () => {
    const n = 2 ** 47 + 1 // limit = 2^47 + 1: about half the values are rejected
    const limit = 2 ** 48 - (2 ** 48 % n)
    expect(limit).toBe(n)
    for (let trial = 0; trial < 20; trial += 1) {
      const raw = new DrawStream(seedOf(`reject:${trial}`))
      const stream = new DrawStream(seedOf(`reject:${trial}`))
      let x = raw.next48()
      while (x >= limit) x = raw.next48()
      expect(stream.uniform(n)).toBe(x % n)
    }
    const raw = new DrawStream(seedOf('pow2'))
    const stream = new DrawStream(seedOf('pow2'))
    for (let i = 0; i < 10; i += 1) expect(stream.uniform(1024)).toBe(raw.next48() % 1024)
  })

  it('uniform(6) is uniform over 60,000 deterministic draws (chi-square, df 5, below the 1-in-10,000 quantile)', () => {
    const stream = new DrawStream(seedOf('dice'))
    const counts = new Array<number>(6).fill(0)
    for (let i = 0; i < 60_000; i += 1) counts[stream.uniform(6)] += 1
    const chi2 = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0)
    expect(chi2).toBeLessThan(25.7)
  })

  it('refuses n outside 1 … 2^48', () => {
    const stream = new DrawStream(seedOf('n'))
    for (const n of [0, -1, 1.5, 2 ** 48 + 1]) expect(() => stream.uniform(n)).toThrow(DomainError)
    expect(() => new DrawStream('xyz')).toThrow('本轮随机数格式不正确（应为 64 位十六进制）')
    expect(stream.uniform(1)).toBe(0)
  })
})

describe('drawRound', () => {
  it('agrees with the reference (plain scan, BigInt) on random lists, tiers, seeds and a redraw', () => {
    fc.assert(
      fc.property(seedArb, listArb, tiersArb, tiersArb, (seed, list, tiers0, tiers1) => {
        const digest = entrantsDigest(list)
        const round0 = drawRound({ seed, digest, round: 0, entrants: list, tiers: tiers0 })
        const round1 = drawRound({ seed, digest, round: 1, entrants: list, tiers: tiers1, exclude: winnersOf([round0]) })
        const mine = [round0, round1].map((r) => Object.fromEntries(r.winners.map((w) => [w.tierId, w.entryIds])))
        expect(mine).toEqual(referenceRounds(seed, list, [tiers0, tiers1]))
      }),
      { numRuns: 150 },
    )
  })

  it('never names a winner twice, across tiers and across rounds, and gives min(prizes, entrants) winners', () => {
    fc.assert(
      fc.property(seedArb, listArb, tiersArb, tiersArb, (seed, list, tiers0, tiers1) => {
        const digest = entrantsDigest(list)
        const round0 = drawRound({ seed, digest, round: 0, entrants: list, tiers: tiers0 })
        const round1 = drawRound({ seed, digest, round: 1, entrants: list, tiers: tiers1, exclude: winnersOf([round0]) })
        const all = winnersOf([round0, round1])
        expect(new Set(all).size).toBe(all.length)
        const prizes = (tiers: DrawTier[]) => tiers.reduce((sum, tier) => sum + tier.quantity, 0)
        expect(winnersOf([round0]).length).toBe(Math.min(prizes(tiers0), list.length))
        expect(winnersOf([round1]).length).toBe(Math.min(prizes(tiers1), list.length - winnersOf([round0]).length))
        round0.winners.forEach((w, i) => expect(w.entryIds.length).toBeLessThanOrEqual(tiers0[i].quantity))
      }),
      { numRuns: 150 },
    )
  })

  it('does not depend on the order the entrants are given in', () => {
    fc.assert(
      fc.property(seedArb, listArb, tiersArb, fc.integer(), (seed, list, tiers, shift) => {
        const digest = entrantsDigest(list)
        const rotated = list.length ? [...list.slice(Math.abs(shift) % list.length), ...list.slice(0, Math.abs(shift) % list.length)].reverse() : list
        expect(drawRound({ seed, digest, round: 0, entrants: rotated, tiers })).toEqual(drawRound({ seed, digest, round: 0, entrants: list, tiers }))
      }),
      { numRuns: 60 },
    )
  })

  it('fewer entrants than prizes: every entrant wins once, tiers fill in order, later tiers stay empty', () => {
    const entrants = [entrant(1, 3), entrant(2, 1), entrant(3, 10)]
    const result = drawRound({ seed: seedOf('few'), digest: entrantsDigest(entrants), round: 0, entrants, tiers: TIERS })
    expect(result.round).toBe(0)
    expect(result.tiers).toEqual(TIERS)
    expect(result.winners.map((w) => w.tierId)).toEqual(['t1', 't2', 't3'])
    expect(result.winners[0].entryIds).toHaveLength(1)
    expect(result.winners[1].entryIds).toHaveLength(2)
    expect(result.winners[2].entryIds).toEqual([])
    expect(winnersOf([result]).sort()).toEqual(entrants.map((e) => e.entryId).sort())
    const none = drawRound({ seed: seedOf('few'), digest: entrantsDigest([]), round: 0, entrants: [], tiers: TIERS })
    expect(none.winners).toEqual([{ tierId: 't1', entryIds: [] }, { tierId: 't2', entryIds: [] }, { tierId: 't3', entryIds: [] }])
  })

  it('a redraw excludes earlier winners, uses its own randomness, and is the documented continuation', () => {
    const entrants = Array.from({ length: 30 }, (_, i) => entrant(i))
    const seed = seedOf('redraw')
    const digest = entrantsDigest(entrants)
    const round0 = drawRound({ seed, digest, round: 0, entrants, tiers: TIERS })
    const earlier = winnersOf([round0])
    const redrawTiers = [{ tierId: 't3', name: '三等奖', quantity: 30 }]
    const round1 = drawRound({ seed, digest, round: 1, entrants, tiers: redrawTiers, exclude: earlier })
    expect(round1.winners[0].entryIds).toHaveLength(30 - earlier.length)
    expect(round1.winners[0].entryIds.filter((id) => earlier.includes(id))).toEqual([])
    // Without the exclusions, round 1 is a different draw from round 0 over the same list (its own randomness)
    const again0 = drawRound({ seed, digest, round: 0, entrants, tiers: [{ tierId: 'x', name: 'x', quantity: 5 }] })
    const again1 = drawRound({ seed, digest, round: 1, entrants, tiers: [{ tierId: 'x', name: 'x', quantity: 5 }] })
    expect(again1.winners[0].entryIds).not.toEqual(again0.winners[0].entryIds)
    // Excluding everyone leaves nothing to draw
    expect(drawRound({ seed, digest, round: 2, entrants, tiers: TIERS, exclude: entrants.map((e) => e.entryId) }).winners.flatMap((w) => w.entryIds)).toEqual([])
  })

  it('refuses, in Chinese, a list with a duplicate id, a bad ticket count or nonce, and malformed tiers', () => {
    const seed = seedOf('bad')
    const ok = [entrant(1), entrant(2)]
    const call = (entrants: DrawEntrant[], tiers: DrawTier[] = TIERS) => () =>
      drawRound({ seed, digest: entrantsDigest(entrants), round: 0, entrants, tiers })
    expect(call([entrant(1), entrant(1)])).toThrow('参与者编号 e0001 重复出现')
    for (const tickets of [0, MAX_TICKETS + 1, 1.5, Number.NaN]) {
      expect(call([{ ...entrant(1), tickets }, entrant(2)])).toThrow(`参与者 e0001 的抽奖券数不正确（应为 1–${MAX_TICKETS} 的整数）`)
    }
    for (const nonce of ['', 'A'.repeat(32), '0'.repeat(31), '0'.repeat(33)]) {
      expect(call([{ ...entrant(1), nonce }, entrant(2)])).toThrow('参与者 e0001 的随机数格式不正确（应为 32 位十六进制）')
    }
    expect(call(ok, [{ tierId: 't', name: 'x', quantity: -1 }])).toThrow('第 0 轮的奖项设置不正确')
    expect(call(ok, [{ tierId: 't', name: 'x', quantity: 1 }, { tierId: 't', name: 'y', quantity: 1 }])).toThrow('第 0 轮的奖项设置不正确')
    expect(call(ok)).not.toThrow()
    expect(entrantProblems(ok)).toEqual([])
    // A digest of another list would publish a round nobody can reproduce
    expect(() => drawRound({ seed, digest: entrantsDigest([entrant(3)]), round: 0, entrants: ok, tiers: TIERS })).toThrow('参与名单的摘要与公开的摘要不符')
    expect(() => drawRound({ seed, digest: 'nope', round: 0, entrants: ok, tiers: TIERS })).toThrow('摘要格式不正确（应为 64 位十六进制）')
  })
})

describe('weights, over thousands of deterministic seeds (fixed seeds: the result is the same every run)', () => {
  // Ten entrants with 1 … 10 tickets (55 in all); seed i is SHA-256('seed:weights:<i>').
  const entrants = Array.from({ length: 10 }, (_, i) => entrant(i, i + 1))
  const digest = entrantsDigest(entrants)
  const RUNS = 5500
  const firstAndSecond = Array.from({ length: RUNS }, (_, i) => {
    const round = drawRound({ seed: seedOf(`weights:${i}`), digest, round: 0, entrants, tiers: [{ tierId: 'a', name: 'a', quantity: 2 }] })
    return round.winners[0].entryIds.map((id) => entrants.findIndex((e) => e.entryId === id))
  })

  /** Every count within 5 standard deviations of its expectation, and chi-square (df 9) below its 1-in-10,000 quantile. */
  function expectMatches(counts: number[], probabilities: number[]) {
    probabilities.forEach((p, i) => {
      const expected = RUNS * p
      expect(Math.abs(counts[i] - expected)).toBeLessThan(5 * Math.sqrt(RUNS * p * (1 - p)))
    })
    const chi2 = counts.reduce((sum, c, i) => sum + (c - RUNS * probabilities[i]) ** 2 / (RUNS * probabilities[i]), 0)
    expect(chi2).toBeLessThan(33.7)
  }

  it('the first prize goes to each entrant in proportion to their tickets (1/55 … 10/55)', () => {
    const counts = new Array<number>(10).fill(0)
    for (const [first] of firstAndSecond) counts[first] += 1
    expectMatches(counts, entrants.map((e) => e.tickets / 55))
    expect(counts[9]).toBeGreaterThan(counts[0] * 5) // 10 tickets vs 1: about ten times as often
  })

  it('the second prize is drawn from the others in proportion to their tickets (without replacement)', () => {
    const counts = new Array<number>(10).fill(0)
    for (const [, second] of firstAndSecond) counts[second] += 1
    const p = entrants.map((e) => e.tickets / 55)
    const second = p.map((pj, j) => p.reduce((sum, pi, i) => (i === j ? sum : sum + pi * (entrants[j].tickets / (55 - entrants[i].tickets))), 0))
    expect(second.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expectMatches(counts, second)
    expect(firstAndSecond.every(([a, b]) => a !== b)).toBe(true)
  })

  it('equal tickets give every entrant an equal chance', () => {
    const equal = Array.from({ length: 10 }, (_, i) => entrant(i, 3))
    const equalDigest = entrantsDigest(equal)
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < RUNS; i += 1) {
      const [id] = drawRound({ seed: seedOf(`equal:${i}`), digest: equalDigest, round: 0, entrants: equal, tiers: [{ tierId: 'a', name: 'a', quantity: 1 }] }).winners[0].entryIds
      counts[equal.findIndex((e) => e.entryId === id)] += 1
    }
    expectMatches(counts, new Array<number>(10).fill(0.1))
  })
})

describe('verifyDraw', () => {
  it('passes an honest draw with a redraw, and explains each round', () => {
    const published = honestDraw()
    expect(verifyDraw(published)).toEqual({ ok: true, commitment: true, digest: true, winners: true, problems: [] })
    const report = explainDraw(published)
    expect(report.rounds.map((r) => r.ok)).toEqual([true, true])
    expect(report.computed).toEqual({ commitment: published.commitment, digest: published.digest })
  })

  it('passes every honest draw fast-check makes', () => {
    fc.assert(
      fc.property(seedArb, listArb, tiersArb, (seed, list, tiers) => {
        const entrants = canonicalEntrants(list)
        const digest = entrantsDigest(entrants)
        const round0 = drawRound({ seed, digest, round: 0, entrants, tiers })
        const published: PublishedDraw = { version: 1, lotteryId: 'p', commitment: newSeedCommitment(seed), seed, entrants, digest, rounds: [round0] }
        expect(verifyDraw(published).ok).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  const tampered = (change: (d: PublishedDraw) => void) => {
    const d = clone(honestDraw())
    change(d)
    return verifyDraw(d)
  }

  it('a changed seed fails the commitment (and the winners, drawn from the real seed)', () => {
    const v = tampered((d) => {
      d.seed = (d.seed as string).slice(0, 63) + ((d.seed as string)[63] === '0' ? '1' : '0')
    })
    expect(flags(v)).toEqual({ ok: false, commitment: false, digest: true, winners: false })
    expect(v.problems).toContain('承诺值与公开的种子不符')
  })

  it('a changed commitment fails the commitment only', () => {
    const v = tampered((d) => {
      d.commitment = newSeedCommitment(seedOf('other'))
    })
    expect(flags(v)).toEqual({ ok: false, commitment: false, digest: true, winners: true })
    expect(v.problems).toEqual(['承诺值与公开的种子不符'])
  })

  it('one changed nonce fails the digest (and the winners: the randomness covers the list)', () => {
    const v = tampered((d) => {
      d.entrants[7].nonce = 'f'.repeat(32)
    })
    expect(flags(v)).toEqual({ ok: false, commitment: true, digest: false, winners: false })
    expect(v.problems[0]).toBe('参与名单的摘要与公开的摘要不符')
  })

  it('one changed ticket count fails the digest', () => {
    const v = tampered((d) => {
      d.entrants[3].tickets = d.entrants[3].tickets === MAX_TICKETS ? 1 : d.entrants[3].tickets + 1
    })
    expect(flags(v)).toEqual({ ok: false, commitment: true, digest: false, winners: false })
  })

  it('a ticket count out of range fails the digest with its own problem, and the winners cannot be recomputed', () => {
    const v = tampered((d) => {
      d.entrants[3].tickets = 50
    })
    expect(flags(v)).toEqual({ ok: false, commitment: true, digest: false, winners: false })
    expect(v.problems).toContain(`参与者 ${clone(honestDraw()).entrants[3].entryId} 的抽奖券数不正确（应为 1–10 的整数）`)
    expect(v.problems).toContain('缺少种子或名单无效，无法重新计算中奖名单')
  })

  it('a changed digest fails the digest only (the winners are recomputed from the list itself)', () => {
    const v = tampered((d) => {
      d.digest = entrantsDigest([entrant(999)])
    })
    expect(flags(v)).toEqual({ ok: false, commitment: true, digest: false, winners: true })
  })

  it('one changed winner fails the winners only, naming the round', () => {
    const honest = honestDraw()
    const loser = honest.entrants.find((e) => !winnersOf(honest.rounds).includes(e.entryId))!.entryId
    const v = tampered((d) => {
      d.rounds[0].winners[1].entryIds[0] = loser
    })
    expect(flags(v)).toEqual({ ok: false, commitment: true, digest: true, winners: false })
    // Round 1 excludes the published round-0 winners, so it is named too (it was drawn with other exclusions)
    expect(v.problems).toEqual(['第 0 轮的中奖名单与重新计算的结果不符', '第 1 轮的中奖名单与重新计算的结果不符'])
  })

  it('winners swapped within a tier, moved between tiers, added or dropped fail; so does a changed redraw', () => {
    const cases: Array<(d: PublishedDraw) => void> = [
      (d) => d.rounds[0].winners[1].entryIds.reverse(),
      (d) => d.rounds[0].winners[2].entryIds.push(d.rounds[0].winners[1].entryIds.pop() as string),
      (d) => d.rounds[0].winners[0].entryIds.push(d.rounds[0].winners[1].entryIds[0]),
      (d) => d.rounds[0].winners[2].entryIds.pop(),
      (d) => d.rounds[0].winners.pop(),
      (d) => (d.rounds[1].winners[0].entryIds = [d.rounds[0].winners[0].entryIds[0]]),
      (d) => (d.rounds[1].tiers[1].quantity = 3),
      (d) => d.rounds.reverse(),
    ]
    for (const change of cases) {
      const v = tampered(change)
      expect(flags(v)).toEqual({ ok: false, commitment: true, digest: true, winners: false })
    }
    expect(tampered((d) => (d.rounds[1].winners[0].entryIds = ['nobody'])).problems).toEqual(['第 1 轮的中奖名单与重新计算的结果不符'])
  })

  it('a seed not yet revealed, or malformed, cannot verify', () => {
    const hidden = tampered((d) => {
      d.seed = null
    })
    expect(flags(hidden)).toEqual({ ok: false, commitment: false, digest: true, winners: false })
    expect(hidden.problems).toContain('种子尚未公开，暂时无法验证')
    const malformed = tampered((d) => {
      d.seed = 'xyz'
    })
    expect(malformed.problems).toContain('公开的种子格式不正确（应为 64 位十六进制）')
    expect(malformed.commitment).toBe(false)
  })

  it('a duplicated entrant fails the digest, naming it', () => {
    const v = tampered((d) => {
      d.entrants.push({ ...d.entrants[0] })
    })
    expect(v.ok).toBe(false)
    expect(v.digest).toBe(false)
    expect(v.problems).toContain(`参与者编号 ${honestDraw().entrants[0].entryId} 重复出现`)
  })

  it('anything that is not a draw is a failed verification with a Chinese problem, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const v = verifyDraw(value as unknown as PublishedDraw)
        expect(v.ok).toBe(false)
        expect(v.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
    expect(verifyDraw({} as PublishedDraw).problems).toEqual(['开奖数据格式不正确，无法验证'])
    // Right shape, wrong values inside: still no exception
    const weird = { ...clone(honestDraw()), rounds: [{ round: 0, tiers: 'x', winners: [null, 3] }] } as unknown as PublishedDraw
    expect(flags(verifyDraw(weird))).toEqual({ ok: false, commitment: true, digest: true, winners: false })
    expect(verifyDraw({ ...honestDraw(), rounds: [] }).problems).toEqual(['没有任何开奖轮次'])
    expect(verifyDraw({ ...honestDraw(), version: 2 as 1 }).ok).toBe(false)
  })

  it('checks 10,000 entrants (the README bench measures the time; here only that it is right)', () => {
    const published = honestDraw(10_000, seedOf('big'))
    expect(verifyDraw(published).ok).toBe(true)
    const d = clone(published)
    d.entrants[9_999].nonce = '0'.repeat(32)
    expect(verifyDraw(d).digest).toBe(false)
  })
})

describe('the published round shape', () => {
  it('a round carries its number, a copy of its tiers and one winners entry per tier in order', () => {
    const entrants = [entrant(1), entrant(2)]
    const tiers = [{ tierId: 'b', name: 'B', quantity: 1 }, { tierId: 'a', name: 'A', quantity: 1 }]
    const round: DrawRound = drawRound({ seed: seedOf('shape'), digest: entrantsDigest(entrants), round: 3, entrants, tiers })
    expect(round.round).toBe(3)
    expect(round.tiers).toEqual(tiers)
    expect(round.tiers).not.toBe(tiers)
    expect(round.winners.map((w) => w.tierId)).toEqual(['b', 'a'])
  })
})
