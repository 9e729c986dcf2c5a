/**
 * CloudBase operations per action: every action a member or an admin taps (enumerated from
 * `contracts/index.ts`, so a new contract without a scenario here shows up as a MISS), the timer jobs, and
 * the batch approval of 50, and lottery draws over 500, 2500 and 10 000 entrants — run through the real function handlers on the CloudBase store adapter over the
 * recording wx-server-sdk fake (`test/fakes/wx-server-sdk.ts`), with the CloudBase WeChat services over the
 * fake openapi (as production wires them).
 *
 * How an action is counted: `cloud.calls` is cleared, the action runs once, and every recorded SDK call is
 * one operation — reads (`doc.get`, query `get`, `count`) and writes (`add`, `set`, `update`, `remove`), inside a
 * transaction or outside it alike; `runTransaction` itself is the envelope, not an operation, and is shown in the
 * detail (`n tx`), as `test/functions/cloudbase-costs.test.ts` counts. The detail shows the split: `tx` = calls
 * made through a transaction object, `out` = the others. A call answering `{ ok: false }` is a MISS: the bench measures the
 * path that works.
 *
 * The world: the test fixture's group (owner, admin, member, capacity 500, make-ups allowed) seeded through
 * the adapter, its memberships shaped as an approval writes them today (counters on the membership), the clock at `FIXED_NOW` (Monday 2026-11-23 10:00 Shanghai). Timer jobs run when they have work:
 * reminders at 21:00 that day, the photo cleanup the next day, the purge 31 days later.
 * Timing (the batch of 50 only) is the median of three batches, each of 50 fresh applicants, on the fake
 * (every SDK call waits one `setImmediate`, so it counts round trips, not network time).
 *
 * @example
 *   const world = await cloudbaseWorld()
 *   const { ops } = await measureAction(world, () => world.api.as(MEMBER).call(checkIn, { groupId: GROUP }))
 *   ops.total   // every SDK call the check-in made
 */
import * as contracts from '../contracts'
import type { AnyAction, FunctionName } from '../contracts/define'
import { SUBSCRIBE_TEMPLATES } from '../contracts/subscribe-templates'
import { checkinId, emptyCheckinState } from '../domain/checkin'
import { memberId, type GroupDoc } from '../domain/group'
import { ENTRY_SHARDS, lotteryEntryDocId, lotteryShardId, shardOf } from '../domain/lottery'
import { DEFAULT_REMINDER_TIME } from '../domain/reminders'
import { groupCopyOf } from '../domain/participation'
import { createFunctionHandlers } from '../local-runtime/functions'
import { createCloudbaseExportStorage } from '../platform/export-files-cloudbase'
import { createCloudbaseWechatServices } from '../platform/wechat-services-cloudbase'
import { createCloudbaseStore } from '../store/cloudbase'
import type { Store } from '../store/port'
import { inviteIdFor } from '../usecases/admission/invites'
import { memberKey, opaqueViewId } from '../usecases/member-keys'
import { photoPathPrefix } from '../usecases/photos'
import { createFakeOpenapi } from '../test/fakes/wx-openapi'
import { createFakeCloud, type FakeCloud, type RecordedCall } from '../test/fakes/wx-server-sdk'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, TIMER, applyInput, seedGroup, testCaller, testMember, type TestCaller } from '../test/support/fixture'
import { DEFAULT_TIMEOUT_SECONDS } from '../cloudbase/function-settings'
import { atMost, elapsedMs, failedFigure, figure, median, type Figure, type Target } from './report'

export interface OpCount {
  total: number
  /** Calls made through a transaction object. */
  inTransaction: number
  outside: number
  reads: number
  writes: number
  transactions: number
}

const READS = new Set<RecordedCall['op']>(['document.get', 'collection.get', 'collection.count'])
const WRITES = new Set<RecordedCall['op']>(['collection.add', 'document.set', 'document.update', 'document.remove'])

export function countOps(calls: readonly RecordedCall[]): OpCount {
  const inTransaction = calls.filter((c) => c.inTransaction).length
  const transactions = calls.filter((c) => c.op === 'runTransaction').length
  return {
    total: calls.length - transactions,
    inTransaction,
    outside: calls.length - inTransaction - transactions,
    reads: calls.filter((c) => READS.has(c.op)).length,
    writes: calls.filter((c) => WRITES.has(c.op)).length,
    transactions,
  }
}

export function describeOps(ops: OpCount): string {
  return `${ops.reads} reads, ${ops.writes} writes, ${ops.transactions} tx (tx ${ops.inTransaction} / out ${ops.outside})`
}

export interface CloudbaseWorld {
  cloud: FakeCloud
  store: Store
  api: TestCaller
}

