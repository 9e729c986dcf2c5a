/**
 * A deterministic stand-in for the secure random source: SHA-256 in counter mode over a label, so a test's
 * seeds and entry ids are the same on every run (and differ between labels).
 *
 * @example
 *   const random = seededRandom('draw-test')
 *   random.hex(32)   // the same 64 hex characters every run; the next call gives the next ones
 */
import { createHash } from 'node:crypto'
import type { RandomSource } from '../../usecases/ports/random'

export function seededRandom(label: string): RandomSource {
  let counter = 0
  return {
    hex(bytes) {
      let out = ''
      while (out.length < bytes * 2) out += createHash('sha256').update(`${label}:${counter++}`).digest('hex')
      return out.slice(0, bytes * 2)
    },
  }
}
