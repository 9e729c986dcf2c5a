/**
 * Participation through the real handlers on SQLite: the score each event writes (check-in, make-up, task
 * check-in, approved invitee), week / month counters reset lazily, leaderboards (order, competition ranks,
 * ties by joining, paging across a tie, the viewer's row), progress toward the goal, the dashboard and the
 * inactive list, nudges and batch removals (inbox, audit, subscribe message), CSV exports (BOM, Chinese,
 * escaping, paging through thousands of rows), archive / restore, my groups, and the settings.
 */
import {
  archiveGroup,
  checkIn,
  decideApplication,
  exportCheckins,
  exportMembers,
  getDashboard,
  getInviteCode,
  getLeaderboard,
  getMyProgress,
  getParticipationSettings,
  listInactiveMembers,
  listMyGroupSummaries,
  listTodayFeed,
  makeUpCheckin,
  nudgeMembers,
  removeMembers,
  restoreGroup,
  saveDailyTask,
  saveParticipationSettings,
  submitApplication,
} from '../../contracts'
import { withTemplateIds, SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { applicationId } from '../../domain/admission'
import { CSV_BOM } from '../../domain/csv'
import { shiftDay } from '../../domain/days'
import { memberId, type MemberDoc } from '../../domain/group'
import { DEFAULT_SCORE_POINTS } from '../../domain/participation'
import { readLocalExport } from '../../platform/export-files-local'
import { memberKey } from '../../usecases/member-keys'
import { ADMIN, GROUP, MEMBER, OWNER, applyInput, makeFixture, testMember, type Fixture } from '../support/fixture'

/** The UTC instant of a Shanghai wall-clock time. */
function shanghai(day: string, time = '09:00'): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString()
}

async function memberDoc(fx: Fixture, openid: string): Promise<MemberDoc> {
  return (await fx.store.get('members', memberId(GROUP, openid)))!
}

/** The CSV behind an export's local signed link. */
function csvOf(url: string, at: Date): string {
  const parsed = new URL(url, 'http://127.0.0.1')
  const file = readLocalExport(parsed.pathname.split('/').pop()!, parsed.searchParams.get('exp'), parsed.searchParams.get('sig'), at)
  if (!file) throw new Error('export link does not resolve')
  return file.content
}

