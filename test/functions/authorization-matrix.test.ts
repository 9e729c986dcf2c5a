/**
 * Who may call what: every action of every function (read from `contracts/`, so a new action without a row
 * fails here) × every kind of caller, in one table, asserted through the real handlers on SQLite.
 *
 * A cell says what the caller gets:
 * - `Y` allowed, and the call succeeds;
 * - `y` allowed past authorization, then refused by a rule of the feature (CONFLICT or NOT_FOUND — e.g. a
 *   member applying again, an applicant leaving a group they are not in);
 * - `U` UNAUTHENTICATED: a user action called by a caller who is not a user (no identity, the timer, the console);
 * - `F` FORBIDDEN: a user without the role, or anyone but the timer (console for setup) calling platform work.
 * A refused call (`U`, `F`) writes nothing: the whole store and the sent messages are as before.
 *
 * @example
 *   row(listMembers, { groupId: GROUP }, 'U F Y Y Y F U U')   // anonymous, applicant, member, admin, owner, elsewhere, timer, console
 */
import * as contracts from '../../contracts'
import { getGroupSettings, saveGroupSettings } from '../../contracts/group-settings'
import type { AnyAction, InputOf } from '../../contracts'
import {
  cancelLottery,
  claimLotteryPrize,
  createLottery,
  drawLottery,
  enterLottery,
  exportLotteryCsv,
  getLottery,
  getLotteryDraw,
  listLotteries,
  listLotteryEntrants,
  listLotteryWinners,
  redrawLottery,
  runLotteryTimer,
  settleLottery,
} from '../../contracts/lottery'
import {
  acknowledgeRules,
  backfillMemberKeys,
  changeMemberRole,
  checkIn,
  editCheckin,
  likeCheckin,
  cleanOrphanPhotos,
  decideApplication,
  decideApplications,
  ensureCollections,
  getAdmissionSettings,
  getApplication,
  getApplyPage,
  getCheckinCalendar,
  getCheckinOverview,
  getGroupProfile,
  getInviteCode,
  getRules,
  leaveGroup,
  listAnnouncements,
  listApplications,
  listDailyTasks,
  listInbox,
  listMembers,
  listMyGroups,
  listTodayFeed,
  makeUpCheckin,
  markInboxRead,
  postAnnouncement,
  publishRules,
  purgeRejectedApplications,
  registerPhoto,
  removeMember,
  runDailyReminders,
  saveDailyTask,
  setAnnouncementPinned,
  setReminder,
  submitApplication,
  transferOwnership,
  updateAdmissionSettings,
  withdrawApplication,
  getLeaderboard,
  getMyProgress,
  getDashboard,
  listInactiveMembers,
  nudgeMembers,
  removeMembers,
  exportMembers,
  exportCheckins,
  getParticipationSettings,
  saveParticipationSettings,
  archiveGroup,
  restoreGroup,
  listMyGroupSummaries,
  runTally,
  getJoinGuide,
  confirmJoined,
  getJoinGuideSettings,
  updateJoinGuide,
  listNotJoined,
  listDecidedApplications,
  getPendingCounts,
  sendApplicationDigest,
  askApplicant,
  answerFollowUp,
  remindJoinQrExpiry,
  editAnnouncement,
  deleteAnnouncement,
  deleteDailyTask,
  markAnnouncementsRead,
  cleanExpiredExports,
} from '../../contracts'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import * as admission from '../../usecases/admission'
import { postAnnouncement as postAnnouncementUseCase } from '../../usecases/announcements'
import { memberKey } from '../../usecases/member-keys'
import { saveDailyTask as saveDailyTaskUseCase } from '../../usecases/tasks'
import { photoPathPrefix } from '../../usecases/photos'
import { NONCE, lotteryInput } from '../support/lottery'
import { ADMIN, CONSOLE, GROUP, MEMBER, OWNER, STRANGER, TIMER, applyInput, makeFixture, storeSnapshot, testGroup, testMember, type CallAs, type Fixture } from '../support/fixture'

const APPLICANT = 'o_applicant'
/** The owner of another group: every right there, none here. */
const ELSEWHERE = 'o_elsewhere'
const OTHER_GROUP = 'g-other'
const TARGET = 'o_m2'
const APP = applicationId(GROUP, APPLICANT)

/** The columns, in table order. */
const CALLERS: Array<[name: string, as: CallAs]> = [
  ['anonymous', STRANGER],
  ['applicant', APPLICANT],
  ['member', MEMBER],
  ['admin', ADMIN],
  ['owner', OWNER],
  ['elsewhere', ELSEWHERE],
  ['timer', TIMER],
  ['console', CONSOLE],
]

