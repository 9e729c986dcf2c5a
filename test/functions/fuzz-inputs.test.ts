/**
 * Property-based fuzzing of every action's input (fast-check), through the real function handlers on a fresh
 * in-memory SQLite store seeded by the fixture, as a member and as an admin. Two kinds of input per action:
 * - arbitrary JSON-ish values (what a client could send: anything `JSON.parse` yields), also objects using the
 *   action's own keys with arbitrary values, so the fuzz gets past "not an object";
 * - a valid input with 1–3 mutations at any path: a wrong type, a huge string, an array where an object is,
 *   unicode oddities, a prototype key (`__proto__`, `constructor`, ...) added or put in place, a key removed.
 * The answer is always a typed `ActionResult`: ok, or a known error code other than INTERNAL with a non-empty
 * Chinese message (and string field messages) — never a throw. A failed call stores nothing: a digest of every
 * collection is the same before and after.
 *
 * Runs are bounded (FUZZ_RUNS, default 30, per action, input kind and caller; the seed is printed on a failure, and
 * `FUZZ_SEED=<n>` replays it).
 */
import fc from 'fast-check'
import * as v from 'valibot'
import * as contracts from '../../contracts'
import { FUNCTION_NAMES, type ActionResult, type AnyAction } from '../../contracts/define'
import { applicationId } from '../../domain/admission'
import { ERROR_CODES } from '../../domain/errors'
import type { Store } from '../../store/port'
import { COLLECTION_NAMES } from '../../store/schema'
import { ADMIN, GROUP, MEMBER, applyInput, makeFixture, type Fixture } from '../support/fixture'
import { memberKey } from '../../usecases/member-keys'
import { photoPathPrefix } from '../../usecases/photos'
import { lotteryIdFor } from '../../usecases/lottery'
import { lotteryInput } from '../support/lottery'

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30)
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const APPLICANT = 'o_applicant'
/** A lottery the fuzz fixture creates (so lottery actions reach a real one): see `fuzzFixture`. */
const LOTTERY = lotteryIdFor(GROUP, ADMIN, 'req_fuzz_lottery')

/** Every action contract exported from contracts/index.ts. */
const ACTIONS: AnyAction[] = Object.values(contracts).filter(
  (value): value is AnyAction => typeof value === 'object' && value !== null && 'fn' in value && 'action' in value && 'input' in value,
)

const key = (contract: AnyAction) => `${contract.fn}.${contract.action}`

