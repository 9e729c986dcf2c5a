/**
 * The published test vectors of the verifiable draw: README "Verifiable draws" holds them (inputs and the
 * expected results) in the fenced JSON block between the `draw-vectors` markers; the Node test and the
 * browser test both read them from there, so the README cannot drift from the code.
 *
 * @example
 *   for (const vector of readDrawVectors()) expect(computeDrawVector(draw, vector.input)).toEqual(vector.expected)
 */
import fs from 'node:fs'
import path from 'node:path'
import type { DrawVector } from './draw-vector-compute'

export type { DrawVectorInput, DrawVectorExpected, DrawVector } from './draw-vector-compute'
export { computeDrawVector } from './draw-vector-compute'

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
