/**
 * What the draw module computes for a test vector's input — the code that writes the README's expected part.
 * No Node imports: the browser test bundles this with the module and runs it in Chromium.
 */
import type { DrawEntrant, DrawRound, DrawTier } from '../../domain/lottery-draw'

export interface DrawVectorInput {
  seed: string
  entrants: DrawEntrant[]
  /** One tier list per round: round 0, then the redraws (each excludes the winners of the rounds before). */
  rounds: DrawTier[][]
}
export interface DrawVectorExpected {
  commitment: string
  digest: string
  /** R_k of each round. */
  randomness: string[]
  /** The first three 48-bit integers of round 0's stream. */
  first48: number[]
  /** Each round's winners, per tier in the given order. */
  winners: Array<Record<string, string[]>>
}
export interface DrawVector {
  name: string
  input: DrawVectorInput
  expected: DrawVectorExpected
}

/** What the draw module computes for a vector's input (the code that writes the README's expected part). */
export function computeDrawVector(
  draw: typeof import('../../domain/lottery-draw'),
  input: DrawVectorInput,
): DrawVectorExpected {
  const digest = draw.entrantsDigest(input.entrants)
  const rounds: DrawRound[] = []
  input.rounds.forEach((tiers, round) => {
    rounds.push(draw.drawRound({ seed: input.seed, digest, round, entrants: input.entrants, tiers, exclude: draw.winnersOf(rounds) }))
  })
  const stream = new draw.DrawStream(draw.roundRandomness(input.seed, digest, 0))
  return {
    commitment: draw.newSeedCommitment(input.seed),
    digest,
    randomness: rounds.map((r) => draw.roundRandomness(input.seed, digest, r.round)),
    first48: [stream.next48(), stream.next48(), stream.next48()],
    winners: rounds.map((r) => Object.fromEntries(r.winners.map((w) => [w.tierId, w.entryIds]))),
  }
}