/** One input each action accepts (its schema's, not necessarily one the use case agrees to). */
const VALID_INPUTS: Record<string, Record<string, unknown>> = {
  'group.getProfile': { groupId: GROUP },
  'group.listMine': {},
  'group.getSettings': { groupId: GROUP },
  'group.saveSettings': { groupId: GROUP, name: '周末徒步·郑州群', intro: '每周六走山', timezone: 'Asia/Shanghai', dayStartHour: 4, makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, taskPublishTime: '07:30', capacity: 200, preview: false },
  'setup.ensureCollections': {},
  'setup.backfillMemberKeys': {},
  'admission.getApplyPage': { groupId: GROUP, inviteId: 'i_0123456789' },
  'admission.submit': { ...applyInput(), inviteId: null, phone: '', subscribedTemplateIds: ['tmpl'] },
  'admission.withdraw': { groupId: GROUP },
  'admission.listQueue': { groupId: GROUP, order: 'newest', cursor: 0 },
  'admission.getApplication': { groupId: GROUP, applicationId: applicationId(GROUP, APPLICANT) },
  'admission.decide': { groupId: GROUP, applicationId: applicationId(GROUP, APPLICANT), decision: 'approve', reason: '' },
  'admission.decideBatch': { groupId: GROUP, applicationIds: [applicationId(GROUP, APPLICANT)], decision: 'reject', reason: '资料不全' },
  'admission.getSettings': { groupId: GROUP },
  'admission.updateSettings': {
    groupId: GROUP,
    settings: {
      questions: [
        { id: 'q1', kind: 'text', label: '怎么知道本群的？', required: true, options: [] },
        { id: 'q2', kind: 'choice', label: '常住', required: false, options: ['郑州', '外地'] },
      ],
      requirePhone: false,
      allowMemberInvites: true,
      cooldownDays: 7,
      reasonTemplates: ['资料不全'],
    },
  },
  'admission.getInviteCode': { groupId: GROUP },
  'admissionPurge.purgeRejected': { olderThanDays: 30 },
  'members.list': { groupId: GROUP, cursor: 0 },
  'members.changeRole': { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER), role: 'admin' },
  'members.transferOwnership': { groupId: GROUP, memberKey: memberKey(GROUP, ADMIN) },
  'members.remove': { groupId: GROUP, memberKey: memberKey(GROUP, MEMBER), reason: '' },
  'members.leave': { groupId: GROUP },
  'inbox.list': { cursor: 0 },
  'inbox.markRead': { messageId: 'inbox_abc' },
  'board.getRules': { groupId: GROUP },
  'board.acknowledgeRules': { groupId: GROUP, version: 2 },
  'board.publishRules': { groupId: GROUP, clauses: ['不发广告', '', '周六活动报名请接龙'] },
  'board.listAnnouncements': { groupId: GROUP, cursor: 0 },
  'board.postAnnouncement': { groupId: GROUP, title: '周六爬山', body: '早上八点集合', pinned: true, requestId: 'req-fuzz-0001' },
  'board.setAnnouncementPinned': { groupId: GROUP, announcementId: 'ann_abc', pinned: true },
  'board.listTasks': { groupId: GROUP, cursor: 0 },
  'board.saveTask': { groupId: GROUP, day: '2026-11-23', title: '读一章', body: '读完写一句感想', publishTime: '08:00' },
  'checkin.overview': { groupId: GROUP },
  'checkin.checkIn': { groupId: GROUP, note: '读完了', linkTask: true },
  'checkin.registerPhoto': { groupId: GROUP, fileId: `cloud://env-test.1234/${photoPathPrefix(GROUP, '2026-11-23', MEMBER)}abcdef12.jpg` },
  'photoCleanup.run': {},
  'checkin.makeUp': { groupId: GROUP, day: '2026-11-22', note: '补卡' },
  'checkin.calendar': { groupId: GROUP, month: '2026-11' },
  'checkin.feed': { groupId: GROUP, cursor: 0 },
  'checkin.setReminder': { groupId: GROUP, enabled: true, time: '20:00' },
  'reminders.run': {},
  'participation.leaderboard': { groupId: GROUP, period: 'week', metric: 'score', cursor: 0 },
  'participation.myProgress': { groupId: GROUP },
  'participation.dashboard': { groupId: GROUP },
  'participation.inactive': { groupId: GROUP, cursor: 0 },
  'participation.nudge': { groupId: GROUP, memberKeys: [memberKey(GROUP, MEMBER)], message: '回来打卡吧' },
  'participation.remove': { groupId: GROUP, memberKeys: [memberKey(GROUP, MEMBER)], reason: '连续 30 天未打卡' },
  'participation.exportMembers': { groupId: GROUP },
  'participation.exportCheckins': { groupId: GROUP, from: '2026-11-01', to: '2026-11-23' },
  'participation.getSettings': { groupId: GROUP },
  'participation.saveSettings': { groupId: GROUP, points: { checkin: 10, makeUp: 5, taskCheckin: 15, lotteryEntry: 2, invitee: 20 }, inactiveDays: 7, goal: { kind: 'streak', days: 21, reward: '书' } },
  'participation.archive': { groupId: GROUP },
  'participation.restore': { groupId: GROUP },
  'participation.myGroups': {},
  'tally.run': {},
  'checkin.like': { groupId: GROUP, checkinId: 'a1b2c3d4e5f6a1b2c3d4e5f6', liked: true, knownCount: 2 },
  'checkin.edit': { groupId: GROUP, note: '改一句', photoFileId: 'local:0123456789abcdef0123456789abcdef.png' },
  'admission.getJoinGuide': { groupId: GROUP },
  'admission.confirmJoined': { groupId: GROUP },
  'admission.getJoinGuideSettings': { groupId: GROUP },
  'admission.updateJoinGuide': { groupId: GROUP, groupQrPhotoId: `local:${'a'.repeat(32)}.png`, personalQrPhotoId: null, instructions: '进群后改昵称', groupQrGeneratedOn: '2026-11-22' },
  'admission.listNotJoined': { groupId: GROUP, days: 3 },
  'admissionPurge.remindJoinQrExpiry': {},
  'board.editAnnouncement': { groupId: GROUP, announcementId: 'ann_abc', title: '周六爬山（改期）', body: '九点集合' },
  'board.deleteAnnouncement': { groupId: GROUP, announcementId: 'ann_abc' },
  'board.deleteTask': { groupId: GROUP, day: '2026-11-24' },
  'admission.listDecided': { groupId: GROUP, cursor: 20 },
  'admission.pendingCounts': {},
  'admissionPurge.sendApplicationDigest': {},
  'admission.ask': { groupId: GROUP, applicationId: `${GROUP}:o_new`, question: '你在郑州哪个区？' },
  'admission.answer': { groupId: GROUP, answer: '金水区' },
  'lottery.create': {
    groupId: GROUP,
    requestId: 'req_0123456789',
    title: '坚持打卡抽好书',
    description: '打卡越多机会越大',
    prizes: [{ name: '《活着》签名本', quantity: 1 }, { name: '书签', quantity: 2, imageId: 'local:0123456789abcdef0123456789abcdef.png' }],
    opensAt: '2026-11-23T02:00:00.000Z',
    closesAt: '2026-11-30T12:00:00.000Z',
    drawRule: { kind: 'time', drawAt: '2026-11-30T12:00:00.000Z' },
    eligibility: { minCheckins: 3, period: { from: '2026-11-16', to: '2026-11-22' }, joinedBefore: '2026-11-20' },
    weighting: { maxTickets: 5 },
    needsAddress: true,
    claimDays: 7,
  },
  'lottery.list': { groupId: GROUP, filter: 'open', cursor: 0 },
  'lottery.get': { lotteryId: LOTTERY },
  'lottery.enter': { lotteryId: LOTTERY, nonce: '0123456789abcdef0123456789abcdef' },
  'lottery.cancel': { lotteryId: LOTTERY, reason: '奖品缺货' },
  'lottery.draw': { lotteryId: LOTTERY },
  'lottery.getDraw': { lotteryId: LOTTERY, cursor: 0 },
  'lottery.claim': { lotteryId: LOTTERY, name: '李娜', phone: '13800138000', address: '郑州市金水区', note: '' },
  'lottery.entrants': { lotteryId: LOTTERY, cursor: 0 },
  'lottery.winners': { lotteryId: LOTTERY },
  'lottery.redraw': { lotteryId: LOTTERY },
  'lottery.settle': { lotteryId: LOTTERY },
  'lottery.exportCsv': { lotteryId: LOTTERY, kind: 'entrants' },
  'lottery.runDue': {},
  'board.markAnnouncementsRead': { groupId: GROUP, announcementIds: ['ann_abc', 'ann_def'] },
  'photoCleanup.cleanExports': {},
}

