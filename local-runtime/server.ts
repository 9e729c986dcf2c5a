/**
 * The local runtime: one Node process that serves the H5 build and `POST /api/<function>`,
 * running the same cloud-function handlers on the SQLite store.
 *
 * Identity: in dev mode the `X-WX-OPENID` header (the header WeChat Cloud Run injects) names the caller.
 * Dev mode is allowed only on a loopback address, so nobody on a network can claim to be someone else.
 * Every request is a `user` (that header, dev mode only) or a `stranger` — never the timer or the console,
 * so no request can run the purge, the reminders or `setup` (the scheduler and `npm run setup` do).
 *
 * What a loopback server answers (so a web page elsewhere cannot drive it through the browser):
 * - only requests whose `Host` is a loopback name (`localhost`, `127.x.y.z`, `[::1]`, with this port or none)
 *   or the host of `publicUrl` — anything else is DNS rebinding and gets 421;
 * - API bodies only as `application/json` (415), at most `MAX_BODY_BYTES` (413), a JSON object (400);
 * - request targets in origin form (`/path?query`) only: `*`, `http://x/`, `//x`, NUL, backslashes and broken
 *   percent-encoding get 400; static files never leave the H5 folder;
 * - every response carries `X-Content-Type-Options: nosniff`.
 * `close()` stops accepting, lets requests in flight finish (at most `CLOSE_GRACE_MS`), then drops the rest.
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
import type { ActionResult, FunctionName } from '../contracts/define'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'
import { STRANGER, callerOpenid, userCaller, type Caller } from '../usecases/context'
import { PERSONAS, DEMO_GROUP_ID } from './demo/personas'
import { createRateLimiter, type RateLimiter } from '../platform/rate-limit'
import { invokeFunction, isFunctionName } from './functions'
import { routeUpload } from './uploads'
import { readLocalExport } from '../platform/export-files-local'
import { createReadCache, isCachedAction } from './read-cache'

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
  /** The address people reach this runtime by through a proxy (`PUBLIC_URL`); its host is accepted in `Host`. */
  publicUrl?: string
  /**
   * Keep the answers of hot read-only actions until the store changes (`local-runtime/read-cache.ts`). Defaults to
   * true; only a store with a change version (the SQLite one) can have it.
   */
  readCache?: boolean
}

export interface LocalRuntime {
  url: string
  /** Stop accepting, wait for requests in flight (at most `CLOSE_GRACE_MS`), then close every connection. */
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 256 * 1024
/** How long `close()` waits for requests in flight before dropping their connections. */
export const CLOSE_GRACE_MS = 3000
const OPENID_HEADER = 'x-wx-openid'
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Whether a `Host` header names this loopback server: a loopback name with `port` or no port, or exactly
 * `publicHost` (a `URL.host`, lower case). Anything else is a foreign name pointing at 127.0.0.1 (DNS rebinding).
 */
export function isAllowedHostHeader(header: string | undefined, port: number, publicHost: string | null): boolean {
  if (!header) return false
  const value = header.toLowerCase()
  if (publicHost !== null && value === publicHost) return true
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value)
  if (!match) return false
  const [, name, portText] = match
  if (portText !== undefined && Number(portText) !== port) return false
  return name === 'localhost' || name === '[::1]' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(name)
}

/** A function call's target, `/api/<name>` and nothing else: origin form, nothing to decode (the hot path). */
const PLAIN_API_TARGET = /^\/api\/([A-Za-z0-9_-]+)$/

