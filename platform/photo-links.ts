/**
 * The local runtime's signed photo links: an H5 `<Image src>` cannot send the dev identity header, so a
 * view a member may see carries `/photos/<name>?exp=<unix seconds>&sig=<hex>`, where `sig` is an HMAC-SHA256
 * of `<name>:<exp>` under a secret drawn when the process starts (links die with the runtime). The server
 * serves the file only for an unexpired link with a valid signature (`local-runtime/uploads.ts`).
 *
 * @example
 *   const link = signedPhotoLink('0123456789abcdef0123456789abcdef.png', new Date())   // '/photos/0123…png?exp=…&sig=…'
 *   verifyPhotoLink('0123456789abcdef0123456789abcdef.png', exp, sig, new Date())          // true within the hour
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a link shows its photo. */
export const PHOTO_LINK_TTL_SECONDS = 60 * 60

const SECRET = randomBytes(32)

function signature(name: string, exp: number): string {
  return createHmac('sha256', SECRET).update(`${name}:${exp}`).digest('hex')
}

export function signedPhotoLink(name: string, at: Date): string {
  const exp = Math.floor(at.getTime() / 1000) + PHOTO_LINK_TTL_SECONDS
  return `/photos/${name}?exp=${exp}&sig=${signature(name, exp)}`
}

export function verifyPhotoLink(name: string, exp: string | null, sig: string | null, at: Date): boolean {
  if (!exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[a-f0-9]{64}$/.test(sig)) return false
  if (Number(exp) * 1000 < at.getTime()) return false
  return timingSafeEqual(Buffer.from(signature(name, Number(exp)), 'hex'), Buffer.from(sig, 'hex'))
}