// --- arbitraries ---

const HUGE_STRINGS = ['x'.repeat(100_000), '中'.repeat(30_000), ' '.repeat(10_000) + 'a', 'g-test'.repeat(5_000)]
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']
const ODD_STRINGS = ['', ' ', '\u0000', '\u202e\u0645', '😀👩‍👩‍👧', '\ud800', 'null', 'undefined', '[object Object]', 'g-test', '2026-11-23', '20:00', `${GROUP}:${APPLICANT}`, '<script>', "'; DROP TABLE groups; --", '$where', '{"$gt":""}']

/** Values as `JSON.parse` gives them (own `__proto__` keys included), so what a real event can carry. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null))

/** Strings of every length up to past the longest limit (500), to land on both sides of each field's maximum. */
const sized = fc.tuple(fc.nat({ max: 520 }), fc.constantFrom('字', 'a', ' ', '😀')).map(([n, unit]) => unit.repeat(n))

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  sized,
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, 1e21, -1e308, 10001),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...ODD_STRINGS),
  fc.constantFrom(...HUGE_STRINGS),
)

const protoObject: fc.Arbitrary<unknown> = fc
  .dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), fc.oneof(scalar, fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 })), { maxKeys: 4 })
  .map(asJson)

/** Anything a client could put in a field. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(protoObject, { maxLength: 3 }) },
  { weight: 2, arbitrary: protoObject },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** Arbitrary inputs: any JSON value, or an object with the action's own keys (some) holding anything. */
