/**
 * Admins hear about applicants (through the real `admission` and `admissionPurge` handlers on SQLite): the
 * pending-count badge for the caller's managed groups; the hourly digest — one inbox message per admin with
 * the count of new applications since the last run, never a second one in the same hour, never counting an
 * application twice, the subscribe message where the template is configured; timer-only.
 */
import { getPendingCounts, listInbox, submitApplication, withdrawApplication } from '../../contracts'
import { SUBSCRIBE_TEMPLATES, withTemplateIds } from '../../contracts/subscribe-templates'
import { DIGEST_MARK_ID } from '../../domain/admission'
import { digestMessageId } from '../../usecases/admission'
import { ADMIN, GROUP, MEMBER, OWNER, TIMER, applyInput, makeFixture, testGroup, testMember, type Fixture } from '../support/fixture'
import { memberId } from '../../domain/group'
import { memberKey } from '../../usecases/member-keys'

const digest = (fx: Fixture, at: string) => fx.api.as(TIMER).at(at).event('admissionPurge', { Type: 'Timer', TriggerName: 'applicationDigestHourly' })

async function submitAt(fx: Fixture, openid: string, at: string, groupId = GROUP) {
  fx.clock.set(at)
  await fx.api.as(openid).call(submitApplication, applyInput({ groupId }))
}

describe('the pending-count badge', () => {
  it('counts waiting applications per managed group; members and applicants get none', async () => {
    const fx = await makeFixture()
    await fx.store.create('groups', testGroup({ _id: 'g-two', name: '读书会' }))
    await fx.store.create('members', { ...testMember(ADMIN, 'owner', '王强'), _id: memberId('g-two', ADMIN), groupId: 'g-two', memberKey: memberKey('g-two', ADMIN) })
    for (const openid of ['o_a', 'o_b']) await fx.api.as(openid).call(submitApplication, applyInput())
    await fx.api.as('o_c').call(submitApplication, applyInput({ groupId: 'g-two', rulesVersion: 2 }))
    const counts = await fx.api.as(ADMIN).call(getPendingCounts, {})
    expect(counts.capped).toBe(false)
    expect(new Map(counts.counts.map((c) => [c.groupId, c.pending]))).toEqual(new Map([[GROUP, 2], ['g-two', 1]]))
    expect((await fx.api.as(OWNER).call(getPendingCounts, {})).counts).toEqual([{ groupId: GROUP, pending: 2 }])
    expect(await fx.api.as(MEMBER).call(getPendingCounts, {})).toEqual({ counts: [], capped: false })
    expect(await fx.api.as('o_a').call(getPendingCounts, {})).toEqual({ counts: [], capped: false })
  })
})

describe('the hourly digest of new applications', () => {
  it('tells each admin once with the count, then only what is new; a second run in the same hour sends nothing', async () => {
    const fx = await makeFixture({ templates: withTemplateIds(SUBSCRIBE_TEMPLATES, { applicationDigest: 'tmpl_digest' }) })
    await submitAt(fx, 'o_a', '2026-11-23T01:20:00.000Z')
    await submitAt(fx, 'o_b', '2026-11-23T01:40:00.000Z')
    expect(await digest(fx, '2026-11-23T02:00:00.000Z')).toMatchObject({ ok: true, data: { admins: 2, applications: 2 } })
    for (const admin of [ADMIN, OWNER]) {
      const inbox = await fx.api.as(admin).call(listInbox, {})
      expect(inbox.items.filter((m) => m.kind === 'application.digest')).toEqual([expect.objectContaining({ title: '2 份新的入群申请待审核', body: '周末徒步·郑州群：2 份' })])
    }
    expect(fx.wechat.sent.map((m) => [m.touser, m.templateId, m.data.number2.value]).sort()).toEqual([
      [ADMIN, 'tmpl_digest', '2'],
      [OWNER, 'tmpl_digest', '2'],
    ])
    expect(await fx.store.count('inboxMessages', { openid: MEMBER })).toBe(0)

    // A new one within the same hour, and a re-run: nobody hears twice this hour, and it is not lost.
    await submitAt(fx, 'o_c', '2026-11-23T02:10:00.000Z')
    expect(await digest(fx, '2026-11-23T02:30:00.000Z')).toMatchObject({ ok: true, data: { admins: 0, applications: 0 } })
    expect(await fx.store.count('inboxMessages', { openid: ADMIN, kind: 'application.digest' })).toBe(1)
    // The next hour: only the new one.
    expect(await digest(fx, '2026-11-23T03:00:00.000Z')).toMatchObject({ ok: true, data: { admins: 2, applications: 1 } })
    expect((await fx.store.get('inboxMessages', digestMessageId(ADMIN, new Date('2026-11-23T03:00:00.000Z'))))?.title).toBe('1 份新的入群申请待审核')
    expect(await fx.store.count('inboxMessages', { openid: ADMIN, kind: 'application.digest' })).toBe(2)
    // A quiet hour: nothing sent, nothing written.
    const quiet = await digest(fx, '2026-11-23T04:00:00.000Z')
    expect(quiet).toMatchObject({ ok: true, data: { admins: 0, applications: 0 } })
    expect((await fx.store.get('admissionDigests', DIGEST_MARK_ID))?.through).toBe('2026-11-23T02:59:00.000Z')
  })

  it('counts only still-pending applications, across groups in one message, and is timer-only', async () => {
    const fx = await makeFixture()
    await fx.store.create('groups', testGroup({ _id: 'g-two', name: '读书会' }))
    await fx.store.create('members', { ...testMember(ADMIN, 'admin', '王强'), _id: memberId('g-two', ADMIN), groupId: 'g-two', memberKey: memberKey('g-two', ADMIN) })
    await submitAt(fx, 'o_a', '2026-11-23T01:10:00.000Z')
    await submitAt(fx, 'o_b', '2026-11-23T01:20:00.000Z', 'g-two')
    await submitAt(fx, 'o_w', '2026-11-23T01:30:00.000Z')
    await fx.api.as('o_w').call(withdrawApplication, { groupId: GROUP })
    for (const who of [ADMIN, MEMBER, 'o_a']) {
      expect(await fx.api.as(who).event('admissionPurge', { action: 'sendApplicationDigest', input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await digest(fx, '2026-11-23T02:00:00.000Z')).toMatchObject({ ok: true, data: { admins: 2, applications: 2 } })
    const [message] = (await fx.api.as(ADMIN).call(listInbox, {})).items.filter((m) => m.kind === 'application.digest')
    expect(message.title).toBe('2 份新的入群申请待审核')
    expect(message.body.split('\n').sort()).toEqual(['周末徒步·郑州群：1 份', '读书会：1 份'])
    const [owners] = (await fx.api.as(OWNER).call(listInbox, {})).items.filter((m) => m.kind === 'application.digest')
    expect(owners.title).toBe('1 份新的入群申请待审核')
    expect(owners.link).toBe(`/packages/admin/pages/review/index?id=${GROUP}`)
  })
})
