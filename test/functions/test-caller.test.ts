/** The typed test caller itself: data on success, a readable error on failure, identity and clock per caller. */
import { checkIn, getCheckinOverview } from '../../contracts'
import { CallFailedError, GROUP, MEMBER, OUTSIDER, STRANGER, makeFixture } from '../support/fixture'

describe('the typed test caller', () => {
  it('returns the data of a successful call, at the fixture clock or the instant given', async () => {
    const fx = await makeFixture({ now: '2026-11-23T01:00:00Z' })
    expect(await fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: '一' })).toMatchObject({ created: true, checkin: { day: '2026-11-23', note: '一' } })
    fx.clock.set('2026-11-24T01:00:00Z')
    expect((await fx.api.as(MEMBER).call(getCheckinOverview, { groupId: GROUP })).today).toBe('2026-11-24')
    expect((await fx.api.as(MEMBER).at('2026-11-25T01:00:00Z').call(getCheckinOverview, { groupId: GROUP })).today).toBe('2026-11-25')
  })

  it('throws a CallFailedError naming the action, the code, the message and the fields', async () => {
    const fx = await makeFixture()
    const refused = fx.api.as(OUTSIDER).call(checkIn, { groupId: GROUP })
    await expect(refused).rejects.toBeInstanceOf(CallFailedError)
    await expect(refused).rejects.toThrow('checkin.checkIn failed: FORBIDDEN 你没有权限进行此操作')
    await expect(fx.api.as(MEMBER).call(checkIn, { groupId: GROUP, note: 'x'.repeat(501) })).rejects.toThrow(
      'checkin.checkIn failed: INVALID_INPUT 最多 500 个字 {"note":"最多 500 个字"}',
    )
  })

  it('result gives the typed failure; calls without identity are unauthenticated', async () => {
    const fx = await makeFixture()
    expect(await fx.api.as(STRANGER).result(checkIn, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