/** A fresh fake CloudBase with the fixture's group (plus `extraMembers` openids), the clock at `now`. */
export async function cloudbaseWorld(options: { group?: Partial<GroupDoc>; extraMembers?: string[]; now?: Date } = {}): Promise<CloudbaseWorld> {
  const cloud = createFakeCloud()
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  const extra = (options.extraMembers ?? []).map((openid) => testMember(openid))
  await seedGroup(store, { group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, ...options.group }, members: extra })
  // The fixture writes bare memberships; give them what an approval writes today, so no tap pays a migration.
  for (const openid of [OWNER, ADMIN, MEMBER, ...(options.extraMembers ?? [])]) {
    await store.update('members', memberId(GROUP, openid), { checkin: emptyCheckinState(), reminder: { enabled: false, time: DEFAULT_REMINDER_TIME }, groupCopy: groupCopyOf({ status: 'open' }) })
  }
  const openapi = createFakeOpenapi()
  const handlers = createFunctionHandlers({ wechat: createCloudbaseWechatServices(openapi), templates: SUBSCRIBE_TEMPLATES, exports: createCloudbaseExportStorage(openapi) })
  const now = options.now ?? FIXED_NOW
  cloud.clearCalls()
  return { cloud, store, api: testCaller(store, { now: () => now, handlers }) }
}

/** Run `action` once and count the SDK calls it made (and how long it took on the fake). */
export async function measureAction<T>(world: Pick<CloudbaseWorld, 'cloud'>, action: () => Promise<T>): Promise<{ ops: OpCount; ms: number; result: T }> {
  world.cloud.clearCalls()
  const start = process.hrtime.bigint()
  const result = await action()
  const ms = elapsedMs(start)
  const ops = countOps(world.cloud.calls)
  world.cloud.clearCalls()
  return { ops, ms, result }
}

/** Every action contract exported by `contracts/index.ts`, by `fn.action`. */
export function allContracts(): Map<string, AnyAction> {
  const found = new Map<string, AnyAction>()
  for (const value of Object.values(contracts)) {
    if (value && typeof value === 'object' && 'fn' in value && 'action' in value && 'input' in value) {
      const action = value as AnyAction
      found.set(`${action.fn}.${action.action}`, action)
    }
  }
  return found
}

/** Functions only the operator runs (`npm run setup`, the console): not a tap, not measured here. */
const OPERATOR_FUNCTIONS: readonly FunctionName[] = ['setup']

/** The op budgets (targets live here, never in the unit tests). */
export const OP_TARGETS: Record<string, Target> = {
  'checkin.checkIn': atMost(3),
  'admission.decide approve': atMost(8),
  'admission.decide reject': atMost(6),
  'admission.submit': atMost(4),
  // Through a trusted invite: the invite, the submit's 4, then an approval's writes and the inviter's credit.
  'admission.submit auto-approved': atMost(11),
  'admission.listQueue': atMost(3),
  // The badge: the caller's admin memberships and one page of pending applications, whatever their number.
  'admission.pendingCounts': atMost(2),
  'checkin.overview': atMost(3),
  // Participation reads: a constant number whatever the group's size or age (bench/participation.ts shows growth).
  'participation.leaderboard': atMost(4),
  'participation.leaderboard page 2': atMost(5),
  'participation.myProgress': atMost(6),
  'participation.dashboard': atMost(8),
  // The check-in journey: likes, edits, a past day's feed and a month: constant whatever the day or month holds.
  'checkin.like': atMost(3),
  'checkin.like again (page knew of likes)': atMost(3),
  'checkin.edit': atMost(3),
  'checkin.edit adding a photo': atMost(6),
  'checkin.calendar': atMost(5),
  'checkin.feed': atMost(6),
  'checkin.feed past day': atMost(6),
}
/** "Well under 3 s": half of it. */
export const BATCH_50_TARGET_MS = 1500
/**
 * WeChat's default cloud function timeout, what a DevTools upload leaves in place (`config.json` cannot
 * raise it; `cloudbase/function-settings.ts` and README "Deploying to WeChat", step 11), so the taps are
 * measured against it.
 */
export const FUNCTION_TIMEOUT_MS = DEFAULT_TIMEOUT_SECONDS * 1000
/** A database call as a round trip from a cloud function to its environment's database (an assumption). */
export const ROUND_TRIP_MS = 20

interface Scenario {
  /** `fn.action`, plus a variant after a space (`admission.decide approve`). */
  name: string
  run(world: CloudbaseWorld): Promise<{ ops: OpCount; ms: number }>
}

const DAY = '2026-11-23'
const EVENING = '2026-11-23T13:00:00.000Z' // 21:00 Shanghai