describe('the score each event writes', () => {
  it('check-in 10, check-in on the published task 15, make-up 5; week and month counters start over in a new period', async () => {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    // Sunday 11-29 ends a week; Monday 11-30 is still November; Tuesday 12-01 starts a month.
    await fx.api.as(MEMBER).at(shanghai('2026-11-28')).call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as(ADMIN).at(shanghai('2026-11-28')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-29', title: '读第 1 章', body: '…' })
    await fx.api.as(MEMBER).at(shanghai('2026-11-29')).call(checkIn, { groupId: GROUP, linkTask: true })
    expect(await memberDoc(fx, MEMBER)).toMatchObject({ score: 25, weekKey: '2026-11-23', weekScore: 25, monthKey: '2026-11', monthScore: 25, checkinDays: 2, streak: 2 })

    await fx.api.as(MEMBER).at(shanghai('2026-11-30')).call(checkIn, { groupId: GROUP, linkTask: false })
    expect(await memberDoc(fx, MEMBER)).toMatchObject({ score: 35, weekKey: '2026-11-30', weekScore: 10, weekCheckins: 1, monthScore: 35, monthCheckins: 3 })

    // Skip 12-01; on 12-02 make it up (5, earned on 12-02) and check in (10).
    await fx.api.as(MEMBER).at(shanghai('2026-12-02')).call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as(MEMBER).at(shanghai('2026-12-02', '10:00')).call(makeUpCheckin, { groupId: GROUP, day: '2026-12-01' })
    expect(await memberDoc(fx, MEMBER)).toMatchObject({ score: 50, weekScore: 25, weekCheckins: 3, monthKey: '2026-12', monthScore: 15, monthCheckins: 2, checkinDays: 5, streak: 5, lastCheckinDay: '2026-12-02', activeDay: '2026-12-02' })
  })

  it('an approved invitee credits the inviter, in the approval, with the group’s points', async () => {
    const fx = await makeFixture()
    const invite = await fx.api.as(MEMBER).call(getInviteCode, { groupId: GROUP })
    await fx.api.as('o_new1').call(submitApplication, applyInput({ inviteId: invite.inviteId }))
    await fx.api.as('o_new2').call(submitApplication, applyInput({ inviteId: invite.inviteId, intro: { name: '赵雷', region: '郑州', occupation: '教师', about: '' } }))
    await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_new1'), decision: 'approve' })
    expect(await memberDoc(fx, MEMBER)).toMatchObject({ score: DEFAULT_SCORE_POINTS.invitee, checkinDays: 0 })
    await fx.api.as(ADMIN).call(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, 'o_new2'), decision: 'reject', reason: '' })
    expect((await memberDoc(fx, MEMBER)).score).toBe(DEFAULT_SCORE_POINTS.invitee)
    // The new member starts active on the joining day, with the group's copy.
    expect(await memberDoc(fx, 'o_new1')).toMatchObject({ score: 0, activeDay: '2026-11-23', groupCopy: { archived: false, points: DEFAULT_SCORE_POINTS } })
  })

  it('the group’s own points apply from the save on, to every member (their copy is updated)', async () => {
    const fx = await makeFixture()
    await fx.api.as(MEMBER).at(shanghai('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as(ADMIN).at(shanghai('2026-11-22', '12:00')).call(saveParticipationSettings, {
      groupId: GROUP,
      points: { checkin: 3, makeUp: 1, taskCheckin: 4, lotteryEntry: 1, invitee: 9 },
      inactiveDays: 5,
      goal: { kind: 'streak', days: 21, reward: '书' },
    })
    await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false })
    expect((await memberDoc(fx, MEMBER)).score).toBe(10 + 3)
    expect((await memberDoc(fx, OWNER)).groupCopy?.points.checkin).toBe(3)
    const view = await fx.api.as(MEMBER).call(getParticipationSettings, { groupId: GROUP })
    expect(view).toMatchObject({ inactiveDays: 5, goal: { kind: 'streak', days: 21, reward: '书' }, canEdit: false, defaults: { points: DEFAULT_SCORE_POINTS } })
  })

  it('concurrent check-ins of 40 members lose no score; 20 taps of one member score once', async () => {
    const extra = Array.from({ length: 40 }, (_, i) => testMember(`o_r${String(i).padStart(2, '0')}`))
    const fx = await makeFixture({ members: extra })
    const at = shanghai('2026-11-23', '08:00')
    await Promise.all([
      ...extra.map((m) => fx.api.as(m.openid).at(at).call(checkIn, { groupId: GROUP, linkTask: false })),
      ...Array.from({ length: 20 }, () => fx.api.as(MEMBER).at(at).call(checkIn, { groupId: GROUP, linkTask: false })),
    ])
    const docs = await fx.store.find('members', { where: { groupId: GROUP }, limit: 100 })
    const scored = docs.filter((m) => m.score === 10 && m.weekScore === 10 && m.checkinDays === 1)
    expect(scored).toHaveLength(41)
  })
})

