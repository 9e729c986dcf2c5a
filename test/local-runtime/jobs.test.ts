import dayjs from 'dayjs'
import { applicationId } from '../../domain/admission'
import { startLocalJobs } from '../../local-runtime/jobs'
import { submitApplication, decideApplication } from '../../usecases/admission'
import { ADMIN, FIXED_NOW, GROUP, applyInput, makeFixture } from '../support/fixture'

describe('local timer jobs', () => {
  it('run the admissionPurge function as a timer event, on start and on every tick', async () => {
    const fx = await makeFixture()
    await submitApplication(fx.ctx('o_old'), fx.services, applyInput({ phone: '13812341234' }))
    await decideApplication(fx.ctx(ADMIN, dayjs(FIXED_NOW).subtract(31, 'day').toDate()), fx.services, {
      groupId: GROUP,
      applicationId: applicationId(GROUP, 'o_old'),
      decision: 'reject',
      reason: '',
    })
    const jobs = startLocalJobs(fx.store, { intervalMs: 60_000, now: () => FIXED_NOW })
    try {
      await expect(jobs.runOnce()).resolves.toMatchObject({ ok: true })
      expect(await fx.store.get('applications', applicationId(GROUP, 'o_old'))).toMatchObject({ phone: null, purgedAt: FIXED_NOW.toISOString() })
      await expect(jobs.runOnce()).resolves.toEqual({ ok: true, data: { purged: 0 } })
    } finally {
      jobs.stop()
    }
  })
})
