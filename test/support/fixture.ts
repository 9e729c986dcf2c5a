/**
 * The one test fixture: a store (in-memory SQLite unless you pass one), a group with an owner, an admin and
 * a member (plus any members you add), a settable clock, and the typed caller bound to both.
 *
 * @example
 *   const fx = await makeFixture({ group: { timezone: 'America/New_York' }, members: [testMember('o_m2')] })
 *   fx.clock.set('2026-03-08T04:30:00Z')
 *   const { created } = await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: 'done' })
 *   await fx.api.as(MEMBER).at('2026-03-09T03:30:00Z').call(checkIn, { groupId: GROUP })   // one call at another instant
 *   await submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())                   // a use case directly
 *
 *   const store = await makeStore({ seed: true })   // the demo community instead
 */
import type { SubmitApplicationInput } from '../../usecases/admission'
import type { UseCaseContext } from '../../usecases/context'
import { memberId, type GroupDoc, type MemberDoc, type Role } from '../../domain/group'
import { seedDemoCommunity } from '../../local-runtime/demo/demo-community'
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplates } from '../../contracts/subscribe-templates'
import { createFunctionHandlers } from '../../local-runtime/functions'
import { createLocalWechatServices, type LocalWechatServices } from '../../platform/wechat-services-local'
import { withNotifier } from '../../usecases/notifications'
import type { WechatPort } from '../../usecases/ports/wechat'
import type { Store } from '../../store/port'
import { COLLECTION_NAMES } from '../../store/schema'
import { createSqliteStore } from '../../store/sqlite'
import { testCaller, toCaller, type CallAs, type TestCaller } from './caller'
import { memberKey } from '../../usecases/member-keys'
import type { RandomSource } from '../../usecases/ports/random'
import { seededRandom } from './random'

export { CONSOLE, CallFailedError, STRANGER, TIMER, testCaller, type ActingCaller, type CallAs, type TestCaller } from './caller'

/** The fixture clock's default instant: Monday 2026-11-23, 10:00 in Shanghai. */
export const FIXED_NOW = new Date('2026-11-23T02:00:00.000Z')

export const GROUP = 'g-test'
export const OWNER = 'o_owner'
export const ADMIN = 'o_admin'
export const MEMBER = 'o_member'
export const OUTSIDER = 'o_outsider'

/** A fresh in-memory SQLite store with the schema, optionally seeded with the demo community. */
export async function makeStore(options: { seed?: boolean } = {}) {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  if (options.seed) await seedDemoCommunity(store, FIXED_NOW)
  return store
}

/** Every document of every collection (up to 100 each, by id): what a refused call must leave as it was. */
export async function storeSnapshot(store: Store): Promise<Record<string, unknown[]>> {
  const collections: Record<string, unknown[]> = {}
  for (const name of COLLECTION_NAMES) collections[name] = await store.find(name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 })
  return collections
}

export function testGroup(overrides: Partial<GroupDoc> = {}): GroupDoc {
  return {
    _id: GROUP,
    name: '周末徒步·郑州群',
    intro: '每周六一起走郑州周边的山',
    topic: '户外徒步',
    capacity: 500,
    memberCount: 3,
    timezone: 'Asia/Shanghai',
    rules: { version: 2, clauses: ['不发广告', '活动报名请接龙'], publishedAt: '2026-01-01T00:00:00.000Z' },
    ownerOpenid: OWNER,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function testMember(openid: string, role: Role = 'member', name = '张三', joinedAt = '2026-01-01T00:00:00.000Z'): MemberDoc {
  return {
    _id: memberId(GROUP, openid),
    groupId: GROUP,
    openid,
    memberKey: memberKey(GROUP, openid),
    role,
    intro: { name, region: '郑州', occupation: '工程师' },
    joinedAt,
  }
}

export function applyInput(overrides: Partial<SubmitApplicationInput> = {}): SubmitApplicationInput {
  return {
    groupId: GROUP,
    rulesVersion: 2,
    acceptRules: true,
    intro: { name: '王芳', region: '郑州', occupation: '会计', about: '喜欢爬山' },
    answers: {},
    subscribedTemplateIds: [],
    ...overrides,
  }
}

export interface FixtureOptions {
  /** Fields of the group document to change (memberCount defaults to 3 + the extra members). */
  group?: Partial<GroupDoc>
  /** Members besides owner, admin and member. */
  members?: MemberDoc[]
  /** Seed this store (e.g. CloudBase over the wx-server-sdk fake) instead of a fresh SQLite one. */
  store?: Store
  /** The clock's first instant (default FIXED_NOW). */
  now?: string | Date
  /** The subscribe-message templates the functions and use cases get (default: this deployment's table). */
  templates?: SubscribeTemplates
  /** The functions' secure random source (default: `seededRandom('fixture')`, deterministic). */
  random?: RandomSource
}

export interface Clock {
  now(): Date
  set(when: string | Date): void
}

export interface Fixture {
  store: Store
  groupId: string
  clock: Clock
  /** The typed caller, through the real function handlers, at the fixture clock's time. */
  api: TestCaller
  /** What use cases that talk to WeChat get: the local services with the fixture's template table. */
  services: WechatPort
  /** The local WeChat services underneath; `wechat.sent` holds the subscribe messages sent. */
  wechat: LocalWechatServices
  /** A use-case context as a user's OPENID or a caller (`STRANGER`, `TIMER`, `CONSOLE`), at the fixture clock's time (or `now`). */
  ctx(who: CallAs, now?: Date): UseCaseContext
}

/** Write the group and its members into a store. */
export async function seedGroup(store: Store, options: Pick<FixtureOptions, 'group' | 'members'> = {}): Promise<void> {
  const extra = options.members ?? []
  await store.create('groups', testGroup({ memberCount: 3 + extra.length, ...options.group }))
  for (const member of [testMember(OWNER, 'owner', '周敏'), testMember(ADMIN, 'admin', '王强'), testMember(MEMBER, 'member', '李娜'), ...extra]) {
    await store.create('members', member)
  }
}

export async function makeFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const store = options.store ?? (await makeStore())
  await seedGroup(store, options)
  let current = new Date(options.now ?? FIXED_NOW)
  const clock: Clock = {
    now: () => current,
    set: (when) => {
      current = new Date(when)
    },
  }
  const wechat = createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' })
  const templates = options.templates ?? SUBSCRIBE_TEMPLATES
  return {
    store,
    groupId: GROUP,
    clock,
    api: testCaller(store, { now: clock.now, handlers: createFunctionHandlers({ wechat, templates, random: options.random ?? seededRandom('fixture') }) }),
    services: withNotifier(wechat, templates),
    wechat,
    ctx: (who, now) => ({ store, caller: toCaller(who), now: () => now ?? clock.now() }),
  }
}