describe('leaderboards', () => {
  /** Members with given scores this week (and joining order by their index). */
  async function boardFixture(scores: number[]) {
    const extra = scores.map((_, i) => testMember(`o_b${String(i).padStart(2, '0')}`, 'member', `成员${i}`, `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00.000Z`))
    const fx = await makeFixture({ members: extra })
    for (const [i, score] of scores.entries()) {
      await fx.store.update('members', memberId(GROUP, extra[i].openid), { score, weekKey: '2026-11-23', weekScore: score, weekCheckins: Math.ceil(score / 10), checkinDays: Math.ceil(score / 10) })
    }
    return { fx, extra }
  }

  it('orders by the value, ties by joining, with competition ranks (1, 2, 2, 4) across pages; the viewer’s row on every page', async () => {
    // 25 members: values 100, then 90 ×3, 80 …; the tie at 50 straddles the page boundary (20 a page).
    const scores = [100, 90, 90, 90, 80, 70, 70, 60, 60, 60, 60, 55, 55, 54, 53, 52, 51, 50, 50, 50, 50, 50, 40, 30, 0]
    const { fx, extra } = await boardFixture(scores)
    const first = await fx.api.as(extra[3].openid).call(getLeaderboard, { groupId: GROUP, period: 'week', metric: 'score' })
    expect(first.items).toHaveLength(20)
    expect(first.items.slice(0, 5).map((r) => [r.rank, r.value])).toEqual([[1, 100], [2, 90], [2, 90], [2, 90], [5, 80]])
    // Within the 90s tie: joined earlier first.
    expect(first.items.slice(1, 4).map((r) => r.nickname)).toEqual(['成员1-郑州-工程师', '成员2-郑州-工程师', '成员3-郑州-工程师'])
    expect(first.me).toMatchObject({ rank: 2, value: 90, isViewer: true, key: memberKey(GROUP, extra[3].openid) })
    expect(first.next).toBe(20)
    const second = await fx.api.as(extra[3].openid).call(getLeaderboard, { groupId: GROUP, period: 'week', metric: 'score', cursor: first.next! })
    // 50 ×5 starts at position 18: rank 18 on both pages; members with 0 are not on the board.
    expect(first.items.slice(17).map((r) => [r.rank, r.value])).toEqual([[18, 50], [18, 50], [18, 50]])
    expect(second.items.map((r) => [r.rank, r.value])).toEqual([[18, 50], [18, 50], [23, 40], [24, 30]])
    expect(second.next).toBeNull()
    expect(second.me?.rank).toBe(2)
    // A member with nothing this week has no row of their own.
    expect((await fx.api.as(extra[24].openid).call(getLeaderboard, { groupId: GROUP, period: 'week' })).me).toBeNull()
  })

  it('a past week reads as empty; rows carry key, nickname and value only', async () => {
    const { fx, extra } = await boardFixture([30, 20])
    const nextWeek = await fx.api.as(MEMBER).at(shanghai('2026-11-30')).call(getLeaderboard, { groupId: GROUP, period: 'week' })
    expect(nextWeek.items).toEqual([])
    expect(nextWeek.periodKey).toBe('2026-11-30')
    const all = await fx.api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'all', metric: 'checkins' })
    expect(all.items.map((r) => r.value)).toEqual([3, 2])
    expect(Object.keys(all.items[0]).sort()).toEqual(['isViewer', 'key', 'nickname', 'rank', 'value'])
    expect(JSON.stringify(all)).not.toContain(extra[0].openid)
  })

  it('the streak board shows live runs only: a run that ended before yesterday drops out even before the tally', async () => {
    const fx = await makeFixture({ members: [testMember('o_s1'), testMember('o_s2')] })
    for (const day of ['2026-11-19', '2026-11-20', '2026-11-21']) await fx.api.as('o_s1').at(shanghai(day)).call(checkIn, { groupId: GROUP, linkTask: false })
    for (const day of ['2026-11-22', '2026-11-23']) await fx.api.as('o_s2').at(shanghai(day)).call(checkIn, { groupId: GROUP, linkTask: false })
    const board = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '20:00')).call(getLeaderboard, { groupId: GROUP, period: 'streak' })
    expect(board.metric).toBe('streak')
    expect(board.items.map((r) => [r.nickname.slice(0, 2), r.value, r.rank])).toEqual([['张三', 2, 1]])
  })
})

describe('my progress and the goal', () => {
  it('shows points, ranks, the streak, recent runs and 「连续打卡 21 天送书 — 还差 4 天」', async () => {
    const fx = await makeFixture({ group: { participation: { goal: { kind: 'streak', days: 21, reward: '书' } } } })
    const days = Array.from({ length: 17 }, (_, i) => shiftDay('2026-11-23', i - 16))
    await fx.api.as(MEMBER).at(shanghai('2026-10-01')).call(checkIn, { groupId: GROUP, linkTask: false })
    for (const day of days) await fx.api.as(MEMBER).at(shanghai(day)).call(checkIn, { groupId: GROUP, linkTask: false })
    const me = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '12:00')).call(getMyProgress, { groupId: GROUP })
    expect(me.goal).toMatchObject({ kind: 'streak', days: 21, current: 17, remaining: 4, reached: false, text: '连续打卡 21 天送书 — 还差 4 天' })
    expect(me).toMatchObject({ score: 180, checkinDays: 18, rank: { all: 1, week: 1, month: 1 }, streak: { current: 17, longest: 17 } })
    expect(me.streakHistory).toEqual([{ first: '2026-11-07', last: '2026-11-23', days: 17 }, { first: '2026-10-01', last: '2026-10-01', days: 1 }])
  })
})