function arbitraryInput(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid)
  const ownKeys = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, weird])), { requiredKeys: [] }).map(asJson)
    : fc.constant({})
  return fc.oneof(weird, ownKeys, fc.constantFrom(undefined, [], [valid], { input: valid }, asJson({ __proto__: valid })))
}

type Path = Array<string | number>

/** Every path into a value (objects and arrays), the root excluded. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return []
  const entries = Array.isArray(value) ? value.map((inner, i) => [i, inner] as const) : Object.entries(value)
  return entries.flatMap(([k, inner]) => [[...prefix, k], ...paths(inner, [...prefix, k])])
}

type Mutation = {
  op: 'replace' | 'sameType' | 'remove' | 'addKey'
  path: Path
  key: string
  value: unknown
  /** For `sameType`: what replaces a string, a number, a boolean (so the input often stays valid and reaches the use case). */
  like: { string: string; number: number; boolean: boolean }
}

/** Apply a mutation to a JSON copy (`addKey` puts an own key, prototype names included, next to the path). */
function mutate(input: unknown, mutation: Mutation): unknown {
  const copy = asJson(input) as Record<string | number, unknown>
  const parentPath = mutation.path.slice(0, -1)
  let parent: unknown = copy
  for (const step of parentPath) parent = (parent as Record<string | number, unknown>)?.[step]
  if (typeof parent !== 'object' || parent === null) return copy
  const container = parent as Record<string | number, unknown>
  const last = mutation.path[mutation.path.length - 1]
  if (mutation.op === 'sameType') {
    const current = container[last]
    const kind = typeof current
    if (kind === 'string' || kind === 'number' || kind === 'boolean') container[last] = mutation.like[kind]
  } else if (mutation.op === 'replace') Object.defineProperty(container, last, { value: asJson(mutation.value), enumerable: true, writable: true, configurable: true })
  else if (mutation.op === 'remove') delete container[last]
  else Object.defineProperty(container, mutation.key, { value: asJson(mutation.value), enumerable: true, writable: true, configurable: true })
  return asJson(copy)
}

function mutatedInput(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const all = paths(valid)
  if (all.length === 0) return fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'groupId', 'openid', 'OPENID'), weird, { minKeys: 1, maxKeys: 3 }).map(asJson)
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom('replace' as const, 'sameType' as const, 'sameType' as const, 'remove' as const, 'addKey' as const),
    path: fc.constantFrom(...all),
    key: fc.constantFrom(...PROTOTYPE_KEYS, 'openid', '_id', 'role', 'status'),
    value: weird,
    like: fc.record({
      string: fc.oneof(sized, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...ODD_STRINGS), fc.constantFrom(...HUGE_STRINGS)),
      number: fc.oneof(fc.integer({ min: -3, max: 12_000 }), fc.constantFrom(0.5, 2 ** 53 + 2, -1e21)),
      boolean: fc.boolean(),
    }),
  })
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce<unknown>((input, m) => mutate(input, m), valid))
}

// --- what every answer must be ---

const CODES_ALLOWED = ERROR_CODES.filter((code) => code !== 'INTERNAL')
const CHINESE = /[\u4e00-\u9fff]/

function checkAnswer(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return `not an object: ${String(result)}`
  const { ok } = result as { ok?: unknown }
  if (ok === true) return 'data' in result ? null : 'ok without data'
  if (ok !== false) return `ok is ${String(ok)}`
  const { error } = result as { error?: { code?: unknown; message?: unknown; fields?: unknown } }
  if (!error || !CODES_ALLOWED.includes(error.code as (typeof CODES_ALLOWED)[number])) return `error code ${String(error?.code)}`
  if (typeof error.message !== 'string' || !CHINESE.test(error.message)) return `message not Chinese: ${String(error.message)}`
  if (error.fields !== undefined) {
    if (typeof error.fields !== 'object' || error.fields === null) return 'fields is not an object'
    for (const [field, message] of Object.entries(error.fields)) if (typeof message !== 'string' || message === '') return `field ${field} has no message`
  }
  return null
}