/** Call `action` as `who` (set up first with `prepare`), counting only the call. */
function tap<A extends AnyAction>(name: string, who: string, action: A, input: (world: CloudbaseWorld) => Promise<contracts.InputOf<A>> | contracts.InputOf<A>, prepare?: (world: CloudbaseWorld) => Promise<unknown>): Scenario {
  return {
    name,
    async run(world) {
      await prepare?.(world)
      const value = await input(world)
      return measureAction(world, () => world.api.as(who).call(action, value))
    },
  }
}

function timer(name: string, fn: FunctionName, triggerName: string, at: string, prepare?: (world: CloudbaseWorld) => Promise<unknown>): Scenario {
  return {
    name,
    run: async (world) => {
      await prepare?.(world)
      return measureAction(world, async () => {
        const result = await world.api.as(TIMER).at(at).event(fn, { Type: 'Timer', TriggerName: triggerName })
        if (!result.ok) throw new Error(`${fn}: ${result.error.code} ${result.error.message}`)
        return result
      })
    },
  }
}

const submitAs = (world: CloudbaseWorld, openid: string) => world.api.as(openid).call(contracts.submitApplication, applyInput())
const appId = (openid: string) => `${GROUP}:${openid}`
const photoOf = (openid: string, nonce: string) => `cloud://env-bench.bucket/${photoPathPrefix(GROUP, DAY, openid)}${nonce}.jpg`

/** The group's settings as the settings page would send them back (read before the measured call). */
async function groupSettingsForm(world: CloudbaseWorld) {
  const view = await world.api.as(OWNER).call(contracts.getGroupSettings, { groupId: GROUP })
  const { name, intro, timezone, dayStartHour, makeUp, taskPublishTime, capacity } = view
  return { groupId: GROUP, name, intro, timezone, dayStartHour, makeUp, taskPublishTime, capacity }
}