describe('dashboard, inactive list, nudges and removals', () => {
  async function activity() {
    const extra = ['o_a1', 'o_a2', 'o_a3', 'o_a4'].map((openid, i) => testMember(openid, 'member', `成员${i}`, `2026-10-0${i + 1}T00:00:00.000Z`))
    const fx = await makeFixture({ members: extra, templates: withTemplateIds(SUBSCRIBE_TEMPLATES, { inactivityNudge: 'tmpl_nudge' }) })
    // o_a1 checks in daily; o_a2 stopped 10 days ago; o_a3 and o_a4 never checked in (joined in October).
    for (let back = 12; back >= 0; back--) {
      const day = shiftDay('2026-11-23', -back)
      await fx.api.as('o_a1').at(shanghai(day)).call(checkIn, { groupId: GROUP, linkTask: false })
      if (back >= 10) await fx.api.as('o_a2').at(shanghai(day)).call(checkIn, { groupId: GROUP, linkTask: false })
    }
    // The members seeded without counters get their activity day from the tally's one-time backfill.
    const { closeGroupDays } = await import('../../usecases/tally')
    await closeGroupDays(fx.ctx(OWNER), (await fx.store.get('groups', GROUP))!, ['2026-11-22'])
    return fx
  }

  it('the dashboard: today, pending applications, the closed days, newest members and the inactive list (admins only)', async () => {
    const fx = await activity()
    await fx.api.as('o_applicant').call(submitApplication, applyInput())
    const dash = await fx.api.as(ADMIN).at(shanghai('2026-11-23', '20:00')).call(getDashboard, { groupId: GROUP })
    expect(dash).toMatchObject({ today: '2026-11-23', memberCount: 7, todayCheckedIn: 1, todayRate: 0.1429, pendingApplications: 1 })
    expect(dash.series.map((d) => [d.day, d.checkedIn, d.activeMembers])).toEqual([['2026-11-22', 1, 1]])
    expect(dash.newestMembers[0].nickname).toBe('成员3-郑州-工程师')
    // Inactive for 7+ days: never checked in (since joining / the backfill) and o_a2 (last 11-13), longest silent first (then by joining, then id).
    expect(dash.inactive.items.map((m) => [m.nickname.slice(0, 3), m.lastCheckinDay])).toEqual([
      ['王强-', null],
      ['李娜-', null],
      ['周敏-', null],
      ['成员2', null],
      ['成员3', null],
      ['成员1', '2026-11-13'],
    ])
    expect(dash.inactive).toMatchObject({ inactiveDays: 7, total: 6 })
    expect((await fx.api.as(MEMBER).result(getDashboard, { groupId: GROUP })).ok).toBe(false)
    expect((await fx.api.as(ADMIN).call(listInactiveMembers, { groupId: GROUP })).total).toBe(6)
  })

  it('a nudge: inbox message, audit entry, nudgedAt, and the subscribe message where configured', async () => {
    const fx = await activity()
    const result = await fx.api.as(ADMIN).call(nudgeMembers, { groupId: GROUP, memberKeys: [memberKey(GROUP, 'o_a2'), memberKey(GROUP, 'o_gone')], message: '周六一起读' })
    expect(result).toMatchObject({ done: 1, skipped: [memberKey(GROUP, 'o_gone')] })
    const inbox = await fx.store.find('inboxMessages', { where: { openid: 'o_a2' }, limit: 10 })
    expect(inbox.map((m) => [m.kind, m.body])).toEqual([['member.nudge', '你已经 10 天没有打卡了，回来看看今天的任务吧。周六一起读']])
    expect(await fx.store.count('auditLogs', { groupId: GROUP, action: 'member.nudge' })).toBe(1)
    expect((await memberDoc(fx, 'o_a2')).nudgedAt).toBe(fx.clock.now().toISOString())
    expect(fx.wechat.sent.map((m) => [m.touser, m.templateId])).toEqual([['o_a2', 'tmpl_nudge']])
  })

  it('a batch removal: each removed member reads the reason in their inbox; the owner and self are skipped; an admin may not remove an admin', async () => {
    const fx = await activity()
    const keys = ['o_a2', 'o_a3', OWNER, ADMIN].map((openid) => memberKey(GROUP, openid))
    const result = await fx.api.as(ADMIN).call(removeMembers, { groupId: GROUP, memberKeys: keys, reason: '连续 30 天未打卡' })
    expect(result).toMatchObject({ done: 2, memberCount: 5 })
    expect(result.skipped.sort()).toEqual([memberKey(GROUP, ADMIN), memberKey(GROUP, OWNER)].sort())
    expect(await fx.store.get('members', memberId(GROUP, 'o_a2'))).toBeNull()
    const inbox = await fx.store.find('inboxMessages', { where: { openid: 'o_a3' }, limit: 10 })
    expect(inbox.map((m) => m.body)).toEqual([expect.stringContaining('连续 30 天未打卡')])
    expect(await fx.store.count('auditLogs', { groupId: GROUP, action: 'member.remove' })).toBe(2)
    expect((await fx.store.get('groups', GROUP))?.memberCount).toBe(5)
    // The owner may remove an admin.
    expect(await fx.api.as(OWNER).call(removeMembers, { groupId: GROUP, memberKeys: [memberKey(GROUP, ADMIN)], reason: '卸任' })).toMatchObject({ done: 1, skipped: [] })
  })
})

