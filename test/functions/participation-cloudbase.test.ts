/**
 * Participation over the CloudBase store adapter on the wx-server-sdk fake with interleaving transactions:
 * concurrent check-ins (one each by 30 members, 20 taps by one) and concurrent approvals crediting one inviter
 * lose no point; the boards, the dashboard and the tally answer the same as on SQLite.
 */
import { checkIn, decideApplication, getDashboard, getLeaderboard, runTally, submitApplication } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { memberId } from '../../domain/group'
import { DEFAULT_SCORE_POINTS } from '../../domain/participation'
import { dailyStatsId } from '../../domain/tally'
import { createCloudbaseStore } from '../../store/cloudbase'
import { inviteIdFor } from '../../usecases/admission/invites'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, OWNER, TIMER, applyInput, seedGroup, testCaller, testMember } from '../support/fixture'

async function concurrentCloudbase(members: string[]) {
  const cloud = createFakeCloud({ transactions: 'concurrent' })
  const store = createCloudbaseStore(cloud.database())
  await store.ensureSchema()
  await seedGroup(store, { group: { talliedThrough: '2026-11-22' }, members: members.map((openid) => testMember(openid)) })
  return { store, api: testCaller(store, { now: () => FIXED_NOW }) }
}

describe('participation over CloudBase (concurrent transactions)', () => {
  it('30 members and 20 taps of one at once: each scores once; the board, dashboard and tally agree', async () => {
    const members = Array.from({ length: 30 }, (_, i) => `o_c${String(i).padStart(2, '0')}`)
    const { store, api } = await concurrentCloudbase(members)
    await Promise.all([
      ...members.map((openid) => api.as(openid).call(checkIn, { groupId: GROUP, linkTask: false })),
      ...Array.from({ length: 20 }, () => api.as(MEMBER).call(checkIn, { groupId: GROUP, linkTask: false })),
    ])
    for (const openid of [...members, MEMBER]) expect(await store.get('members', memberId(GROUP, openid))).toMatchObject({ score: 10, weekScore: 10, checkinDays: 1, streak: 1 })
    const board = await api.as(MEMBER).call(getLeaderboard, { groupId: GROUP, period: 'week' })
    expect(board.items.map((row) => row.rank)).toEqual(Array(20).fill(1))
    expect(board.me).toMatchObject({ rank: 1, value: 10 })
    expect((await api.as(ADMIN).call(getDashboard, { groupId: GROUP })).todayCheckedIn).toBe(31)
    await api.as(TIMER).at('2026-11-24T01:00:00Z').call(runTally, {})
    expect(await store.get('dailyStats', dailyStatsId(GROUP, '2026-11-23'))).toMatchObject({ checkedIn: 31, activeMembers: 31, members: 33 })
  })

  it('ten invitees of one inviter approved at once: ten credits', async () => {
    const { store, api } = await concurrentCloudbase([])
    await store.create('invites', { _id: inviteIdFor(GROUP, MEMBER), groupId: GROUP, inviterOpenid: MEMBER, createdAt: FIXED_NOW.toISOString() })
    const applicants = Array.from({ length: 10 }, (_, i) => `o_j${i}`)
    for (const openid of applicants) await api.as(openid).call(submitApplication, applyInput({ inviteId: inviteIdFor(GROUP, MEMBER) }))
    const results = await Promise.all(applicants.map((openid, i) => api.as(i % 2 ? ADMIN : OWNER).result(decideApplication, { groupId: GROUP, applicationId: applicationId(GROUP, openid), decision: 'approve' })))
    const approved = results.filter((r) => r.ok).length
    // Under heavy contention a decision may give up with CONFLICT (nothing written); every approval that landed credited the inviter.
    expect(approved).toBeGreaterThan(0)
    expect((await store.get('members', memberId(GROUP, MEMBER)))?.score).toBe(approved * DEFAULT_SCORE_POINTS.invitee)
    expect(await store.count('members', { groupId: GROUP })).toBe(3 + approved)
  })
})
