/**
 * What the loopback server refuses before any handler runs: foreign Host names (DNS rebinding), API bodies
 * that are not JSON objects or are too large, odd request targets, and paths out of the H5 folder; and the
 * nosniff header on every answer.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { isAllowedHostHeader, isInsideFolder, MAX_BODY_BYTES, parseRequestTarget, startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { rawRequest } from '../support/raw-http'
import { makeStore } from '../support/fixture'

const profileEvent = JSON.stringify({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } })

/** A request through http.request, which (unlike fetch) sends the Host header it is given. */
function requestWithHost(url: string, hostHeader: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: { ...init.headers, Host: hostHeader } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.end(init.body)
  })
}

describe('the loopback server', () => {
  let runtime: LocalRuntime
  let port: number
  let parent: string
  let staticDir: string

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'))
    staticDir = path.join(parent, 'h5')
    fs.mkdirSync(staticDir)
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>app shell</html>')
    fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)')
    // A sibling whose name starts with the H5 folder's: a string-prefix check would serve it.
    fs.mkdirSync(path.join(parent, 'h5-old'))
    fs.writeFileSync(path.join(parent, 'h5-old', 'secret.txt'), 'SIBLING SECRET')
    fs.writeFileSync(path.join(parent, 'outside.txt'), 'PARENT SECRET')
    runtime = await startLocalRuntime({ store: await makeStore({ seed: true }), port: 0, staticDir, publicUrl: 'https://shequn.example.com' })
    port = Number(new URL(runtime.url).port)
  })
  afterAll(async () => {
    await runtime.close()
    fs.rmSync(parent, { recursive: true, force: true })
  })

  describe('Host header (DNS rebinding)', () => {
    it.each(['rebind.attacker.example', `rebind.attacker.example:${0}`, '0.0.0.0', '192.168.1.10', 'localhost.attacker.example', 'shequn.example.com.evil.example', '127.0.0.1:1'])(
      'refuses %s with a typed Chinese error',
      async (hostTemplate) => {
        const hostHeader = hostTemplate.replace(':0', `:${port}`)
        const api = await requestWithHost(`${runtime.url}/api/group`, hostHeader, { method: 'POST', body: profileEvent, headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': personaOpenid('admin') } })
        expect(api.status).toBe(421)
        expect(JSON.parse(api.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '本地服务只接受通过本机地址（localhost 或 127.0.0.1）发来的请求' } })
        const page = await requestWithHost(`${runtime.url}/`, hostHeader)
        expect(page.status).toBe(421)
        expect(page.body).not.toContain('app shell')
      },
    )

    it('refuses a request without a Host header', async () => {
      const response = await rawRequest(runtime.url, 'GET /api/_dev/session HTTP/1.0', { Host: '' })
      expect(response.status).toBe(421)
    })

    it.each(['localhost', 'LOCALHOST', 'localhost:PORT', '127.0.0.1', '127.0.0.1:PORT', '127.8.9.10:PORT', '[::1]', '[::1]:PORT', 'shequn.example.com'])(
      'answers %s',
      async (hostTemplate) => {
        const response = await requestWithHost(`${runtime.url}/api/group`, hostTemplate.replace('PORT', String(port)), {
          method: 'POST',
          body: profileEvent,
          headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': personaOpenid('admin') },
        })
        expect(response.status).toBe(200)
        expect(JSON.parse(response.body)).toMatchObject({ ok: true, data: { viewerRole: 'admin' } })
      },
    )

    it('matches names by the whole host', () => {
      expect(isAllowedHostHeader('127.0.0.1:8787', 8787, null)).toBe(true)
      expect(isAllowedHostHeader('127.0.0.1:8788', 8787, null)).toBe(false)
      expect(isAllowedHostHeader('127.256.0.1', 8787, null)).toBe(false)
      expect(isAllowedHostHeader('app.example.com:8443', 8787, 'app.example.com:8443')).toBe(true)
      expect(isAllowedHostHeader('app.example.com', 8787, 'app.example.com:8443')).toBe(false)
      expect(isAllowedHostHeader(undefined, 8787, null)).toBe(false)
    })
  })

  describe('API bodies', () => {
    const post = async (body: string, contentType: string | null) => {
      const response = await fetch(`${runtime.url}/api/group`, {
        method: 'POST',
        body,
        headers: { 'X-WX-OPENID': personaOpenid('admin'), ...(contentType ? { 'Content-Type': contentType } : {}) },
      })
      return { status: response.status, body: await response.json(), nosniff: response.headers.get('x-content-type-options') }
    }

    it('takes application/json, with or without a charset', async () => {
      expect(await post(profileEvent, 'application/json')).toMatchObject({ status: 200, body: { ok: true } })
      expect(await post(profileEvent, 'application/json; charset=utf-8')).toMatchObject({ status: 200, body: { ok: true } })
    })

    it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'])(
      'refuses %s with 415 (what a cross-site form or a simple fetch can send)',
      async (contentType) => {
        expect(await post(profileEvent, contentType)).toEqual({ status: 415, nosniff: 'nosniff', body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容必须是 JSON（Content-Type: application/json）' } } })
      },
    )

    it('refuses a body without a content type', async () => {
      // fetch labels a string body text/plain; a raw request can leave the header out.
      const response = await rawRequest(runtime.url, 'POST /api/group HTTP/1.1', {}, profileEvent)
      expect(response.status).toBe(415)
    })

    it('answers 413 past the limit, and a body just under it is parsed', async () => {
      const over = JSON.stringify({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID, pad: 'x'.repeat(MAX_BODY_BYTES) } })
      expect(await post(over, 'application/json')).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大（最多 256 KB）' } } })
      const under = JSON.stringify({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID, pad: 'x'.repeat(MAX_BODY_BYTES - 200) } })
      expect(await post(under, 'application/json')).toMatchObject({ status: 200, body: { ok: true } })
    })

    it.each(['[]', '[{"action":"getProfile"}]', '"getProfile"', '42', 'null', 'true'])('refuses the JSON %s where an object is expected', async (body) => {
      expect(await post(body, 'application/json')).toEqual({ status: 400, nosniff: 'nosniff', body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } } })
    })
  })

  describe('request targets', () => {
    it.each([
      ['GET /%E0%A4%A HTTP/1.1', 'broken percent-encoding'],
      ['GET /api/%E0%A4%A HTTP/1.1', 'broken percent-encoding under /api'],
      ['GET /js/%ZZ.js HTTP/1.1', 'a non-hex escape'],
      ['OPTIONS * HTTP/1.1', 'the asterisk form'],
      ['GET http://x/ HTTP/1.1', 'the absolute form'],
      ['GET //double HTTP/1.1', 'a double slash'],
      ['GET //127.0.0.1/api/_dev/session HTTP/1.1', 'a double slash naming a host'],
      ['GET /..\\h5-old\\secret.txt HTTP/1.1', 'backslashes'],
      ['GET /..%5ch5-old%5csecret.txt HTTP/1.1', 'encoded backslashes'],
      ['GET /app.js%00.html HTTP/1.1', 'an encoded NUL'],
      ['GET /app\0.js HTTP/1.1', 'a raw NUL'],
    ])('%s (%s) gets 400 with nosniff, never a 500', async (requestLine) => {
      const response = await rawRequest(runtime.url, requestLine)
      expect(response.status).toBe(400)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.body).not.toMatch(/at .*\.ts|Error/)
      expect(response.body).not.toContain('SECRET')
    })

    it('answers oversized headers with 431 and nosniff', async () => {
      const response = await rawRequest(runtime.url, 'GET / HTTP/1.1', { 'X-Padding': 'x'.repeat(20 * 1024) })
      expect(response.status).toBe(431)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
    })

    it('parses only origin-form targets', () => {
      expect(parseRequestTarget('/pages/group/index?id=1')?.pathname).toBe('/pages/group/index')
      expect(parseRequestTarget('/%E4%B8%AD')?.pathname).toBe('/%E4%B8%AD')
      expect(parseRequestTarget('*')).toBeNull()
      expect(parseRequestTarget('//x/y')).toBeNull()
      expect(parseRequestTarget('/%E0%A4%A')).toBeNull()
    })
  })

  describe('static files', () => {
    it.each([
      '/..%2fh5-old%2fsecret.txt',
      '/..%2Fh5-old%2Fsecret.txt',
      '/%2e%2e%2fh5-old%2fsecret.txt',
      '/%2e%2e/h5-old/secret.txt',
      '/js%2f..%2f..%2fh5-old%2fsecret.txt',
      '/..%2foutside.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ])('never serves %s from outside the H5 folder', async (target) => {
      const response = await rawRequest(runtime.url, `GET ${target} HTTP/1.1`)
      expect(response.status).not.toBe(200)
      expect(response.status).toBeLessThan(500)
      expect(response.body).not.toContain('SECRET')
      expect(response.body).not.toContain('root:')
    })

    it('still serves files in the folder and the app shell for page routes', async () => {
      const js = await fetch(`${runtime.url}/app.js`)
      expect(js.status).toBe(200)
      expect(await js.text()).toBe('console.log(1)')
      expect(await (await fetch(`${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)).text()).toContain('app shell')
    })

    it('decides containment by folder, not by string prefix', () => {
      expect(isInsideFolder('/srv/dist/h5', '/srv/dist/h5/js/app.js')).toBe(true)
      expect(isInsideFolder('/srv/dist/h5', '/srv/dist/h5/..hidden')).toBe(true)
      expect(isInsideFolder('/srv/dist/h5', '/srv/dist/h5-old/secret.txt')).toBe(false)
      expect(isInsideFolder('/srv/dist/h5', '/srv/dist')).toBe(false)
      expect(isInsideFolder('/srv/dist/h5', '/etc/passwd')).toBe(false)
    })
  })

  it('sends X-Content-Type-Options: nosniff on every kind of answer', async () => {
    const answers = await Promise.all([
      fetch(`${runtime.url}/`),
      fetch(`${runtime.url}/app.js`),
      fetch(`${runtime.url}/missing.js`),
      fetch(`${runtime.url}/api/_dev/session`),
      fetch(`${runtime.url}/api/group`),
      fetch(`${runtime.url}/api/nosuch`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      fetch(`${runtime.url}/api/group`, { method: 'POST', body: profileEvent, headers: { 'Content-Type': 'application/json' } }),
      fetch(`${runtime.url}/uploads/missing.png`),
      fetch(`${runtime.url}/api/_upload`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }),
    ])
    for (const answer of answers) expect([answer.url, answer.headers.get('x-content-type-options')]).toEqual([answer.url, 'nosniff'])
  })
})
