/**
 * Per-identity rate limits (`platform/rate-limit.ts`): the token bucket on its own clock, then each row of the
 * table through the real handlers (submit, check-in, make-up), the local upload route, and the CloudBase
 * entry — over the limit a user gets RATE_LIMITED in Chinese and nothing is written; others are not affected.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as fakeSdk from '../fakes/wx-server-sdk'
import { main as checkinMain } from '../../cloudfunctions/checkin/index'
import { checkIn, makeUpCheckin, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { checkinId } from '../../domain/checkin'
import { startLocalRuntime } from '../../local-runtime/server'
import { HOUR_MS, MINUTE_MS, PHOTO_UPLOAD_LIMIT, RATE_LIMITS, createRateLimiter, rateLimitOf, type RateLimit } from '../../platform/rate-limit'
import { createCloudbaseStore } from '../../store/cloudbase'
import { memberId } from '../../domain/group'
import { memberKey } from '../../usecases/member-keys'
import { ADMIN, GROUP, MEMBER, OWNER, applyInput, makeFixture, makeStore, seedGroup, storeSnapshot, testCaller, testGroup, testMember } from '../support/fixture'

jest.mock('wx-server-sdk', () => jest.requireActual('../fakes/wx-server-sdk'))

const RATE_LIMITED = { ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } }

/** A clock the limiter reads, apart from the calls' own clock. */
function limiterClock() {
  let ms = Date.parse('2026-11-23T02:00:00Z')
  return { now: () => ms, advance: (by: number) => void (ms += by) }
}

describe('the rate-limit table', () => {
  it('limits submits, check-ins, make-ups, likes and edits per minute and photo uploads per hour', () => {
    expect(RATE_LIMITS.map((l) => [l.key, l.max, l.windowMs])).toEqual([
      ['admission.submit', 5, MINUTE_MS],
      ['checkin.checkIn', 10, MINUTE_MS],
      ['checkin.makeUp', 10, MINUTE_MS],
      ['upload.checkinPhoto', 20, HOUR_MS],
      ['checkin.like', 60, MINUTE_MS],
      ['checkin.edit', 10, MINUTE_MS],
      ['lottery.enter', 10, MINUTE_MS],
      ['lottery.claim', 5, MINUTE_MS],
      ['lottery.create', 5, MINUTE_MS],
    ])
    expect(rateLimitOf(submitApplication)?.max).toBe(5)
    expect(rateLimitOf(applyInput as never)).toBeUndefined()
  })
})

describe('createRateLimiter', () => {
  const limit: RateLimit = { key: 'test.act', max: 3, windowMs: MINUTE_MS }

  it('allows a burst of max, then one more every windowMs / max', () => {
    const clock = limiterClock()
    const limiter = createRateLimiter({ now: clock.now })
    expect([1, 2, 3, 4].map(() => limiter.take(limit, 'o_a'))).toEqual([true, true, true, false])
    clock.advance(19_999)
    expect(limiter.take(limit, 'o_a')).toBe(false)
    clock.advance(1)
    expect([limiter.take(limit, 'o_a'), limiter.take(limit, 'o_a')]).toEqual([true, false])
    clock.advance(MINUTE_MS * 10)
    expect([1, 2, 3, 4].map(() => limiter.take(limit, 'o_a'))).toEqual([true, true, true, false])
  })

  it('keeps a bucket per identity and per limit', () => {
    const limiter = createRateLimiter({ now: limiterClock().now })
    for (let i = 0; i < 3; i++) limiter.take(limit, 'o_a')
    expect(limiter.take(limit, 'o_a')).toBe(false)
    expect(limiter.take(limit, 'o_b')).toBe(true)
    expect(limiter.take({ ...limit, key: 'test.other' }, 'o_a')).toBe(true)
  })

  it('stays bounded under a flood of identities, forgetting full buckets first', () => {
    const clock = limiterClock()
    const limiter = createRateLimiter({ now: clock.now, maxBuckets: 100 })
    for (let i = 0; i < 3; i++) limiter.take(limit, 'o_busy')
    for (let i = 0; i < 1000; i++) limiter.take(limit, `o_${i}`)
    // o_busy was the least recently used and was forgotten: it starts full again, a bounded leak by design.
    expect(limiter.take(limit, 'o_busy')).toBe(true)
  })
})