/** One scenario per tap, in the order a group's life goes; each prepares what it needs. */
export function scenarios(): Scenario[] {
  return [
    tap('group.getProfile', MEMBER, contracts.getGroupProfile, () => ({ groupId: GROUP })),
    tap('group.listMine', MEMBER, contracts.listMyGroups, () => ({})),
    tap('admission.getApplyPage', 'o_app1', contracts.getApplyPage, () => ({ groupId: GROUP })),
    tap('admission.submit', 'o_app1', contracts.submitApplication, () => applyInput()),
    tap('admission.withdraw', 'o_app1', contracts.withdrawApplication, () => ({ groupId: GROUP })),
    tap('admission.listQueue', ADMIN, contracts.listApplications, () => ({ groupId: GROUP }), async (w) => {
      for (const openid of ['o_app2', 'o_app3', 'o_app4']) await submitAs(w, openid)
    }),
    tap('admission.getApplication', ADMIN, contracts.getApplication, () => ({ groupId: GROUP, applicationId: appId('o_app2') })),
    tap('admission.decide approve', ADMIN, contracts.decideApplication, () => ({ groupId: GROUP, applicationId: appId('o_app2'), decision: 'approve' as const })),
    tap('admission.decide reject', ADMIN, contracts.decideApplication, () => ({ groupId: GROUP, applicationId: appId('o_app3'), decision: 'reject' as const, reason: '资料不全' })),
    tap('admission.decideBatch approve 1', ADMIN, contracts.decideApplications, () => ({ groupId: GROUP, applicationIds: [appId('o_app4')], decision: 'approve' as const })),
    // A queue longer than a page: its full first page also counts the queue (listQueue above fits on a page).
    tap('admission.listQueue, 21 waiting', ADMIN, contracts.listApplications, () => ({ groupId: GROUP }), async (w) => {
      for (let i = 0; i < 21; i++) await submitAs(w, `o_queue${String(i).padStart(2, '0')}`)
    }),
    tap('admission.getSettings', ADMIN, contracts.getAdmissionSettings, () => ({ groupId: GROUP })),
    tap('admission.updateSettings', ADMIN, contracts.updateAdmissionSettings, () => ({
      groupId: GROUP,
      settings: { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: ['资料不全'] },
    })),
    tap('admission.getInviteCode', MEMBER, contracts.getInviteCode, () => ({ groupId: GROUP })),
    // Auto-approval: the member's invite link trusted, so an applicant through it is approved at submit.
    // (A submit right after a settings change reads the new settings once: o_auto0's, before the one measured.)
    tap('admission.submit auto-approved', 'o_auto1', contracts.submitApplication, () => applyInput({ inviteId: inviteIdFor(GROUP, MEMBER) }), async (w) => {
      await w.api.as(ADMIN).call(contracts.updateAdmissionSettings, {
        groupId: GROUP,
        settings: { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: ['资料不全'], autoApproval: { activeInviter: false, inviterActiveDays: 7, requireVerifiedPhone: true, trustedInviteIds: [inviteIdFor(GROUP, MEMBER)] } },
      })
      await submitAs(w, 'o_auto0')
    }),
    tap('admission.listDecided', ADMIN, contracts.listDecidedApplications, () => ({ groupId: GROUP })),
    // Admins hear about applicants: the badge, and the hourly digest of the applications above.
    tap('admission.pendingCounts', ADMIN, contracts.getPendingCounts, () => ({})),
    // 需补充: ask one waiting applicant, who answers.
    tap('admission.ask', ADMIN, contracts.askApplicant, () => ({ groupId: GROUP, applicationId: appId('o_queue00'), question: '你在郑州哪个区？' })),
    tap('admission.answer', 'o_queue00', contracts.answerFollowUp, () => ({ groupId: GROUP, answer: '金水区' })),
    timer('admissionPurge.sendApplicationDigest (timer)', 'admissionPurge', 'applicationDigestHourly', '2026-11-23T03:00:00.000Z'),
    tap('board.getRules', MEMBER, contracts.getRules, () => ({ groupId: GROUP })),
    tap('board.acknowledgeRules', MEMBER, contracts.acknowledgeRules, () => ({ groupId: GROUP, version: 2 })),
    tap('board.publishRules', ADMIN, contracts.publishRules, () => ({ groupId: GROUP, clauses: ['不发广告', '活动报名请接龙', '友善交流'] })),
    tap('board.postAnnouncement', ADMIN, contracts.postAnnouncement, () => ({ groupId: GROUP, title: '周六读书会', body: '14:30 图书馆三楼', pinned: false })),
    tap('board.listAnnouncements', MEMBER, contracts.listAnnouncements, () => ({ groupId: GROUP })),
    tap('board.setAnnouncementPinned', ADMIN, contracts.setAnnouncementPinned, async (w) => {
      const list = await w.api.as(ADMIN).call(contracts.listAnnouncements, { groupId: GROUP })
      return { groupId: GROUP, announcementId: list.items[0].id, pinned: true }
    }),
    tap('board.saveTask', ADMIN, contracts.saveDailyTask, () => ({ groupId: GROUP, day: DAY, title: '第 1 章', body: '读第一章' })),
    tap('board.listTasks', MEMBER, contracts.listDailyTasks, () => ({ groupId: GROUP })),
    tap('checkin.overview', MEMBER, contracts.getCheckinOverview, () => ({ groupId: GROUP })),
    tap('checkin.registerPhoto', MEMBER, contracts.registerPhoto, () => ({ groupId: GROUP, fileId: photoOf(MEMBER, 'bench1') })),
    tap('checkin.checkIn', MEMBER, contracts.checkIn, () => ({ groupId: GROUP, note: '读完第 1 章', linkTask: true })),
    tap('checkin.checkIn again (same day)', MEMBER, contracts.checkIn, () => ({ groupId: GROUP, note: '再点一次' })),
    tap('checkin.makeUp', MEMBER, contracts.makeUpCheckin, () => ({ groupId: GROUP, day: '2026-11-22', note: '补卡' })),
    tap('checkin.calendar', MEMBER, contracts.getCheckinCalendar, () => ({ groupId: GROUP, month: '2026-11' })),
    tap('checkin.feed', MEMBER, contracts.listTodayFeed, () => ({ groupId: GROUP })),
    tap('checkin.setReminder', MEMBER, contracts.setReminder, () => ({ groupId: GROUP, enabled: true, time: '20:00' })),
    // The member's check-in above, liked first by the admin (the page showed 0), then by the owner (it showed 1).
    tap('checkin.like', ADMIN, contracts.likeCheckin, () => ({ groupId: GROUP, checkinId: opaqueViewId(checkinId(GROUP, MEMBER, DAY)), liked: true, knownCount: 0 })),
    tap('checkin.like again (page knew of likes)', OWNER, contracts.likeCheckin, () => ({ groupId: GROUP, checkinId: opaqueViewId(checkinId(GROUP, MEMBER, DAY)), liked: true, knownCount: 1 })),
    tap('checkin.edit', MEMBER, contracts.editCheckin, () => ({ groupId: GROUP, note: '读完第 1、2 章' })),
    tap('checkin.edit adding a photo', MEMBER, contracts.editCheckin, () => ({ groupId: GROUP, photoFileId: photoOf(MEMBER, 'bench2') }), (w) =>
      w.api.as(MEMBER).call(contracts.registerPhoto, { groupId: GROUP, fileId: photoOf(MEMBER, 'bench2') }),
    ),
    tap('checkin.feed past day', MEMBER, contracts.listTodayFeed, () => ({ groupId: GROUP, day: '2026-11-22' })),
    tap('inbox.list', 'o_app3', contracts.listInbox, () => ({})),
    tap('inbox.markRead', 'o_app3', contracts.markInboxRead, () => ({})),
    // Participation: boards and progress (members), the dashboard, roster by activity, exports, settings, archive.
    tap('participation.leaderboard', MEMBER, contracts.getLeaderboard, () => ({ groupId: GROUP, period: 'week' as const, metric: 'score' as const })),
    tap('participation.leaderboard page 2', MEMBER, contracts.getLeaderboard, () => ({ groupId: GROUP, period: 'all' as const, metric: 'score' as const, cursor: 20 })),
    tap('participation.myProgress', MEMBER, contracts.getMyProgress, () => ({ groupId: GROUP })),
    tap('participation.dashboard', ADMIN, contracts.getDashboard, () => ({ groupId: GROUP })),
    tap('participation.inactive', ADMIN, contracts.listInactiveMembers, () => ({ groupId: GROUP })),
    tap('participation.nudge', ADMIN, contracts.nudgeMembers, () => ({ groupId: GROUP, memberKeys: [memberKey(GROUP, MEMBER)] })),
    tap('participation.exportMembers', ADMIN, contracts.exportMembers, () => ({ groupId: GROUP })),
    tap('participation.exportCheckins', ADMIN, contracts.exportCheckins, () => ({ groupId: GROUP, from: '2026-11-01', to: DAY })),
    tap('participation.getSettings', MEMBER, contracts.getParticipationSettings, () => ({ groupId: GROUP })),
    tap('participation.saveSettings', ADMIN, contracts.saveParticipationSettings, () => ({ groupId: GROUP, points: { checkin: 10, makeUp: 5, taskCheckin: 15, lotteryEntry: 2, invitee: 20 }, inactiveDays: 7, goal: { kind: 'streak' as const, days: 21, reward: '书' } })),
    // Group settings: the page's read, a preview of a day-rule change, the save (owner: day start and make-ups).
    tap('group.getSettings', ADMIN, contracts.getGroupSettings, () => ({ groupId: GROUP })),
    tap('group.saveSettings (preview)', OWNER, contracts.saveGroupSettings, async (w) => ({ ...(await groupSettingsForm(w)), dayStartHour: 4, preview: true })),
    tap('group.saveSettings', OWNER, contracts.saveGroupSettings, async (w) => ({ ...(await groupSettingsForm(w)), dayStartHour: 4, makeUp: { enabled: true, windowDays: 3, monthlyLimit: 3 } })),
    tap('participation.archive', OWNER, contracts.archiveGroup, () => ({ groupId: GROUP })),
    tap('participation.restore', OWNER, contracts.restoreGroup, () => ({ groupId: GROUP })),
    tap('participation.myGroups', MEMBER, contracts.listMyGroupSummaries, () => ({})),
    tap('participation.remove', ADMIN, contracts.removeMembers, () => ({ groupId: GROUP, memberKeys: [memberKey(GROUP, 'o_app5')], reason: '连续 30 天未打卡' }), async (w) => {
      await w.store.create('members', { ...testMember('o_app5'), checkin: emptyCheckinState() })
    }),
    tap('members.list', MEMBER, contracts.listMembers, () => ({ groupId: GROUP })),
    tap('members.changeRole', OWNER, contracts.changeMemberRole, () => ({ groupId: GROUP, memberKey: memberKey(GROUP, 'o_app2'), role: 'admin' as const })),
    tap('members.remove', ADMIN, contracts.removeMember, () => ({ groupId: GROUP, memberKey: memberKey(GROUP, 'o_app4'), reason: '长期未打卡' })),
    tap('members.leave', 'o_app2', contracts.leaveGroup, () => ({ groupId: GROUP })),
    tap('members.transferOwnership', OWNER, contracts.transferOwnership, () => ({ groupId: GROUP, memberKey: memberKey(GROUP, ADMIN) })),
    // Two subscriptions due at 21:00: the member (checked in today: skipped) and the admin (reminded).
    timer('reminders.run (timer)', 'reminders', 'checkinReminders', EVENING, (w) => w.api.as(ADMIN).call(contracts.setReminder, { groupId: GROUP, enabled: true, time: '20:30' })),
    // The next day: the photo registered above and never used is an orphan.
    timer('photoCleanup.run (timer)', 'photoCleanup', 'cleanOrphanPhotosHourly', '2026-11-24T13:00:00.000Z'),
    // The same day: the two participation exports above (members, check-ins) have expired; file and record each.
    timer('photoCleanup.cleanExports (timer, 2 expired exports)', 'photoCleanup', 'cleanExpiredExportsHourly', '2026-11-24T13:40:00.000Z'),
    // 31 days later: the application rejected above has its personal fields purged.
    timer('admissionPurge.purgeRejected (timer)', 'admissionPurge', 'purgeRejectedDaily', '2026-12-24T19:30:00.000Z'),
    // The next day: the tally closes 2026-11-23 (the check-ins and applications above are its activity).
    timer('tally.run (timer)', 'tally', 'tallyHourly', '2026-11-24T01:00:00.000Z'),
    // Into the WeChat group: the admin sets the group QR (a registered upload), members see it and say they joined.
    tap('admission.updateJoinGuide', ADMIN, contracts.updateJoinGuide, () => ({ groupId: GROUP, groupQrPhotoId: photoOf(ADMIN, 'joinqr1'), personalQrPhotoId: null, instructions: '进群后请改昵称' }), (w) =>
      w.api.as(ADMIN).call(contracts.registerPhoto, { groupId: GROUP, fileId: photoOf(ADMIN, 'joinqr1') })),
    tap('admission.getJoinGuideSettings', ADMIN, contracts.getJoinGuideSettings, () => ({ groupId: GROUP })),
    tap('admission.getJoinGuide', MEMBER, contracts.getJoinGuide, () => ({ groupId: GROUP })),
    tap('admission.confirmJoined', MEMBER, contracts.confirmJoined, () => ({ groupId: GROUP })),
    tap('admission.listNotJoined', ADMIN, contracts.listNotJoined, () => ({ groupId: GROUP, days: 0 })),
    // A week on: the group QR expires within a day, the admins hear once.
    timer('admissionPurge.remindJoinQrExpiry (timer)', 'admissionPurge', 'joinQrReminderHourly', '2027-01-31T00:00:00.000Z'),
    // Editing and deleting what was published.
    tap('board.editAnnouncement', ADMIN, contracts.editAnnouncement, async (w) => {
      const list = await w.api.as(ADMIN).call(contracts.listAnnouncements, { groupId: GROUP })
      return { groupId: GROUP, announcementId: [...list.pinned, ...list.items][0].id, title: '周六读书会（改）', body: '15:00 图书馆三楼' }
    }),
    tap('board.deleteAnnouncement', ADMIN, contracts.deleteAnnouncement, async (w) => {
      const list = await w.api.as(ADMIN).call(contracts.listAnnouncements, { groupId: GROUP })
      return { groupId: GROUP, announcementId: [...list.pinned, ...list.items][0].id }
    }),
    tap('board.deleteTask', ADMIN, contracts.deleteDailyTask, () => ({ groupId: GROUP, day: DAY })),
    // A member reads what the admins posted: one marker per announcement and the badge's starting point.
    tap('board.markAnnouncementsRead', MEMBER, contracts.markAnnouncementsRead, async (w) => {
      await w.api.as(ADMIN).call(contracts.postAnnouncement, { groupId: GROUP, title: '周日早读', body: '7:00 语音', pinned: false })
      const list = await w.api.as(MEMBER).call(contracts.listAnnouncements, { groupId: GROUP })
      return { groupId: GROUP, announcementIds: [...list.pinned, ...list.items].filter((a) => !a.read).map((a) => a.id) }
    }),
    ...lotteryScenarios(),
  ]
}

