/**
 * The platform's secure random source (`node:crypto` `randomBytes`, the operating system's CSPRNG), for
 * lottery seeds and entry ids. Tests pass a deterministic `RandomSource` instead.
 *
 * @example
 *   CRYPTO_RANDOM.hex(32) // 'e3b0…' (64 hex)
 */
import { randomBytes } from 'node:crypto'
import type { RandomSource } from '../usecases/ports/random'

export const CRYPTO_RANDOM: RandomSource = {
  hex: (bytes) => randomBytes(bytes).toString('hex'),
}
