/** The runtime's read cache: kept answers are served only to the same caller, and never once a write or the clock moved past them. */
import { likesId } from '../../domain/likes'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { createReadCache, READ_CACHE_TTL_MS, type ChangeVersioned } from '../../local-runtime/read-cache'
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import type { SqliteStore } from '../../store/sqlite'
import { FIXED_NOW, makeStore } from '../support/fixture'

const MEMBER = personaOpenid('member')
const ADMIN = personaOpenid('admin')

async function call(runtime: LocalRuntime, fn: string, action: string, input: unknown, openid?: string) {
  const response = await fetch(`${runtime.url}/api/${fn}`, {
    method: 'POST',
    body: JSON.stringify({ action, input }),
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
  })
  expect(response.status).toBe(200)
  return response.json()
}

describe('local runtime read cache (over HTTP)', () => {
  let store: SqliteStore
  let runtime: LocalRuntime
  let clock: Date
  let reads: number

  beforeEach(async () => {
    store = await makeStore({ seed: true })
    clock = FIXED_NOW
    reads = 0
    // Count the store's reads, so a served answer is seen to skip the use case.
    const counted = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if ((key === 'get' || key === 'find' || key === 'count') && typeof value === 'function') {
          return (...args: unknown[]) => {
            reads++
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    runtime = await startLocalRuntime({ store: counted, port: 0, staticDir: null, now: () => clock })
  })
  afterEach(async () => {
    await runtime.close()
  })

  const feed = (openid = ADMIN) => call(runtime, 'checkin', 'feed', { groupId: DEMO_GROUP_ID }, openid)

  it('serves a repeated read from the cache, and a write is visible on the very next read', async () => {
    const before = await feed()
    expect(before.ok).toBe(true)
    const readsAfterFirst = reads
    expect(await feed()).toEqual(before)
    expect(reads).toBe(readsAfterFirst)

    // A member checks in: the admin's next feed shows it.
    const checkin = await call(runtime, 'checkin', 'checkIn', { groupId: DEMO_GROUP_ID, note: '刚读完' }, MEMBER)
    expect(checkin).toMatchObject({ ok: true, data: { created: true } })
    const after = await feed()
    expect(after.data.checkedInCount).toBe(before.data.checkedInCount + 1)
    expect(after.data.items[0]).toMatchObject({ id: checkin.data.checkin.id, note: '刚读完' })

    // A like on it: the count is in the next feed.
    const like = await call(runtime, 'checkin', 'like', { groupId: DEMO_GROUP_ID, checkinId: checkin.data.checkin.id, liked: true, knownCount: 0 }, ADMIN)
    expect(like).toMatchObject({ ok: true, data: { count: 1, mine: true } })
    expect((await feed()).data.items[0].likes).toMatchObject({ count: 1, mine: true })
    expect(await store.get('checkinLikes', likesId(DEMO_GROUP_ID, checkin.data.checkin.id))).not.toBeNull()
  })

  it('decides the caller per request: an admin’s review queue is never served to anyone else', async () => {
    const queue = await call(runtime, 'admission', 'listQueue', { groupId: DEMO_GROUP_ID }, ADMIN)
    expect(queue.ok).toBe(true)
    expect(queue.data.items.length).toBeGreaterThan(0)
    expect(await call(runtime, 'admission', 'listQueue', { groupId: DEMO_GROUP_ID }, ADMIN)).toEqual(queue)
    // The same body from a member, from nobody, and from a stranger with a forged-looking header.
    expect(await call(runtime, 'admission', 'listQueue', { groupId: DEMO_GROUP_ID }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await call(runtime, 'admission', 'listQueue', { groupId: DEMO_GROUP_ID })).ok).toBe(false)
    expect((await call(runtime, 'admission', 'listQueue', { groupId: DEMO_GROUP_ID }, 'o x;admin')).ok).toBe(false)
  })

  it('refuses a member removed since their last read', async () => {
    expect((await feed(MEMBER)).ok).toBe(true)
    expect((await call(runtime, 'checkin', 'overview', { groupId: DEMO_GROUP_ID }, MEMBER)).ok).toBe(true)
    await store.remove('members', memberId(DEMO_GROUP_ID, MEMBER))
    expect(await feed(MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(runtime, 'checkin', 'overview', { groupId: DEMO_GROUP_ID }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('recomputes once the clock has moved past the kept answer (a new day shows at once)', async () => {
    expect((await feed()).data.today).toBe('2026-11-23')
    clock = new Date(FIXED_NOW.getTime() + READ_CACHE_TTL_MS - 1)
    const readsBefore = reads
    await feed()
    expect(reads).toBe(readsBefore)
    clock = new Date(FIXED_NOW.getTime() + 24 * 3600_000)
    expect((await feed()).data.today).toBe('2026-11-24')
    // A clock set back does not get the later answer either.
    clock = FIXED_NOW
    expect((await feed()).data.today).toBe('2026-11-23')
  })

  it('can be switched off', async () => {
    const off = await startLocalRuntime({ store, port: 0, staticDir: null, now: () => clock, readCache: false })
    try {
      const first = await call(off, 'checkin', 'feed', { groupId: DEMO_GROUP_ID }, MEMBER)
      await store.remove('members', memberId(DEMO_GROUP_ID, MEMBER))
      expect(first.ok).toBe(true)
      expect((await call(off, 'checkin', 'feed', { groupId: DEMO_GROUP_ID }, MEMBER)).ok).toBe(false)
    } finally {
      await off.close()
    }
  })
})

describe('createReadCache', () => {
  const request = { fn: 'checkin', action: 'feed', openid: 'o_a', body: '{"action":"feed"}', at: new Date(0) }

  function versioned() {
    const state = { version: 1 }
    const store: ChangeVersioned = { changeVersion: () => String(state.version) }
    return { state, cache: createReadCache(store)! }
  }

  it('keeps an answer for the same caller, body and version within the time limit', async () => {
    const { cache } = versioned()
    const compute = jest.fn(async () => ({ ok: true as const, data: { n: 1 } }))
    expect(await cache.serve(request, compute)).toBe('{"ok":true,"data":{"n":1}}')
    await cache.serve({ ...request, at: new Date(READ_CACHE_TTL_MS - 1) }, compute)
    expect(compute).toHaveBeenCalledTimes(1)
    await cache.serve({ ...request, openid: 'o_b' }, compute)
    await cache.serve({ ...request, body: '{"action":"feed","input":{}}' }, compute)
    await cache.serve({ ...request, fn: 'admission' }, compute)
    await cache.serve({ ...request, at: new Date(READ_CACHE_TTL_MS) }, compute)
    expect(compute).toHaveBeenCalledTimes(5)
  })

  it('does not keep an answer when the store changed while it was computed, nor a failure', async () => {
    const { state, cache } = versioned()
    let n = 0
    const racing = jest.fn(async () => {
      n++
      if (n === 1) state.version++
      return { ok: true as const, data: n }
    })
    expect(await cache.serve(request, racing)).toBe('{"ok":true,"data":1}')
    expect(await cache.serve(request, racing)).toBe('{"ok":true,"data":2}')
    expect(await cache.serve(request, racing)).toBe('{"ok":true,"data":2}')
    expect(racing).toHaveBeenCalledTimes(2)
    state.version++
    expect(await cache.serve(request, racing)).toBe('{"ok":true,"data":3}')

    const failing = jest.fn(async () => ({ ok: false as const, error: { code: 'FORBIDDEN' as const, message: 'no' } }))
    await cache.serve({ ...request, openid: 'o_c' }, failing)
    await cache.serve({ ...request, openid: 'o_c' }, failing)
    expect(failing).toHaveBeenCalledTimes(2)
  })

  it('is off for a store without a change version', () => {
    expect(createReadCache({})).toBeNull()
  })
})

describe('createReadCache bounds', () => {
  it('starts over rather than keep more than its character budget, counting a replaced answer once', async () => {
    const { MAX_READ_CACHE_CHARS } = await import('../../local-runtime/read-cache')
    const cache = createReadCache({ changeVersion: () => 'v' })!
    const big = 'x'.repeat(Math.floor(MAX_READ_CACHE_CHARS / 4) - 100)
    const serve = (openid: string, ms: number) => cache.serve({ fn: 'checkin', action: 'feed', openid, body: '{}', at: new Date(ms) }, async () => ({ ok: true, data: big }))
    await serve('o_0', 0)
    await serve('o_1', 0)
    // o_1 recomputed three times once stale: still one answer's worth.
    for (let i = 1; i <= 3; i++) await serve('o_1', i * READ_CACHE_TTL_MS)
    await serve('o_2', 0)
    expect(cache.size).toBe(3)
    await serve('o_3', 0)
    await serve('o_4', 0)
    expect(cache.size).toBe(1)
  })

  it('keeps only answers of the current change version: the first request after a write drops the rest', async () => {
    let version = 1
    const cache = createReadCache({ changeVersion: () => `v${version}` })!
    let computed = 0
    const serve = (openid: string) =>
      cache.serve({ fn: 'checkin', action: 'feed', openid, body: '{}', at: new Date(0) }, async () => ({ ok: true, data: `${openid} at v${version} (${++computed})` }))
    await serve('o_0')
    await serve('o_1')
    expect(cache.size).toBe(2)
    version = 2
    expect(await serve('o_0')).toBe(JSON.stringify({ ok: true, data: 'o_0 at v2 (3)' }))
    expect(cache.size).toBe(1)
    // What is kept is served, without computing again.
    expect(await serve('o_0')).toBe(JSON.stringify({ ok: true, data: 'o_0 at v2 (3)' }))
    expect(computed).toBe(3)
  })
})