const LOTTERY_NONCE = (n: number) => n.toString(16).padStart(32, '0')

/** A lottery the admin creates in the bench world (3 prizes, drawn by a tap unless `drawAt` is given). */
function lotteryForm(requestId: string, drawAt?: string, prizes = [{ name: '《活着》签名本', quantity: 1 }, { name: '书签', quantity: 2 }]): contracts.CreateLotteryInput {
  return {
    groupId: GROUP,
    requestId,
    title: '坚持打卡抽好书',
    description: '打卡越多机会越大',
    prizes,
    closesAt: '2026-11-30T12:00:00.000Z',
    drawRule: drawAt ? { kind: 'time', drawAt } : { kind: 'manual' },
    eligibility: { minCheckins: 0, period: null, joinedBefore: null },
    weighting: null,
    needsAddress: false,
    claimDays: 7,
  }
}

/**
 * The lottery's taps in the order of its life (create → entries → draw → claim → admin views → settle), a
 * redraw after the claim deadline, a cancel, and the timer drawing a time-rule lottery.
 */
function lotteryScenarios(): Scenario[] {
  let main = ''
  let later = ''
  const lotteryId = () => main
  const enter = (w: CloudbaseWorld, who: string, id: string, n: number) => w.api.as(who).call(contracts.enterLottery, { lotteryId: id, nonce: LOTTERY_NONCE(n) })
  const create = async (w: CloudbaseWorld, requestId: string, drawAt?: string, prizes?: contracts.CreateLotteryInput['prizes']) =>
    (await w.api.as(ADMIN).call(contracts.createLottery, lotteryForm(requestId, drawAt, prizes))).id
  const AFTER_DEADLINE = '2026-12-01T02:00:00.000Z'
  return [
    {
      name: 'lottery.create',
      run: (w) =>
        measureAction(w, async () => {
          main = await create(w, 'bench_main')
        }),
    },
    tap('lottery.list', MEMBER, contracts.listLotteries, () => ({ groupId: GROUP })),
    tap('lottery.get', MEMBER, contracts.getLottery, () => ({ lotteryId: lotteryId() })),
    tap('lottery.enter', MEMBER, contracts.enterLottery, () => ({ lotteryId: lotteryId(), nonce: LOTTERY_NONCE(1) })),
    tap('lottery.enter again (same member)', MEMBER, contracts.enterLottery, () => ({ lotteryId: lotteryId(), nonce: LOTTERY_NONCE(1) })),
    tap('lottery.entrants', ADMIN, contracts.listLotteryEntrants, () => ({ lotteryId: lotteryId() }), (w) => enter(w, OWNER, main, 2)),
    tap('lottery.draw (2 entrants)', ADMIN, contracts.drawLottery, () => ({ lotteryId: lotteryId() })),
    tap('lottery.getDraw', MEMBER, contracts.getLotteryDraw, () => ({ lotteryId: lotteryId() })),
    tap('lottery.claim', MEMBER, contracts.claimLotteryPrize, () => ({ lotteryId: lotteryId(), name: '李娜', phone: '13800138000', address: '', note: '' })),
    tap('lottery.winners', ADMIN, contracts.listLotteryWinners, () => ({ lotteryId: lotteryId() })),
    tap('lottery.exportCsv winners', ADMIN, contracts.exportLotteryCsv, () => ({ lotteryId: lotteryId(), kind: 'winners' as const })),
    tap('lottery.settle', ADMIN, contracts.settleLottery, () => ({ lotteryId: lotteryId() })),
    {
      name: 'lottery.redraw (1 unclaimed prize, 3 entrants)',
      async run(w) {
        later = await create(w, 'bench_redraw', undefined, [{ name: '《活着》签名本', quantity: 1 }])
        for (const [n, who] of [MEMBER, OWNER, ADMIN].entries()) await enter(w, who, later, n)
        await w.api.as(ADMIN).call(contracts.drawLottery, { lotteryId: later })
        return measureAction(w, () => w.api.as(ADMIN).at(AFTER_DEADLINE).call(contracts.redrawLottery, { lotteryId: later }))
      },
    },
    {
      name: 'lottery.cancel (1 entrant told)',
      async run(w) {
        const id = await create(w, 'bench_cancel')
        await enter(w, MEMBER, id, 7)
        return measureAction(w, () => w.api.as(ADMIN).call(contracts.cancelLottery, { lotteryId: id, reason: '奖品缺货，下周重新发起' }))
      },
    },
    timer('lottery.runDue (timer draws one lottery)', 'lottery', 'lotteryDue', '2026-11-30T12:00:30.000Z', async (w) => {
      const id = await create(w, 'bench_timer', '2026-11-30T12:00:00.000Z')
      await enter(w, MEMBER, id, 9)
    }),
  ]
}

