/**
 * The local runtime's photo upload and photo links: images only (type and bytes), size-limited, identity
 * and membership of the named group required, recorded as the uploader's; served back only through a
 * signed, unexpired `/photos/` link (which only members' views carry), with `nosniff`.
 */
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { MAX_UPLOAD_BYTES } from '../../local-runtime/uploads'
import { PHOTO_LINK_TTL_SECONDS, signedPhotoLink } from '../../platform/photo-links'
import { photoRecordId } from '../../domain/photos'
import { checkIn, listTodayFeed } from '../../contracts'
import type { Store } from '../../store/port'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GROUP, MEMBER, ADMIN, OUTSIDER, makeStore, seedGroup } from '../support/fixture'

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)])

describe('POST /api/_upload and GET /photos/', () => {
  let runtime: LocalRuntime
  let store: Store
  let dir: string
  let now = new Date('2026-11-23T02:00:00.000Z')

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-test-'))
    store = await makeStore()
    await seedGroup(store)
    runtime = await startLocalRuntime({ store, port: 0, staticDir: null, uploadDir: dir, now: () => now })
  })

  afterAll(async () => {
    await runtime.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const upload = (body: Buffer, type: string, openid: string | null = MEMBER, groupId: string | null = GROUP) =>
    fetch(`${runtime.url}/api/_upload${groupId ? `?groupId=${groupId}` : ''}`, { method: 'POST', body, headers: { 'Content-Type': type, ...(openid ? { 'X-WX-OPENID': openid } : {}) } })
  const call = async (openid: string, fn: string, action: string, input: unknown) =>
    (await fetch(`${runtime.url}/api/${fn}`, { method: 'POST', body: JSON.stringify({ action, input }), headers: { 'X-WX-OPENID': openid, 'Content-Type': 'application/json' } })).json()

  it('records a member’s PNG for the group; members’ views link it, and only a signed unexpired link serves it', async () => {
    const response = await upload(PNG, 'image/png')
    const body = await response.json()
    expect(body).toMatchObject({ ok: true, data: { id: expect.stringMatching(/^local:[a-f0-9]{32}\.png$/) } })
    const photoId: string = body.data.id
    const name = photoId.slice('local:'.length)
    expect(fs.readFileSync(path.join(dir, name))).toEqual(PNG)
    expect(await store.get('photos', photoRecordId(GROUP, photoId)!)).toMatchObject({ groupId: GROUP, openid: MEMBER, size: PNG.length, location: path.join(dir, name), checkinId: null })

    // No public folder any more.
    expect((await fetch(`${runtime.url}/uploads/${name}`)).status).toBe(404)

    const checked = await call(MEMBER, checkIn.fn, checkIn.action, { groupId: GROUP, photoFileId: photoId })
    expect(checked).toMatchObject({ ok: true, data: { checkin: { photoUrl: expect.stringMatching(new RegExp(`^/photos/${name}\\?exp=\\d+&sig=[a-f0-9]{64}$`)) } } })
    const feed = await call(ADMIN, listTodayFeed.fn, listTodayFeed.action, { groupId: GROUP })
    const link: string = feed.data.items[0].photoUrl
    expect(link).toMatch(/^\/photos\//)
    expect(await call(OUTSIDER, listTodayFeed.fn, listTodayFeed.action, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const served = await fetch(`${runtime.url}${link}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)

    // Forged, missing, borrowed from another photo, and expired links are refused.
    const sig = new URL(link, 'http://x').searchParams.get('sig')!
    const exp = new URL(link, 'http://x').searchParams.get('exp')!
    const forged = `/photos/${name}?exp=${exp}&sig=${(sig[0] === 'a' ? 'b' : 'a') + sig.slice(1)}`
    const longer = `/photos/${name}?exp=${Number(exp) + 3600}&sig=${sig}`
    const other = `/photos/${'f'.repeat(32)}.png?exp=${exp}&sig=${sig}`
    for (const bad of [forged, longer, other, `/photos/${name}`]) {
      const refused = await fetch(`${runtime.url}${bad}`)
      expect(refused.status).toBe(403)
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff')
    }
    now = new Date(now.getTime() + (PHOTO_LINK_TTL_SECONDS + 1) * 1000)
    try {
      expect((await fetch(`${runtime.url}${link}`)).status).toBe(403)
      expect((await fetch(`${runtime.url}${signedPhotoLink(name, now)}`)).status).toBe(200)
    } finally {
      now = new Date('2026-11-23T02:00:00.000Z')
    }
  })

  it('refuses non-images, lying types, too large files, anonymous callers, a missing group and non-members, storing nothing', async () => {
    const before = fs.readdirSync(dir).length
    const records = await store.count('photos')
    expect(await (await upload(Buffer.from('<script>'), 'text/html')).json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 PNG、JPG、GIF 或 WebP 图片' } })
    expect((await upload(Buffer.from('not really a png'), 'image/png')).status).toBe(415)
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)])
    expect(await (await upload(big, 'image/png')).json()).toMatchObject({ ok: false, error: { message: '图片不能超过 2 MB' } })
    expect((await upload(PNG, 'image/png', null)).status).toBe(401)
    expect(await (await upload(PNG, 'image/png', MEMBER, null)).json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '上传照片需要指明社群' } })
    const outsider = await upload(PNG, 'image/png', OUTSIDER)
    expect(outsider.status).toBe(403)
    expect(await outsider.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(fs.readdirSync(dir).length).toBe(before)
    expect(await store.count('photos')).toBe(records)
    expect((await fetch(`${runtime.url}/photos/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
  })
})
