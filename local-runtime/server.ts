/**
 * The local runtime: one Node process that serves the H5 build and `POST /api/<function>`,
 * running the same cloud-function handlers on the SQLite store.
 *
 * Identity: in dev mode the `X-WX-OPENID` header (the header WeChat Cloud Run injects) names the caller.
 * Dev mode is allowed only on a loopback address, so nobody on a network can claim to be someone else.
 * Every request is a `user` (that header, dev mode only) or a `stranger` — never the timer or the console,
 * so no request can run the purge, the reminders or `setup` (the scheduler and `npm run setup` do).
 *
 * @example
 *   const runtime = await startLocalRuntime({ port: 0, store })
 *   await fetch(runtime.url + '/api/group', { method: 'POST', body: JSON.stringify({ action: 'getProfile', input: { groupId } }),
 *     headers: { 'X-WX-OPENID': 'o_demo_admin' } })
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { ActionResult } from '../contracts/define'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'
import { STRANGER, callerOpenid, userCaller, type Caller } from '../usecases/context'
import { PERSONAS, DEMO_GROUP_ID } from './demo/personas'
import { createRateLimiter, type RateLimiter } from '../platform/rate-limit'
import { invokeFunction, isFunctionName } from './functions'
import { routeUpload } from './uploads'

export interface LocalRuntimeOptions {
  store: Store
  /** Defaults to 127.0.0.1. */
  host?: string
  /** 0 picks a free port. Defaults to 8787. */
  port?: number
  /** Accept `X-WX-OPENID` and serve the persona list. Defaults to true; refused off loopback. */
  devMode?: boolean
  /** The H5 build to serve; `null` serves the API only. Defaults to `dist/h5`. */
  staticDir?: string | null
  now?: () => Date
  /** Where check-in photos uploaded to `POST /api/_upload` are kept (served only through signed `/photos/` links). Defaults to `<tmp>/shequn-uploads`. */
  uploadDir?: string
  /** Per-user rate limits on submits, check-ins and uploads (`platform/rate-limit.ts`). Defaults to a new one. */
  rateLimiter?: RateLimiter
}

export interface LocalRuntime {
  url: string
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 256 * 1024
const OPENID_HEADER = 'x-wx-openid'
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = options.host ?? '127.0.0.1'
  const devMode = options.devMode ?? true
  if (devMode && !isLoopbackHost(host)) {
    throw new Error(`dev mode trusts the X-WX-OPENID header, so it only listens on loopback; refusing ${host}`)
  }
  const staticDir = options.staticDir === undefined ? path.resolve('dist/h5') : options.staticDir
  const uploadDir = options.uploadDir ?? path.join(os.tmpdir(), 'shequn-uploads')
  const rateLimiter = options.rateLimiter ?? createRateLimiter()
  const server = http.createServer((req, res) => {
    route(req, res).catch((error) => {
      console.error('[local-runtime]', error)
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', t('error.INTERNAL')))
      else res.end()
    })
  })

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname === '/api/_dev/session' && req.method === 'GET') {
      sendJson(res, 200, devMode ? { devMode: true, personas: PERSONAS, demoGroupId: DEMO_GROUP_ID } : { devMode: false, personas: [], demoGroupId: '' })
      return
    }
    if (await routeUpload(req, res, url, { dir: uploadDir, openid: callerOpenid({ caller: requestCaller(req) }), store: options.store, now: options.now ?? (() => new Date()), rateLimiter })) return
    const apiMatch = /^\/api\/([A-Za-z0-9_-]+)$/.exec(url.pathname)
    if (apiMatch) {
      if (req.method !== 'POST') return sendJson(res, 405, failure('INVALID_INPUT', t('validate.object')))
      const name = apiMatch[1]
      if (!isFunctionName(name)) return sendJson(res, 404, failure('NOT_FOUND', t('error.unknownAction')))
      const event = await readJsonBody(req)
      if (event === undefined) return sendJson(res, 400, failure('INVALID_INPUT', t('validate.object')))
      const result = await invokeFunction(options.store, name, event, requestCaller(req), { now: options.now, rateLimiter })
      return sendJson(res, 200, result)
    }
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('NOT_FOUND', t('error.NOT_FOUND')))
    if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(staticDir, url.pathname, res)
    res.writeHead(404).end()
  }

  /** A user named by the dev header (dev mode, loopback only), else a stranger. Never a timer or the console. */
  function requestCaller(req: http.IncomingMessage): Caller {
    if (!devMode) return STRANGER
    const header = req.headers[OPENID_HEADER]
    const value = Array.isArray(header) ? header[0] : header
    return value && OPENID_PATTERN.test(value) ? userCaller(value) : STRANGER
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function failure(code: 'INVALID_INPUT' | 'NOT_FOUND' | 'INTERNAL', message: string): ActionResult<never> {
  return { ok: false, error: { code, message } }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(payload)
}

/** The parsed JSON body, or undefined when it is not JSON or too large. */
function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => {
      if (tooLarge) return resolve(undefined)
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'))
      } catch {
        resolve(undefined)
      }
    })
    req.on('error', () => resolve(undefined))
  })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const resolvedRoot = path.resolve(root)
  let file = path.resolve(resolvedRoot, '.' + decodeURIComponent(pathname))
  if (!file.startsWith(resolvedRoot)) return void res.writeHead(403).end()
  const isFile = fs.existsSync(file) && fs.statSync(file).isFile()
  if (!isFile) {
    // Client-side routes (/pages/group/index?id=…) fall back to the app shell.
    if (path.extname(file)) return void res.writeHead(404).end()
    file = path.join(resolvedRoot, 'index.html')
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      return void res.end('H5 build missing: run `npm run build:h5` (npm start does this for you).')
    }
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600'
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache })
  fs.createReadStream(file).pipe(res)
}
