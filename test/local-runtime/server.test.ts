import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_GROUP_ID, personaOpenid, PERSONAS } from '../../local-runtime/demo/personas'
import { isLoopbackHost, startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import type { Store } from '../../store/port'
import { makeStore } from '../support/fixture'

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } })
  return { status: response.status, body: await response.json() }
}

describe('local runtime', () => {
  let store: Store
  let runtime: LocalRuntime
  let staticDir: string

  beforeAll(async () => {
    store = await makeStore({ seed: true })
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'))
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>app shell</html>')
    fs.mkdirSync(path.join(staticDir, 'js'))
    fs.writeFileSync(path.join(staticDir, 'js/app.js'), 'console.log(1)')
    runtime = await startLocalRuntime({ store, port: 0, staticDir })
  })
  afterAll(async () => {
    await runtime.close()
  })

  const profileEvent = JSON.stringify({ action: 'getProfile', input: { groupId: DEMO_GROUP_ID } })

  it('runs the function handlers with identity from X-WX-OPENID', async () => {
    const admin = await post(`${runtime.url}/api/group`, profileEvent, { 'X-WX-OPENID': personaOpenid('admin') })
    expect(admin.status).toBe(200)
    expect(admin.body).toMatchObject({ ok: true, data: { id: DEMO_GROUP_ID, viewerRole: 'admin', memberCount: 20 } })
    const anonymous = await post(`${runtime.url}/api/group`, profileEvent)
    expect(anonymous.body.data.viewerRole).toBeNull()
  })

  it('ignores a malformed identity header', async () => {
    const result = await post(`${runtime.url}/api/group`, JSON.stringify({ action: 'listMine', input: {} }), { 'X-WX-OPENID': 'o x;drop' })
    expect(result.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('answers bad requests with typed errors', async () => {
    expect(await post(`${runtime.url}/api/group`, '{not json')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } })
    expect(await post(`${runtime.url}/api/nosuch`, '{}')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } })
    const tooBig = await post(`${runtime.url}/api/group`, JSON.stringify({ action: 'getProfile', input: { pad: 'x'.repeat(300 * 1024) } }))
    expect(tooBig).toMatchObject({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大（最多 256 KB）' } } })
    const get = await fetch(`${runtime.url}/api/group`)
    expect(get.status).toBe(405)
  })

  it('serves the dev session with the personas', async () => {
    const session = await (await fetch(`${runtime.url}/api/_dev/session`)).json()
    expect(session).toEqual({ devMode: true, personas: JSON.parse(JSON.stringify(PERSONAS)), demoGroupId: DEMO_GROUP_ID })
    expect(session.personas.map((p: { key: string }) => p.key)).toEqual(['visitor', 'applicant', 'member', 'admin', 'owner'])
  })

  it('serves the H5 build with a fallback to the app shell for page routes', async () => {
    const page = await fetch(`${runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('app shell')
    const js = await fetch(`${runtime.url}/js/app.js`)
    expect(js.headers.get('content-type')).toContain('javascript')
    expect((await fetch(`${runtime.url}/js/missing.js`)).status).toBe(404)
    expect((await fetch(`${runtime.url}/..%2f..%2fetc/passwd`)).status).not.toBe(200)
  })
})

describe('local runtime outside dev mode', () => {
  it('refuses dev mode on a non-loopback address', async () => {
    const store = await makeStore()
    await expect(startLocalRuntime({ store, host: '0.0.0.0', port: 0, staticDir: null })).rejects.toThrow(/loopback/)
  })

  it('ignores X-WX-OPENID and hides the personas when dev mode is off', async () => {
    const store = await makeStore({ seed: true })
    const runtime = await startLocalRuntime({ store, port: 0, devMode: false, staticDir: null })
    try {
      const result = await post(`${runtime.url}/api/group`, JSON.stringify({ action: 'listMine', input: {} }), { 'X-WX-OPENID': personaOpenid('admin') })
      expect(result.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await (await fetch(`${runtime.url}/api/_dev/session`)).json()).toEqual({ devMode: false, personas: [], demoGroupId: '' })
    } finally {
      await runtime.close()
    }
  })

  it.each([
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('isLoopbackHost(%s) is %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
