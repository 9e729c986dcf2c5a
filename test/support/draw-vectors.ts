/**
 * The published test vectors of the verifiable draw: README "Verifiable draws" holds them (inputs and the
 * expected results) in the fenced JSON block between the `draw-vectors` markers; the Node test and the
 * browser test both read them from there, so the README cannot drift from the code.
 *
 * @example
 *   for (const vector of readDrawVectors()) expect(computeDrawVector(vector.input)).toEqual(vector.expected)
 */
import fs from 'node:fs'
import path from 'node:path'
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

export const README_PATH = path.resolve(__dirname, '../../README.md')
const START = '<!-- draw-vectors:start -->'
const END = '<!-- draw-vectors:end -->'

/** The vectors as printed in the README (throws when the block is missing or not JSON). */
export function readDrawVectors(readme = fs.readFileSync(README_PATH, 'utf8')): DrawVector[] {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`)
  const block = readme.slice(start + START.length, end)
  const json = /```json\n([\s\S]*?)\n```/.exec(block)
  if (!json) throw new Error('the draw-vectors block holds no ```json fence')
  return JSON.parse(json[1]) as DrawVector[]
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