describe('exports', () => {
  it('members with counters: UTF-8 with BOM, Chinese, commas, quotes and newlines escaped', async () => {
    const fx = await makeFixture({ members: [testMember('o_q', 'member', '王"大,锤\n二')] })
    await fx.api.as('o_q').at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false })
    const file = await fx.api.as(ADMIN).call(exportMembers, { groupId: GROUP })
    expect(file.rows).toBe(4)
    expect(file.fileName).toBe('周末徒步·郑州群-成员-2026-11-23.csv')
    const csv = csvOf(file.url, fx.clock.now())
    expect(csv.startsWith(CSV_BOM + '群昵称,身份,入群时间,总积分,本周积分,本月积分,累计打卡天数,当前连续天数,最长连续天数,最近打卡日\r\n')).toBe(true)
    expect(csv).toContain('"王""大,锤\n二-郑州-工程师",成员,2026-01-01 08:00,10,10,10,1,1,1,2026-11-23\r\n')
    expect(csv).not.toContain('o_q')
  })

  it('check-ins of a date range page through the store: 260 rows, 130 of them on one day, each once, in day order', async () => {
    const extra = Array.from({ length: 130 }, (_, i) => testMember(`o_e${String(i).padStart(3, '0')}`))
    const fx = await makeFixture({ members: extra })
    await fx.api.as(ADMIN).at(shanghai('2026-11-20')).call(saveDailyTask, { groupId: GROUP, day: '2026-11-21', title: '第 2 章', body: '…' })
    for (const m of extra) {
      await fx.api.as(m.openid).at(shanghai('2026-11-21')).call(checkIn, { groupId: GROUP, note: `第一天, "${m.openid}"` })
      await fx.api.as(m.openid).at(shanghai('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false })
    }
    const file = await fx.api.as(OWNER).call(exportCheckins, { groupId: GROUP, from: '2026-11-21', to: '2026-11-23' })
    expect(file.rows).toBe(260)
    const lines = csvOf(file.url, fx.clock.now()).slice(1).trim().split('\r\n')
    expect(lines[0]).toBe('打卡日,群昵称,打卡时间,补卡,关联任务,打卡内容')
    expect(lines.slice(1)).toHaveLength(260)
    // The first day's rows differ by their notes: each exactly once.
    expect(new Set(lines.slice(1, 131)).size).toBe(130)
    expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual([...Array(130).fill('2026-11-21'), ...Array(130).fill('2026-11-22')])
    expect(lines[1]).toMatch(/^2026-11-21,张三-郑州-工程师,2026-11-21 09:00,否,第 2 章,"第一天, ""o_e\d{3}"""$/)
    expect((await fx.api.as(ADMIN).result(exportCheckins, { groupId: GROUP, from: '2026-11-23', to: '2026-11-01' })).ok).toBe(false)
    expect(await fx.api.as(ADMIN).result(exportCheckins, { groupId: GROUP, from: '2025-01-01', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '一次最多导出 366 天的打卡' } })
  })
})

