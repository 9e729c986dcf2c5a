/** The local runtime's photo upload: images only (type and bytes), size-limited, identity required, served back. */
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { MAX_UPLOAD_BYTES } from '../../local-runtime/uploads'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeStore } from '../support/fixture'

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)])

describe('POST /api/_upload', () => {
  let runtime: LocalRuntime
  let dir: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-test-'))
    runtime = await startLocalRuntime({ store: await makeStore(), port: 0, staticDir: null, uploadDir: dir })
  })

  afterAll(async () => {
    await runtime.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const upload = (body: Buffer, type: string, openid: string | null = 'o_demo_member') =>
    fetch(`${runtime.url}/api/_upload`, { method: 'POST', body, headers: { 'Content-Type': type, ...(openid ? { 'X-WX-OPENID': openid } : {}) } })

  it('stores a PNG and serves it back under /uploads/', async () => {
    const response = await upload(PNG, 'image/png')
    const body = await response.json()
    expect(body).toMatchObject({ ok: true, data: { id: expect.stringMatching(/^local:[a-f0-9]{32}\.png$/) } })
    const name = body.data.id.slice('local:'.length)
    expect(fs.readFileSync(path.join(dir, name))).toEqual(PNG)
    const served = await fetch(`${runtime.url}/uploads/${name}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
  })

  it('refuses non-images, lying types, too large files and anonymous callers, storing nothing', async () => {
    const before = fs.readdirSync(dir).length
    expect(await (await upload(Buffer.from('<script>'), 'text/html')).json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 PNG、JPG、GIF 或 WebP 图片' } })
    expect((await upload(Buffer.from('not really a png'), 'image/png')).status).toBe(415)
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)])
    expect(await (await upload(big, 'image/png')).json()).toMatchObject({ ok: false, error: { message: '图片不能超过 2 MB' } })
    expect((await upload(PNG, 'image/png', null)).status).toBe(401)
    expect(fs.readdirSync(dir).length).toBe(before)
    expect((await fetch(`${runtime.url}/uploads/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
  })
})