/** The request target as a URL, or null unless it is origin form (`/path?query`) with a decodable, NUL- and backslash-free path. */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/') || target.startsWith('//') || /[\\\0]/.test(target)) return null
  try {
    const url = new URL(target, 'http://local')
    return /[\\\0]/.test(decodeURIComponent(url.pathname)) ? null : url
  } catch {
    return null
  }
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = options.host ?? '127.0.0.1'
  const devMode = options.devMode ?? true
  if (devMode && !isLoopbackHost(host)) {
    throw new Error(`dev mode trusts the X-WX-OPENID header, so it only listens on loopback; refusing ${host}`)
  }
  const publicHost = options.publicUrl ? new URL(options.publicUrl).host.toLowerCase() : null
  // A loopback server is reachable only from this machine, so every caller is a local program or a browser
  // page; the Host check keeps a foreign page whose name resolves to 127.0.0.1 out.
  const checkHost = isLoopbackHost(host)
  let port = 0
  const staticDir = options.staticDir === undefined ? path.resolve('dist/h5') : options.staticDir
  const uploadDir = options.uploadDir ?? path.join(os.tmpdir(), 'shequn-uploads')
  const rateLimiter = options.rateLimiter ?? createRateLimiter()
  const readCache = options.readCache === false ? null : createReadCache(options.store)
  const clock = options.now ?? (() => new Date())
  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    route(req, res).catch((error) => {
      console.error('[local-runtime]', error)
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', t('error.INTERNAL')))
      else res.end()
    })
  })
  // Requests Node's parser refuses (NUL in the target, broken headers) still get a plain answer with nosniff.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`)
  })

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const isApi = (req.url ?? '').startsWith('/api/')
    if (checkHost && !isAllowedHostHeader(req.headers.host, port, publicHost)) {
      return refuse(res, isApi, 421, 'FORBIDDEN', t('server.error.host'))
    }
    // `/api/<function>` (the hot path) needs no parsing: origin form, nothing to decode, and no other route takes it.
    const plainApi = PLAIN_API_TARGET.exec(req.url ?? '')
    if (plainApi && isFunctionName(plainApi[1])) return callFunction(plainApi[1], req, res)
    const url = parseRequestTarget(req.url)
    if (!url) return refuse(res, isApi, 400, 'INVALID_INPUT', t('server.error.badTarget'))
    if (url.pathname === '/api/_dev/session' && req.method === 'GET') {
      sendJson(res, 200, devMode ? { devMode: true, personas: PERSONAS, demoGroupId: DEMO_GROUP_ID } : { devMode: false, personas: [], demoGroupId: '' })
      return
    }
    const exported = /^\/exports\/([^/]+)$/.exec(url.pathname)
    if (exported && (req.method === 'GET' || req.method === 'HEAD')) return serveExport(res, exported[1], url, clock())
    const apiMatch = /^\/api\/([A-Za-z0-9_-]+)$/.exec(url.pathname)
    // Uploads and photos first; a function call (the hot path) is neither, so it skips them.
    if (!(apiMatch && isFunctionName(apiMatch[1])) && (await routeUpload(req, res, url, { dir: uploadDir, openid: callerOpenid({ caller: requestCaller(req) }), store: options.store, now: clock, rateLimiter }))) return
    if (apiMatch) {
      const name = apiMatch[1]
      if (!isFunctionName(name)) return req.method !== 'POST' ? sendJson(res, 405, failure('INVALID_INPUT', t('validate.object'))) : sendJson(res, 404, failure('NOT_FOUND', t('error.unknownAction')))
      return callFunction(name, req, res)
    }
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('NOT_FOUND', t('error.NOT_FOUND')))
    if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(staticDir, url.pathname, res)
    res.writeHead(404).end()
  }

  /** `POST /api/<name>`: the function's handler with the caller this request names. */
  async function callFunction(name: FunctionName, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('INVALID_INPUT', t('validate.object')))
    if (!isJsonContentType(req.headers['content-type'])) return sendJson(res, 415, failure('INVALID_INPUT', t('server.error.contentType')))
    const read = await readJsonBody(req)
    if (read === 'tooLarge') return sendJson(res, 413, failure('INVALID_INPUT', t('server.error.tooLarge', { max: MAX_BODY_BYTES / 1024 })))
    const body = read?.value
    // A function's event is an object ({ action, input }); an array, a scalar or bad JSON is refused here.
    if (!isPlainObject(body)) return sendJson(res, 400, failure('INVALID_INPUT', t('validate.object')))
    const event = body
    const caller = requestCaller(req)
    const invoke = () => invokeFunction(options.store, name, event, caller, { now: clock, rateLimiter })
    if (readCache && caller.kind === 'user' && isCachedAction(name, event.action)) {
      // The caller is decided above, per request; the cache keys on it (see read-cache.ts).
      return sendPayload(res, 200, await readCache.serve({ fn: name, action: event.action as string, openid: caller.openid, body: read!.text, at: clock() }, invoke))
    }
    return sendJson(res, 200, await invoke())
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
  port = address.port
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | null = null
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => (closing ??= closeGracefully(server)),
  }
}

/** Stop accepting; idle keep-alive connections go now, busy ones once their response ends (or after the grace period). */
/** An export (CSV) through its signed link (`platform/export-files-local.ts`), as a download; 404 otherwise. */
function serveExport(res: http.ServerResponse, name: string, url: URL, at: Date): void {
  const file = readLocalExport(name, url.searchParams.get('exp'), url.searchParams.get('sig'), at)
  if (!file) return void res.writeHead(404).end()
  const body = Buffer.from(file.content, 'utf8')
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Length': body.length,
    'Content-Disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function closeGracefully(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    // A keep-alive connection whose response just ended turns idle: sweep those until the server is closed.
    const sweep = setInterval(() => server.closeIdleConnections(), 50)
    const deadline = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(deadline)
      resolve()
    })
    server.closeIdleConnections()
  })
}

function failure(code: 'INVALID_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL', message: string): ActionResult<never> {
  return { ok: false, error: { code, message } }
}

/** A refusal before routing: the typed JSON error under /api/, plain text elsewhere. */
function refuse(res: http.ServerResponse, isApi: boolean, status: number, code: 'INVALID_INPUT' | 'FORBIDDEN', message: string): void {
  if (isApi) return sendJson(res, status, failure(code, message))
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(message)
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === 'application/json'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendPayload(res, status, JSON.stringify(body))
}

function sendPayload(res: http.ServerResponse, status: number, payload: string): void {
  // A length rather than chunked encoding: one write of headers and body, no chunk framing.
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(payload) })
  res.end(payload)
}

/** The body text and its parsed JSON (`{}` when empty), undefined when it is not JSON, 'tooLarge' past `MAX_BODY_BYTES`. */
function readJsonBody(req: http.IncomingMessage): Promise<{ text: string; value: unknown } | 'tooLarge' | undefined> {
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
      if (tooLarge) return resolve('tooLarge')
      try {
        const text = Buffer.concat(chunks).toString('utf8') || '{}'
        resolve({ text, value: JSON.parse(text) })
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

/** Whether `file` (absolute) lies inside the folder `root` (absolute): by path segments, so `dist/h5-old` is not inside `dist/h5`. */
export function isInsideFolder(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative)
}

/** `pathname` is a parsed request target's, so it decodes (see parseRequestTarget). */
function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const resolvedRoot = path.resolve(root)
  let file = path.resolve(resolvedRoot, '.' + decodeURIComponent(pathname))
  if (!isInsideFolder(resolvedRoot, file)) return void res.writeHead(403).end()
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