describe('through the function handlers', () => {
  async function limited() {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 7, monthlyLimit: 10 } } })
    const clock = limiterClock()
    const api = testCaller(fx.store, { now: fx.clock.now, rateLimiter: createRateLimiter({ now: clock.now }) })
    return { fx, clock, api }
  }

  it('submit: 5 a minute per user, the 6th is RATE_LIMITED and changes nothing', async () => {
    const { fx, clock, api } = await limited()
    for (let i = 0; i < 5; i++) expect(await api.as('o_new').result(submitApplication, applyInput())).toMatchObject({ ok: true })
    const before = await storeSnapshot(fx.store)
    const changed = applyInput({ intro: { name: '改名', region: '郑州', occupation: '会计', about: '' } })
    expect(await api.as('o_new').result(submitApplication, changed)).toEqual(RATE_LIMITED)
    expect(await storeSnapshot(fx.store)).toEqual(before)
    expect(await api.as('o_other').result(submitApplication, applyInput())).toMatchObject({ ok: true })
    clock.advance(12_000)
    expect(await api.as('o_new').result(submitApplication, changed)).toMatchObject({ ok: true })
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_new'))).toMatchObject({ intro: { name: '改名' } })
  })

  it('invalid input is answered before the limit and uses no try', async () => {
    const { api } = await limited()
    for (let i = 0; i < 8; i++) expect(await api.as('o_new').resultOfUnchecked(submitApplication, { ...applyInput(), acceptRules: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await api.as('o_new').result(submitApplication, applyInput())).toMatchObject({ ok: true })
  })

  it('check-in: 10 a minute per user, the 11th writes no check-in; another member is not affected', async () => {
    const { fx, api } = await limited()
    const day = (n: number) => `2026-11-${String(10 + n).padStart(2, '0')}T02:00:00Z` // 10:00 in Shanghai on the 10th + n
    for (let n = 0; n < 10; n++) expect(await api.as(MEMBER).at(day(n)).result(checkIn, { groupId: GROUP })).toMatchObject({ ok: true, data: { created: true } })
    expect(await api.as(MEMBER).at(day(10)).result(checkIn, { groupId: GROUP })).toEqual(RATE_LIMITED)
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-20'))).toBeNull()
    expect(await api.as(OWNER).at(day(10)).result(checkIn, { groupId: GROUP })).toMatchObject({ ok: true })
  })

  it('make-up: 10 a minute per user, counted apart from check-ins', async () => {
    const { fx, api } = await limited()
    for (let n = 0; n < 10; n++) await api.as(MEMBER).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-22' })
    expect(await api.as(MEMBER).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-21' })).toEqual(RATE_LIMITED)
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-21'))).toBeNull()
    expect(await api.as(MEMBER).result(checkIn, { groupId: GROUP })).toMatchObject({ ok: true })
  })

  it('without a limiter (tests, the scheduler) nothing is limited', async () => {
    const fx = await makeFixture()
    for (let i = 0; i < 7; i++) expect(await fx.api.as('o_new').result(submitApplication, applyInput())).toMatchObject({ ok: true })
  })
})

describe('POST /api/_upload', () => {
  it(`takes ${PHOTO_UPLOAD_LIMIT.max} photos an hour per user; the next is 429 RATE_LIMITED and stores nothing`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-limit-'))
    const clock = limiterClock()
    // MEMBER belongs to GROUP and to a second group: the per-group daily photo quota (also 20) must not be
    // what refuses the upload after the limiter refills.
    const store = await makeStore()
    await seedGroup(store)
    await store.create('groups', testGroup({ _id: 'g-two', memberCount: 1 }))
    await store.create('members', { ...testMember(MEMBER), _id: memberId('g-two', MEMBER), groupId: 'g-two', memberKey: memberKey('g-two', MEMBER) })
    const runtime = await startLocalRuntime({ store, port: 0, staticDir: null, uploadDir: dir, rateLimiter: createRateLimiter({ now: clock.now }) })
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)])
    const upload = (openid: string, groupId = GROUP) =>
      fetch(`${runtime.url}/api/_upload?groupId=${groupId}`, { method: 'POST', body: png, headers: { 'Content-Type': 'image/png', 'X-WX-OPENID': openid } })
    try {
      for (let i = 0; i < PHOTO_UPLOAD_LIMIT.max; i++) expect((await upload(MEMBER)).status).toBe(200)
      const refused = await upload(MEMBER, 'g-two')
      expect(refused.status).toBe(429)
      expect(await refused.json()).toEqual(RATE_LIMITED)
      expect(fs.readdirSync(dir)).toHaveLength(PHOTO_UPLOAD_LIMIT.max)
      expect((await upload(ADMIN)).status).toBe(200)
      clock.advance(HOUR_MS / PHOTO_UPLOAD_LIMIT.max)
      expect((await upload(MEMBER, 'g-two')).status).toBe(200)
    } finally {
      await runtime.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the CloudBase entry', () => {
  it('limits a user per warm instance, on the real clock', async () => {
    const cloud = fakeSdk.fakeCloud()
    const store = createCloudbaseStore(cloud.database())
    for (const name of ['groups', 'members', 'checkins', 'checkinMonths', 'checkinStats', 'reminderSubscriptions', 'dailyTasks', 'auditLogs']) await cloud.database().createCollection(name).catch(() => undefined)
    await seedGroup(store)
    fakeSdk.setWXContext({ OPENID: MEMBER })
    const results = []
    for (let i = 0; i < 11; i++) results.push(await checkinMain({ action: 'checkIn', input: { groupId: GROUP } }))
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true)
    expect(results[10]).toEqual(RATE_LIMITED)
    fakeSdk.setWXContext({ OPENID: OWNER })
    expect(await checkinMain({ action: 'checkIn', input: { groupId: GROUP } })).toMatchObject({ ok: true })
  })
})