type Cell = 'Y' | 'y' | 'U' | 'F'
interface Seeded {
  announcementId: string
  /** An open lottery (manual draw, no conditions) and a drawn one whose only entrant, MEMBER, won. */
  openLotteryId: string
  drawnLotteryId: string
  /** TARGET's check-in of today, as views name it. */
  checkinViewId: string
}
interface Row {
  action: AnyAction
  input: (seeded: Seeded, as: CallAs) => unknown
  cells: Cell[]
}

/** A row: the input is checked against the contract; the cells are one letter per caller, spaced. */
function row<A extends AnyAction>(action: A, input: InputOf<A> | ((seeded: Seeded, as: CallAs) => InputOf<A>), cells: string): Row {
  const parsed = cells.split(' ') as Cell[]
  if (parsed.length !== CALLERS.length || parsed.some((c) => !['Y', 'y', 'U', 'F'].includes(c))) throw new Error(`bad cells for ${action.action}: ${cells}`)
  return { action, input: typeof input === 'function' ? (input as Row['input']) : () => input, cells: parsed }
}

/** A cloud storage path that is the caller's own for today (what the weapp uploads before `registerPhoto`). */
function ownPhotoPath(as: CallAs): string {
  const openid = typeof as === 'string' ? as : 'o_nobody'
  return `cloud://env-test.1234/${photoPathPrefix(GROUP, '2026-11-23', openid)}abcdef12.jpg`
}

const settings = { questions: [], requirePhone: false, allowMemberInvites: true, cooldownDays: 7, reasonTemplates: [] }

/** The fixture group's settings as the settings page sends them (admins may change the task time; the day rule, the owner only). */
const groupSettingsForm = { name: '周末徒步·郑州群', intro: '每周六一起走郑州周边的山', timezone: 'Asia/Shanghai', dayStartHour: 0, makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, taskPublishTime: '08:00', capacity: 500 }

