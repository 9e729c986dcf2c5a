/**
 * `npm start` as people run it, in a child process: SIGTERM (to npm itself) and SIGINT stop it cleanly —
 * the port closes, an idle keep-alive connection does not hold it open, acknowledged writes are in the
 * database, the WAL is folded in; and a mistyped switch (DEV_MODE=maybe) stops the start with a message.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DEMO_GROUP_ID } from '../../local-runtime/demo/personas'
import { CLOSE_GRACE_MS, startLocalRuntime } from '../../local-runtime/server'
import { makeStore } from '../support/fixture'
import { isPortOpen, startRuntimeProcess, within } from '../support/runtime-process'

const dataDirs: string[] = []
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequn-shutdown-'))
  dataDirs.push(dir)
  return dir
}
afterAll(() => dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** POST on a keep-alive agent, so the connection stays open (idle) after the answer. */
function postKeepAlive(agent: http.Agent, url: string, openid: string, event: unknown): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': openid } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve(JSON.parse(text)))
    })
    request.on('error', reject)
    request.end(JSON.stringify(event))
  })
}

const submitEvent = {
  action: 'submit',
  input: {
    groupId: DEMO_GROUP_ID,
    rulesVersion: 1,
    acceptRules: true,
    intro: { name: '测试', region: '郑州', occupation: '工程师', about: '' },
    answers: { source: '朋友邀请', reading: '《活着》' },
  },
}

describe('stopping npm start', () => {
  it.each([
    ['npm', 'SIGTERM', 'to npm alone'],
    ['npm', 'SIGINT', 'to the process group, as Ctrl+C sends it'],
    ['node', 'SIGTERM', 'to the runtime'],
  ] as const)('via %s, %s %s closes the port and the store and exits within seconds', async (via, signal, target) => {
    const dataDir = tempDataDir()
    const runtime = await startRuntimeProcess({ via, dataDir })
    const agent = new http.Agent({ keepAlive: true })
    try {
      const answer = await postKeepAlive(agent, `${runtime.url}/api/admission`, 'o_shutdown_01', submitEvent)
      expect(answer).toMatchObject({ ok: true })
      if (target.startsWith('to the process group')) runtime.signalGroup(signal)
      else runtime.child.kill(signal)
      const exit = await within(8000, `${via} exiting after ${signal}`, runtime.exited)
      await within(8000, 'every process of npm start exiting', runtime.closed)
      if (via === 'node') expect(exit).toEqual({ code: 0, signal: null })
      expect(runtime.output()).toContain('已停止 / Stopped')
      expect(await isPortOpen(runtime.port)).toBe(false)
    } finally {
      agent.destroy()
      runtime.signalGroup('SIGKILL')
    }
    // Checkpointed and closed: no WAL left, and the write is in the database file.
    expect(fs.existsSync(path.join(dataDir, 'shequn.db-wal'))).toBe(false)
    const db = new Database(path.join(dataDir, 'shequn.db'), { readonly: true })
    try {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM applications WHERE _id = ?`).get(`${DEMO_GROUP_ID}:o_shutdown_01`)).toEqual({ n: 1 })
    } finally {
      db.close()
    }
  }, 40000)
})

describe('LocalRuntime.close', () => {
  /** A POST whose body arrives in two parts: the request is in flight between them. */
  function slowPost(url: string, body: string) {
    const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'X-WX-OPENID': 'o_inflight' } })
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      })
      request.on('error', reject)
    })
    request.write(body.slice(0, 10))
    return { answered, finish: () => request.end(body.slice(10)), request }
  }

  it('lets a request in flight finish, and refuses new connections meanwhile', async () => {
    const runtime = await startLocalRuntime({ store: await makeStore({ seed: true }), port: 0, staticDir: null })
    const port = Number(new URL(runtime.url).port)
    const inFlight = slowPost(`${runtime.url}/api/admission`, JSON.stringify(submitEvent))
    await new Promise((resolve) => setTimeout(resolve, 100))
    let closed = false
    const closing = runtime.close().then(() => (closed = true))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(closed).toBe(false)
    expect(await isPortOpen(port)).toBe(false)
    inFlight.finish()
    const answer = await inFlight.answered
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true })
    await within(1000, 'close after the last request', closing)
  })

  it('stops waiting for a request that never ends after the grace period', async () => {
    const runtime = await startLocalRuntime({ store: await makeStore(), port: 0, staticDir: null })
    const stuck = slowPost(`${runtime.url}/api/admission`, JSON.stringify(submitEvent))
    stuck.answered.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    await within(CLOSE_GRACE_MS + 2000, 'close with a stuck request', runtime.close())
    expect(Date.now() - started).toBeGreaterThanOrEqual(CLOSE_GRACE_MS - 100)
    stuck.request.destroy()
  })
})

describe('npm start settings', () => {
  it.each([
    [{ DEV_MODE: 'maybe' }, 'DEV_MODE=maybe: use true/yes/on/1 or false/no/off/0'],
    [{ SEED_DEMO: '2' }, 'SEED_DEMO=2: use true/yes/on/1 or false/no/off/0'],
    [{ PORT: '80a' }, 'PORT=80a'],
  ])('refuses to start with %j', async (env, message) => {
    await expect(startRuntimeProcess({ via: 'node', dataDir: tempDataDir(), env })).rejects.toThrow(`设置有误 / Bad setting: ${message}`)
  }, 30000)

  it('turns dev mode off with DEV_MODE=off', async () => {
    const runtime = await startRuntimeProcess({ via: 'node', dataDir: tempDataDir(), env: { DEV_MODE: 'off', SEED_DEMO: 'no' } })
    try {
      expect(await (await fetch(`${runtime.url}/api/_dev/session`)).json()).toEqual({ devMode: false, personas: [], demoGroupId: '' })
      expect(runtime.output()).not.toContain('已创建示例社群')
    } finally {
      runtime.child.kill('SIGTERM')
      await within(8000, 'exit', runtime.exited).finally(() => runtime.signalGroup('SIGKILL'))
    }
  }, 30000)
})