/** Every document of every collection, as one string. */
async function digest(store: Store): Promise<string> {
  const parts: string[] = []
  for (const collection of COLLECTION_NAMES) {
    const docs: unknown[] = []
    for (let skip = 0; ; skip += 100) {
      const page = await store.find(collection, { limit: 100, skip, orderBy: [{ field: '_id', direction: 'asc' }] })
      docs.push(...page)
      if (page.length < 100) break
    }
    parts.push(`${collection}:${JSON.stringify(docs)}`)
  }
  return parts.join('\n')
}

/** The fixture with make-up check-ins on, plus an application pending from APPLICANT (so the review actions reach a real one). */
async function fuzzFixture(): Promise<Fixture> {
  const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 7, monthlyLimit: 3 } } })
  await fx.api.as(APPLICANT).call(contracts.submitApplication, applyInput())
  await fx.api.as(ADMIN).call(contracts.createLottery, lotteryInput({ requestId: 'req_fuzz_lottery' }))
  return fx
}

async function fuzz(contract: AnyAction, caller: string, kind: 'arbitrary' | 'mutated'): Promise<void> {
  const fx = await fuzzFixture()
  const valid = VALID_INPUTS[key(contract)]
  const logged: unknown[][] = []
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args))
  try {
    await fc.assert(
      fc.asyncProperty(kind === 'arbitrary' ? arbitraryInput(valid) : mutatedInput(valid), async (input) => {
        logged.length = 0
        const before = await digest(fx.store)
        let result: ActionResult<unknown>
        try {
          result = await fx.api.as(caller).resultOfUnchecked(contract, input)
        } catch (error) {
          throw new Error(`${key(contract)} threw: ${String(error)}`)
        }
        const problem = checkAnswer(result)
        if (problem) throw new Error(`${key(contract)} as ${caller}: ${problem} ${JSON.stringify(result).slice(0, 300)} ${logged.map((l) => l.map(String).join(' ')).join('\n')}`)
        if (!result.ok && (await digest(fx.store)) !== before) throw new Error(`${key(contract)} as ${caller} failed (${result.error.code}) but changed the store`)
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    )
  } finally {
    spy.mockRestore()
  }
}

describe('fuzzing every action input (fast-check, real handlers, in-memory SQLite)', () => {
  it('has a valid input for every exported contract, and each is accepted by its schema', () => {
    expect(ACTIONS.map(key).sort()).toEqual(Object.keys(VALID_INPUTS).sort())
    for (const contract of ACTIONS) {
      const parsed = v.safeParse(contract.input, VALID_INPUTS[key(contract)])
      expect([key(contract), parsed.success]).toEqual([key(contract), true])
    }
  })

  it.each(FUNCTION_NAMES.map((fn) => [fn]))('%s: whole events of any shape (the action name too) get a typed answer', async (fn) => {
    const fx = await fuzzFixture()
    const names = ACTIONS.filter((contract) => contract.fn === fn).map((contract) => contract.action)
    const event = fc.oneof(weird, fc.record({ action: fc.oneof(weird, fc.constantFrom(...names, ...PROTOTYPE_KEYS)), input: weird }, { requiredKeys: ['action'] }).map(asJson))
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await fc.assert(
        fc.asyncProperty(event, fc.constantFrom(MEMBER, ADMIN), async (raw, caller) => {
          const before = await digest(fx.store)
          const result = await fx.api.as(caller).event(fn, raw)
          const problem = checkAnswer(result)
          if (problem) throw new Error(`${fn} as ${caller}: ${problem}`)
          if (!result.ok && (await digest(fx.store)) !== before) throw new Error(`${fn} failed (${result.error.code}) but changed the store`)
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
      )
    } finally {
      spy.mockRestore()
    }
  })

  describe.each(ACTIONS.map((contract) => [key(contract), contract] as const))('%s', (_name, contract) => {
    it.each([
      ['member', 'arbitrary', MEMBER],
      ['member', 'mutated', MEMBER],
      ['admin', 'arbitrary', ADMIN],
      ['admin', 'mutated', ADMIN],
    ] as const)('as %s, %s input: a typed answer, and nothing stored on failure', async (_role, kind, caller) => {
      await fuzz(contract, caller, kind)
    })
  })
})
