/**
 * Where secret randomness comes from: a cryptographically secure generator, injected so the use cases stay
 * platform-free and tests can be deterministic. The platform's is `platform/random.ts` (`node:crypto`
 * `randomBytes`); a lottery's seed (32 bytes) and its entries' published ids come from here.
 *
 * @example
 *   random.hex(32)   // 64 lowercase hex characters
 */
export interface RandomSource {
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string
}
