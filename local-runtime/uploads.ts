/**
 * Check-in photos in the local runtime (what cloud storage is in WeChat):
 * - `POST /api/_upload?groupId=<id>` takes the raw bytes of one image (PNG, JPEG, GIF or WebP — checked by
 *   Content-Type AND by the file's magic bytes), at most 2 MB, from a (dev) identity that is a member of the
 *   group; records the upload (`usecases/photos.ts`: membership, the daily quota), stores the file under a
 *   random name and answers `{ ok: true, data: { id: 'local:<32 hex>.<ext>' } }`;
 * - `GET /photos/<name>?exp=&sig=` serves it back only through an unexpired signed link
 *   (`platform/photo-links.ts`), which the check-in views issue to the group's members: an H5 `<img>`
 *   cannot send the identity header. There is no public uploads folder.
 *
 * @example
 *   curl -X POST -H 'Content-Type: image/png' -H 'X-WX-OPENID: o_demo_member' --data-binary @a.png 'http://127.0.0.1:8787/api/_upload?groupId=g_demo'
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { groupIdSchema } from '../contracts/fields'
import * as v from 'valibot'
import { DomainError } from '../domain/errors'
import { t } from '../i18n/strings'
import { PHOTO_UPLOAD_LIMIT, type RateLimiter } from '../platform/rate-limit'
import { verifyPhotoLink } from '../platform/photo-links'
import type { Store } from '../store/port'
import { userCaller } from '../usecases/context'
import { recordPhotoUpload } from '../usecases/photos'

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
export const UPLOAD_NAME_PATTERN = /^[a-f0-9]{32}\.(png|jpg|gif|webp)$/

const TYPES: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/png': { ext: 'png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/gif': { ext: 'gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  'image/webp': { ext: 'webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
}
const CONTENT_TYPE_BY_EXT: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }

export interface UploadRouteOptions {
  dir: string
  openid: string | null
  store: Store
  now: () => Date
  /** Per-user upload limit (`platform/rate-limit.ts`); none in tests that do not test it. */
  rateLimiter?: RateLimiter
}

const STATUS_BY_CODE: Record<string, number> = { INVALID_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 }

/** Handle `/api/_upload` and `/photos/<name>`; returns false when the path is neither. */
export async function routeUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: UploadRouteOptions): Promise<boolean> {
  if (url.pathname === '/api/_upload') {
    await receive(req, res, url, options)
    return true
  }
  const served = /^\/photos\/([^/]+)$/.exec(url.pathname)
  if (served && (req.method === 'GET' || req.method === 'HEAD')) {
    const name = served[1]
    const file = path.join(options.dir, name)
    if (!UPLOAD_NAME_PATTERN.test(name)) return notFound(res)
    if (!verifyPhotoLink(name, url.searchParams.get('exp'), url.searchParams.get('sig'), options.now())) {
      res.writeHead(403, { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }).end()
      return true
    }
    if (!fs.existsSync(file)) return notFound(res)
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPE_BY_EXT[path.extname(name).slice(1)],
      'X-Content-Type-Options': 'nosniff',
      // The link is the authorization: cache it no longer than it lives, and only in this browser.
      'Cache-Control': 'private, max-age=600',
    })
    if (req.method === 'HEAD') res.end()
    else fs.createReadStream(file).pipe(res)
    return true
  }
  return false
}

function notFound(res: http.ServerResponse): true {
  res.writeHead(404, { 'X-Content-Type-Options': 'nosniff' }).end()
  return true
}

async function receive(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: UploadRouteOptions): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, 'INVALID_INPUT', t('validate.object'))
  if (!options.openid) return reply(res, 401, 'UNAUTHENTICATED', t('error.UNAUTHENTICATED'))
  if (options.rateLimiter && !options.rateLimiter.take(PHOTO_UPLOAD_LIMIT, options.openid)) return reply(res, 429, 'RATE_LIMITED', t('error.RATE_LIMITED'))
  const groupId = url.searchParams.get('groupId') ?? req.headers['x-group-id']
  if (typeof groupId !== 'string' || !v.is(groupIdSchema, groupId)) return reply(res, 400, 'INVALID_INPUT', t('upload.error.group'))
  const type = TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()]
  if (!type) return reply(res, 415, 'INVALID_INPUT', t('upload.error.type'))
  const body = await readLimited(req, MAX_UPLOAD_BYTES)
  if (body === 'tooLarge') return reply(res, 413, 'INVALID_INPUT', t('upload.error.tooLarge', { max: MAX_UPLOAD_BYTES / 1024 / 1024 }))
  if (body.length === 0 || !type.magic(body)) return reply(res, 415, 'INVALID_INPUT', t('upload.error.type'))
  const name = `${randomBytes(16).toString('hex')}.${type.ext}`
  const file = path.join(options.dir, name)
  // Record first (membership, quota); a file that then fails to write leaves an unused record the cleanup removes.
  try {
    await recordPhotoUpload({ store: options.store, caller: userCaller(options.openid), now: options.now }, { groupId, photoId: `local:${name}`, location: file, size: body.length })
  } catch (error) {
    if (error instanceof DomainError) return reply(res, STATUS_BY_CODE[error.code] ?? 400, error.code, error.message)
    throw error
  }
  await fs.promises.mkdir(options.dir, { recursive: true })
  await fs.promises.writeFile(file, body, { flag: 'wx' })
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ ok: true, data: { id: `local:${name}` } }))
}

function reply(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ ok: false, error: { code, message } }))
}

function readLimited(req: http.IncomingMessage, max: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? 'tooLarge' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