describe('archive and restore', () => {
  it('an archived group refuses check-ins, make-ups and applications with a clear message; history stays readable; the owner restores it', async () => {
    const fx = await makeFixture({ group: { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 } } })
    await fx.api.as(MEMBER).at(shanghai('2026-11-22')).call(checkIn, { groupId: GROUP, linkTask: false })
    expect((await fx.api.as(ADMIN).result(archiveGroup, { groupId: GROUP })).ok).toBe(false)
    expect(await fx.api.as(OWNER).call(archiveGroup, { groupId: GROUP })).toMatchObject({ status: 'archived' })
    const refusal = { ok: false, error: { code: 'CONFLICT', message: '这个社群已归档，只能查看历史，不能再报名、打卡或参与抽奖' } }
    expect(await fx.api.as(MEMBER).at(shanghai('2026-11-23')).result(checkIn, { groupId: GROUP })).toMatchObject(refusal)
    expect(await fx.api.as(MEMBER).at(shanghai('2026-11-23')).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-21' })).toMatchObject(refusal)
    expect(await fx.api.as('o_x').result(submitApplication, applyInput())).toMatchObject(refusal)
    expect((await fx.api.as(MEMBER).at(shanghai('2026-11-22', '20:00')).call(listTodayFeed, { groupId: GROUP })).items).toHaveLength(1)
    expect((await fx.api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'all' })).items).toHaveLength(1)
    expect(await fx.api.as(OWNER).result(archiveGroup, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await fx.api.as(OWNER).call(restoreGroup, { groupId: GROUP })).toMatchObject({ status: 'open', archivedAt: null })
    expect((await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP })).created).toBe(true)
    expect(await fx.store.count('auditLogs', { groupId: GROUP, action: 'group.archive' })).toBe(1)
  })

  it('my groups: each with its role and headline numbers, pending applications for admins only, archived ones last', async () => {
    const fx = await makeFixture()
    await fx.store.create('groups', { ...(await fx.store.get('groups', GROUP))!, _id: 'g-b', name: 'A 读书会', status: 'archived', memberCount: 1 })
    await fx.store.create('members', { ...testMember(MEMBER), _id: memberId('g-b', MEMBER), groupId: 'g-b', role: 'owner' })
    await fx.api.as(MEMBER).at(shanghai('2026-11-23')).call(checkIn, { groupId: GROUP, linkTask: false })
    await fx.api.as('o_applicant').call(submitApplication, applyInput())
    const mine = await fx.api.as(MEMBER).at(shanghai('2026-11-23', '12:00')).call(listMyGroupSummaries, {})
    expect(mine.map((g) => [g.id, g.role, g.todayCheckedIn, g.pendingApplications, g.status])).toEqual([
      [GROUP, 'member', 1, null, 'open'],
      ['g-b', 'owner', 0, 0, 'archived'],
    ])
    expect((await fx.api.as(ADMIN).call(listMyGroupSummaries, {}))[0]).toMatchObject({ pendingApplications: 1, todayRate: 0.3333 })
  })
})

describe('races', () => {
  it('ten invitees of one inviter approved at once by two admins: the inviter gets exactly ten credits', async () => {
    const fx = await makeFixture()
    const invite = await fx.api.as(MEMBER).call(getInviteCode, { groupId: GROUP })
    const applicants = Array.from({ length: 10 }, (_, i) => `o_inv${i}`)
    for (const openid of applicants) await fx.api.as(openid).call(submitApplication, applyInput({ inviteId: invite.inviteId }))
    const results = await Promise.all(applicants.map((openid, i) => fx.api.as(i % 2 ? ADMIN : OWNER).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve' })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await memberDoc(fx, MEMBER)).toMatchObject({ score: 10 * DEFAULT_SCORE_POINTS.invitee, weekScore: 10 * DEFAULT_SCORE_POINTS.invitee })
  })
})
