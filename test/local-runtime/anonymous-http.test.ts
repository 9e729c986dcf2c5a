/**
 * Nothing that arrives over HTTP is the timer or the console: anonymous requests (and users) posting to the
 * timer-only functions and to `setup` are refused with FORBIDDEN and change nothing — in dev mode and with
 * DEV_MODE=0 — while the scheduler, the one local timer, still does the same work on the same store.
 */
import dayjs from 'dayjs'
import { setReminder } from '../../contracts'
import { applicationId } from '../../domain/admission'
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { readTimerTriggers, startScheduler } from '../../local-runtime/scheduler'
import { decideApplication, submitApplication } from '../../usecases/admission'
import { ADMIN, FIXED_NOW, GROUP, MEMBER, applyInput, makeFixture, storeSnapshot, type Fixture } from '../support/fixture'

const TIMER_EVENT = (name: string) => ({ Type: 'Timer', TriggerName: name, Time: FIXED_NOW.toISOString() })
const REQUESTS: Array<[path: string, event: unknown]> = [
  ['/api/admissionPurge', TIMER_EVENT('purgeRejectedDaily')],
  ['/api/admissionPurge', { action: 'purgeRejected', input: { olderThanDays: 1 } }],
  ['/api/reminders', TIMER_EVENT('checkinReminders')],
  ['/api/reminders', { action: 'run', input: {} }],
  ['/api/setup', { action: 'ensureCollections', input: {} }],
]

/** A store where the purge and the reminders both have work: an application rejected 31 days ago, a reminder due. */
async function storeWithWork(): Promise<Fixture> {
  const fx = await makeFixture()
  await submitApplication(fx.ctx('o_old'), fx.services, applyInput({ phone: '13812341234' }))
  await decideApplication(fx.ctx(ADMIN, dayjs(FIXED_NOW).subtract(31, 'day').toDate()), fx.services, {
    groupId: GROUP,
    applicationId: applicationId(GROUP, 'o_old'),
    decision: 'reject',
    reason: '',
  })
  await fx.api.as(MEMBER).call(setReminder, { groupId: GROUP, enabled: true, time: '08:00' }) // 10:00 in Shanghai now: due
  return fx
}

async function post(url: string, event: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(event), headers: { 'Content-Type': 'application/json', ...headers } })
  return response.json()
}

describe.each([
  ['dev mode, no header', true, {}],
  ['dev mode, a user', true, { 'X-WX-OPENID': MEMBER }],
  ['DEV_MODE=0', false, {}],
  ['DEV_MODE=0, a header that is ignored', false, { 'X-WX-OPENID': ADMIN }],
] as const)('POST to timer-only functions and setup over HTTP (%s)', (_name, devMode, headers) => {
  let fx: Fixture
  let runtime: LocalRuntime
  beforeAll(async () => {
    fx = await storeWithWork()
    runtime = await startLocalRuntime({ store: fx.store, port: 0, staticDir: null, devMode, now: () => FIXED_NOW })
  })
  afterAll(() => runtime.close())

  it.each(REQUESTS)('%s %j is refused and changes nothing', async (path, event) => {
    const before = await storeSnapshot(fx.store)
    const ensureSchema = jest.spyOn(fx.store, 'ensureSchema')
    try {
      expect(await post(runtime.url + path, event, headers)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
      expect(await storeSnapshot(fx.store)).toEqual(before)
      expect(ensureSchema).not.toHaveBeenCalled()
    } finally {
      ensureSchema.mockRestore()
    }
  })
})

it('the scheduler, as the timer, does the work those requests could not', async () => {
  const fx = await storeWithWork()
  const scheduler = startScheduler(fx.store, { triggers: readTimerTriggers(), now: () => FIXED_NOW })
  try {
    // It runs every trigger at start; one more run waits for that work and finds nothing left to do.
    await scheduler.runAll()
    expect(await fx.store.get('applications', applicationId(GROUP, 'o_old'))).toMatchObject({ phone: null, purgedAt: FIXED_NOW.toISOString() })
    expect(await fx.store.count('inboxMessages', { openid: MEMBER, kind: 'checkin.reminder' })).toBe(1)
  } finally {
    scheduler.stop()
  }
})