// prettier-ignore
const MATRIX: Row[] = [
  //                                                                                               anon appl memb admn ownr else timr cnsl
  row(getGroupProfile,           { groupId: GROUP },                                               'Y Y Y Y Y Y Y Y'),
  row(listMyGroups,              {},                                                               'U Y Y Y Y Y U U'),
  row(ensureCollections,         {},                                                               'F F F F F F F Y'),
  row(backfillMemberKeys,        {},                                                               'F F F F F F F Y'),
  row(getApplyPage,              { groupId: GROUP },                                               'Y Y Y Y Y Y Y Y'),
  row(submitApplication,         applyInput(),                                                     'U Y y y y Y U U'),
  row(withdrawApplication,       { groupId: GROUP },                                               'U Y y y y y U U'),
  row(listApplications,          { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(getApplication,            { groupId: GROUP, applicationId: APP },                           'U F F Y Y F U U'),
  row(decideApplication,         { groupId: GROUP, applicationId: APP, decision: 'approve' },      'U F F Y Y F U U'),
  row(decideApplications,        { groupId: GROUP, applicationIds: [APP], decision: 'reject' },    'U F F Y Y F U U'),
  row(getAdmissionSettings,      { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(updateAdmissionSettings,   { groupId: GROUP, settings },                                     'U F F Y Y F U U'),
  row(getInviteCode,             { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(purgeRejectedApplications, {},                                                               'F F F F F F Y F'),
  row(listMembers,               { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(changeMemberRole,          { groupId: GROUP, memberKey: memberKey(GROUP, TARGET), role: 'admin' }, 'U F F F Y F U U'),
  row(transferOwnership,         { groupId: GROUP, memberKey: memberKey(GROUP, TARGET) },          'U F F F Y F U U'),
  row(removeMember,              { groupId: GROUP, memberKey: memberKey(GROUP, TARGET) },          'U F F Y Y F U U'),
  row(leaveGroup,                { groupId: GROUP },                                               'U y Y Y y y U U'),
  row(listInbox,                 {},                                                               'U Y Y Y Y Y U U'),
  row(markInboxRead,             {},                                                               'U Y Y Y Y Y U U'),
  row(getRules,                  { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(acknowledgeRules,          { groupId: GROUP, version: 2 },                                   'U F Y Y Y F U U'),
  row(publishRules,              { groupId: GROUP, clauses: ['新规'] },                             'U F F Y Y F U U'),
  row(listAnnouncements,         { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(postAnnouncement,          { groupId: GROUP, title: '通知', body: '周六活动' },                'U F F Y Y F U U'),
  row(setAnnouncementPinned,     (s) => ({ groupId: GROUP, announcementId: s.announcementId, pinned: true }), 'U F F Y Y F U U'),
  row(listDailyTasks,            { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(saveDailyTask,             { groupId: GROUP, day: '2026-11-24', title: '读书', body: '第一章' }, 'U F F Y Y F U U'),
  row(getCheckinOverview,        { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(checkIn,                   { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(makeUpCheckin,             { groupId: GROUP, day: '2026-11-22' },                            'U F Y Y Y F U U'),
  row(getCheckinCalendar,        { groupId: GROUP, month: '2026-11' },                             'U F Y Y Y F U U'),
  row(listTodayFeed,             { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(setReminder,               { groupId: GROUP, enabled: true, time: '20:00' },                 'U F Y Y Y F U U'),
  row(runDailyReminders,         {},                                                               'F F F F F F Y F'),
  row(registerPhoto,             (_s, as) => ({ groupId: GROUP, fileId: ownPhotoPath(as) }),       'U F Y Y Y F U U'),
  row(cleanOrphanPhotos,         {},                                                               'F F F F F F Y F'),
  row(getLeaderboard,            { groupId: GROUP, period: 'week', metric: 'score' },              'U F Y Y Y F U U'),
  row(getMyProgress,             { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(getDashboard,              { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(listInactiveMembers,       { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(nudgeMembers,              { groupId: GROUP, memberKeys: [memberKey(GROUP, TARGET)] },       'U F F Y Y F U U'),
  row(removeMembers,             { groupId: GROUP, memberKeys: [memberKey(GROUP, TARGET)], reason: '连续 30 天未打卡' }, 'U F F Y Y F U U'),
  row(exportMembers,             { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(exportCheckins,            { groupId: GROUP, from: '2026-11-01', to: '2026-11-23' },         'U F F Y Y F U U'),
  row(getParticipationSettings,  { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(saveParticipationSettings, { groupId: GROUP, points: { checkin: 10, makeUp: 5, taskCheckin: 15, lotteryEntry: 2, invitee: 20 }, inactiveDays: 7, goal: null }, 'U F F Y Y F U U'),
  row(archiveGroup,              { groupId: GROUP },                                               'U F F F Y F U U'),
  row(restoreGroup,              { groupId: GROUP },                                               'U F F F y F U U'),
  row(listMyGroupSummaries,      {},                                                               'U Y Y Y Y Y U U'),
  row(runTally,                  {},                                                               'F F F F F F Y F'),
  row(likeCheckin,               (s) => ({ groupId: GROUP, checkinId: s.checkinViewId, liked: true }), 'U F Y Y Y F U U'),
  // Only the caller's own check-in of today: these callers have none today.
  row(editCheckin,               { groupId: GROUP, note: '改一句' },                                 'U F y y y F U U'),
  row(getJoinGuide,              { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(confirmJoined,             { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(getJoinGuideSettings,      { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(updateJoinGuide,           { groupId: GROUP, groupQrPhotoId: null, personalQrPhotoId: null, instructions: '进群后改昵称' }, 'U F F Y Y F U U'),
  row(listNotJoined,             { groupId: GROUP, days: 3 },                                      'U F F Y Y F U U'),
  row(remindJoinQrExpiry,        {},                                                               'F F F F F F Y F'),
  row(editAnnouncement,          (s) => ({ groupId: GROUP, announcementId: s.announcementId, title: '改期', body: '九点集合' }), 'U F F Y Y F U U'),
  row(deleteAnnouncement,        (s) => ({ groupId: GROUP, announcementId: s.announcementId }),  'U F F Y Y F U U'),
  row(deleteDailyTask,           { groupId: GROUP, day: '2026-11-24' },                            'U F F Y Y F U U'),
  row(listDecidedApplications,   { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(getPendingCounts,          {},                                                               'U Y Y Y Y Y U U'),
  row(sendApplicationDigest,     {},                                                               'F F F F F F Y F'),
  row(askApplicant,              { groupId: GROUP, applicationId: APP, question: '你在郑州哪个区？' }, 'U F F Y Y F U U'),
  row(answerFollowUp,            { groupId: GROUP, answer: '金水区' },                              'U y y y y y U U'),
  row(createLottery,             lotteryInput({ requestId: 'req_matrix_1' }),                       'U F F Y Y F U U'),
  row(listLotteries,             { groupId: GROUP },                                               'U F Y Y Y F U U'),
  row(getLottery,                (s) => ({ lotteryId: s.openLotteryId }),                          'U F Y Y Y F U U'),
  row(enterLottery,              (s) => ({ lotteryId: s.openLotteryId, nonce: NONCE(5) }),         'U F Y Y Y F U U'),
  row(cancelLottery,             (s) => ({ lotteryId: s.openLotteryId, reason: '奖品缺货' }),        'U F F Y Y F U U'),
  row(drawLottery,               (s) => ({ lotteryId: s.openLotteryId }),                          'U F F Y Y F U U'),
  row(getLotteryDraw,            (s) => ({ lotteryId: s.drawnLotteryId }),                         'U F Y Y Y F U U'),
  row(claimLotteryPrize,         (s) => ({ lotteryId: s.drawnLotteryId, name: '李娜', phone: '13800138000' }), 'U F Y y y F U U'),
  row(listLotteryEntrants,       (s) => ({ lotteryId: s.openLotteryId }),                          'U F F Y Y F U U'),
  row(listLotteryWinners,        (s) => ({ lotteryId: s.drawnLotteryId }),                         'U F F Y Y F U U'),
  row(redrawLottery,             (s) => ({ lotteryId: s.drawnLotteryId }),                         'U F F y y F U U'),
  row(settleLottery,             (s) => ({ lotteryId: s.drawnLotteryId }),                         'U F F Y Y F U U'),
  row(exportLotteryCsv,          (s) => ({ lotteryId: s.drawnLotteryId, kind: 'winners' as const }), 'U F F Y Y F U U'),
  row(runLotteryTimer,           {},                                                               'F F F F F F Y F'),
  row(markAnnouncementsRead,     (s) => ({ groupId: GROUP, announcementIds: [s.announcementId] }), 'U F Y Y Y F U U'),
  row(getGroupSettings,          { groupId: GROUP },                                               'U F F Y Y F U U'),
  row(saveGroupSettings,         { groupId: GROUP, ...groupSettingsForm, taskPublishTime: '07:30' }, 'U F F Y Y F U U'),
  row(cleanExpiredExports,       {},                                                               'F F F F F F Y F'),
]

const key = (action: AnyAction) => `${action.fn}.${action.action}`

function isContract(value: unknown): value is AnyAction {
  return typeof value === 'object' && value !== null && 'fn' in value && 'action' in value && 'input' in value
}

/** The group with its owner, admin, member and TARGET; a pending applicant; another group ELSEWHERE owns; one announcement. */
async function fixture(): Promise<{ fx: Fixture; seeded: Seeded }> {
  const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } }, members: [testMember(TARGET, 'member', '刘洋')] })
  await fx.store.create('groups', testGroup({ _id: OTHER_GROUP, name: '另一个群', ownerOpenid: ELSEWHERE, memberCount: 1 }))
  await fx.store.create('members', { ...testMember(ELSEWHERE, 'owner', '赵六'), _id: memberId(OTHER_GROUP, ELSEWHERE), groupId: OTHER_GROUP })
  await admission.submitApplication(fx.ctx(APPLICANT), fx.services, applyInput())
  const announcement = await postAnnouncementUseCase(fx.ctx(ADMIN), { groupId: GROUP, title: '置顶候选', body: '…', pinned: false })
  // A scheduled task to delete.
  await saveDailyTaskUseCase(fx.ctx(ADMIN), { groupId: GROUP, day: '2026-11-24', title: '读书', body: '第一章' })
  const open = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ requestId: 'req_matrix_open' }))
  const drawn = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ requestId: 'req_matrix_drawn', prizes: [{ name: '书签', quantity: 1 }] }))
  await fx.api.as(MEMBER).call(enterLottery, { lotteryId: drawn.id, nonce: NONCE(1) })
  await fx.api.as(ADMIN).call(drawLottery, { lotteryId: drawn.id })
  // TARGET's check-in of today, to like.
  const targetCheckin = await fx.api.as(TARGET).call(contracts.checkIn, { groupId: GROUP, note: '今天读完了' })
  return { fx, seeded: { announcementId: announcement.id, openLotteryId: open.id, drawnLotteryId: drawn.id, checkinViewId: targetCheckin.checkin.id } }
}

/** Everything a refused call must leave as it was: every document of every collection, and the messages sent. */
async function snapshot(fx: Fixture) {
  return { collections: await storeSnapshot(fx.store), sent: [...fx.wechat.sent] }
}

describe('authorization matrix', () => {
  it('has exactly one row for every action in contracts/', () => {
    const declared = Object.values(contracts).filter(isContract).map(key).sort()
    const rows = MATRIX.map((r) => key(r.action)).sort()
    expect(new Set(rows).size).toBe(rows.length)
    expect(rows).toEqual(declared)
  })

  const cases = MATRIX.flatMap((r) => CALLERS.map(([name, as], i) => [key(r.action), name, r.cells[i], as, r] as const))

  it.each(cases)('%s as %s → %s', async (_action, _caller, cell, as, r) => {
    const { fx, seeded } = await fixture()
    const before = await snapshot(fx)
    const result = await fx.api.as(as).resultOfUnchecked(r.action, r.input(seeded, as))
    switch (cell) {
      case 'Y':
        expect(result).toMatchObject({ ok: true })
        break
      case 'y':
        expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|NOT_FOUND)$/) } })
        break
      case 'U':
      case 'F':
        expect(result).toMatchObject({
          ok: false,
          error: { code: cell === 'U' ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
        })
        expect(await snapshot(fx)).toEqual(before)
        break
    }
  })
})
