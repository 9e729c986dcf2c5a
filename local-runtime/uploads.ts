/**
 * Check-in photos in the local runtime (what cloud storage is in WeChat): `POST /api/_upload` takes the
 * raw bytes of one image (PNG, JPEG, GIF or WebP — checked by Content-Type AND by the file's magic bytes),
 * at most 2 MB, from a caller with a (dev) identity, stores it under the upload folder with a random name
 * and answers `{ ok: true, data: { id: 'local:<32 hex>.<ext>' } }`; `GET /uploads/<name>` serves it back.
 *
 * @example
 *   curl -X POST -H 'Content-Type: image/png' -H 'X-WX-OPENID: o_demo_member' --data-binary @a.png http://127.0.0.1:8787/api/_upload
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { t } from '../i18n/strings'
import { PHOTO_UPLOAD_LIMIT, type RateLimiter } from '../platform/rate-limit'

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
export const UPLOAD_NAME_PATTERN = /^[a-f0-9]{32}\.(png|jpg|gif|webp)$/

const TYPES: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/png': { ext: 'png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/gif': { ext: 'gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  'image/webp': { ext: 'webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
}
const CONTENT_TYPE_BY_EXT: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }

/** Handle `/api/_upload` and `/uploads/<name>`; returns false when the path is neither. */
export async function routeUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  options: { dir: string; openid: string | null; rateLimiter?: RateLimiter },
): Promise<boolean> {
  if (pathname === '/api/_upload') {
    await receive(req, res, options)
    return true
  }
  const served = /^\/uploads\/([^/]+)$/.exec(pathname)
  if (served && (req.method === 'GET' || req.method === 'HEAD')) {
    const name = served[1]
    const file = path.join(options.dir, name)
    if (!UPLOAD_NAME_PATTERN.test(name) || !fs.existsSync(file)) {
      res.writeHead(404).end()
      return true
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPE_BY_EXT[path.extname(name).slice(1)], 'Cache-Control': 'public, max-age=86400' })
    fs.createReadStream(file).pipe(res)
    return true
  }
  return false
}

async function receive(req: http.IncomingMessage, res: http.ServerResponse, options: { dir: string; openid: string | null; rateLimiter?: RateLimiter }): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, 'INVALID_INPUT', t('validate.object'))
  if (!options.openid) return reply(res, 401, 'UNAUTHENTICATED', t('error.UNAUTHENTICATED'))
  if (options.rateLimiter && !options.rateLimiter.take(PHOTO_UPLOAD_LIMIT, options.openid)) return reply(res, 429, 'RATE_LIMITED', t('error.RATE_LIMITED'))
  const type = TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()]
  if (!type) return reply(res, 415, 'INVALID_INPUT', t('upload.error.type'))
  const body = await readLimited(req, MAX_UPLOAD_BYTES)
  if (body === 'tooLarge') return reply(res, 413, 'INVALID_INPUT', t('upload.error.tooLarge', { max: MAX_UPLOAD_BYTES / 1024 / 1024 }))
  if (body.length === 0 || !type.magic(body)) return reply(res, 415, 'INVALID_INPUT', t('upload.error.type'))
  const name = `${randomBytes(16).toString('hex')}.${type.ext}`
  await fs.promises.mkdir(options.dir, { recursive: true })
  await fs.promises.writeFile(path.join(options.dir, name), body, { flag: 'wx' })
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