/** Approve `count` fresh applicants in one `decideBatch`: ops and time of that one call. */
export async function batchApproval(world: CloudbaseWorld, count: number, tag: string, roundTripMs = 0): Promise<{ ops: OpCount; ms: number }> {
  const openids = Array.from({ length: count }, (_, i) => `o_batch_${tag}_${i}`)
  for (const openid of openids) await submitAs(world, openid)
  world.cloud.roundTripMs = roundTripMs
  const measured = await measureAction(world, () =>
    world.api.as(ADMIN).call(contracts.decideApplications, { groupId: GROUP, applicationIds: openids.map(appId), decision: 'approve' }),
  ).finally(() => {
    world.cloud.roundTripMs = 0
  })
  if (measured.result.decided !== count) throw new Error(`batch approval decided ${measured.result.decided} of ${count}`)
  return measured
}

export async function benchCloudbaseOps(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const figures: Figure[] = []
  const world = await cloudbaseWorld()
  const measured = new Set<string>()
  for (const scenario of scenarios()) {
    const key = scenario.name.split(' ')[0]
    measured.add(key)
    try {
      const { ops } = await scenario.run(world)
      figures.push(figure('cloudbase', scenario.name, ops.total, 'ops', OP_TARGETS[scenario.name], describeOps(ops)))
    } catch (error) {
      figures.push(failedFigure('cloudbase', scenario.name, error))
    }
    log(`cloudbase: ${scenario.name}`)
  }
  for (const [name, contract] of allContracts()) {
    if (measured.has(name) || OPERATOR_FUNCTIONS.includes(contract.fn)) continue
    figures.push(failedFigure('cloudbase', name, new Error('a contract without a scenario in bench/cloudbase-ops.ts')))
  }

  try {
    const runs: Array<{ ops: OpCount; ms: number }> = []
    for (let repeat = 0; repeat < 3; repeat++) runs.push(await batchApproval(await cloudbaseWorld(), 50, String(repeat)))
    const ms = median(runs.map((r) => r.ms))
    const ops = runs[0].ops
    figures.push(figure('cloudbase', 'admission.decideBatch approve 50', ops.total, 'ops', undefined, `${describeOps(ops)}; ${(ops.total / 50).toFixed(1)} per application`))
    figures.push(figure('cloudbase', 'decideBatch approve 50, time on the fake', ms, 'ms', undefined, `median of 3; runs ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms (no round trips)`))
    // The same batch with every database call a round trip: the time the function needs on CloudBase, held
    // against the default timeout (calls a chunk issues together overlap, as they would there).
    const timed = await batchApproval(await cloudbaseWorld(), 50, 'rt', ROUND_TRIP_MS)
    figures.push(
      figure('cloudbase', `decideBatch approve 50, ${ROUND_TRIP_MS} ms per database call`, timed.ms, 'ms', atMost(BATCH_50_TARGET_MS), `${((timed.ms / FUNCTION_TIMEOUT_MS) * 100).toFixed(0)}% of the ${FUNCTION_TIMEOUT_MS / 1000} s default function timeout`),
    )
  } catch (error) {
    figures.push(failedFigure('cloudbase', 'admission.decideBatch approve 50', error))
  }

  for (const entrants of LOTTERY_DRAW_SIZES) {
    const name = `lottery.draw over ${entrants} entrants, ${LOTTERY_DRAW_WINNERS} winners`
    try {
      const ops = await lotteryDrawOps(entrants)
      // +1: the timer's query for due lotteries.
      figures.push(figure('cloudbase', name, ops.total, 'ops', atMost(lotteryDrawBudget(entrants, LOTTERY_DRAW_WINNERS) + 1), `${describeOps(ops)}; budget ⌈N/1000⌉ + 2W + 2K + 6, +1 timer query`))
    } catch (error) {
      figures.push(failedFigure('cloudbase', name, error))
    }
    log(`cloudbase: ${name}`)
  }
  return figures
}

export const LOTTERY_DRAW_SIZES = [500, 2500, 10_000]
export const LOTTERY_DRAW_WINNERS = 3

/** The draw's budget: ⌈N/1000⌉ entry reads + 2 writes per winner (win, inbox) + 2K + 6 (K gate shards). */
export function lotteryDrawBudget(entrants: number, winners: number): number {
  return Math.ceil(entrants / 1000) + 2 * winners + 2 * ENTRY_SHARDS + 6
}

/** A time-rule lottery with `entrants` entries (written as `enter` writes them), drawn by the timer: its operations. */
export async function lotteryDrawOps(entrants: number): Promise<OpCount> {
  const world = await cloudbaseWorld()
  const { id } = await world.api.as(ADMIN).call(contracts.createLottery, lotteryForm('bench_big', '2026-11-30T12:00:00.000Z'))
  const counts = Array<number>(ENTRY_SHARDS).fill(0)
  for (let i = 0; i < entrants; i++) {
    const openid = `o_entrant_${i}`
    const shard = shardOf(openid)
    counts[shard]++
    await world.store.create('lotteryEntries', {
      _id: lotteryEntryDocId(id, openid), lotteryId: id, groupId: GROUP, openid, memberKey: `m_${i}`, entryId: `e_${i.toString(16).padStart(16, '0')}`,
      name: `成员${i}`, maskedName: '成*', tickets: 1 + (i % 10), nonce: LOTTERY_NONCE(i), shard, enteredAt: FIXED_NOW.toISOString(),
    })
  }
  for (let shard = 0; shard < ENTRY_SHARDS; shard++) await world.store.update('lotteryShards', lotteryShardId(id, shard), { count: counts[shard] })
  await world.api.as(MEMBER).call(contracts.getLottery, { lotteryId: id }) // a warm instance: the group's day rule is known
  const { ops, result } = await measureAction(world, () => world.api.as(TIMER).at('2026-11-30T12:00:30.000Z').event('lottery', { Type: 'Timer' }))
  if (!result.ok || (result.data as { drawn: number }).drawn !== 1) throw new Error(`the timer did not draw: ${JSON.stringify(result).slice(0, 120)}`)
  return ops
}
