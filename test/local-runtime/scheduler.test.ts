/**
 * The local runtime's scheduler: it finds every timer trigger in the functions' config.json files, runs
 * each once at start and then on its cron, always with the CloudBase timer event and no OPENID; and the
 * real admissionPurge function does its work when run that way.
 */
import fs from 'node:fs'
import path from 'node:path'
import dayjs from 'dayjs'
import { FUNCTION_NAMES, type FunctionName } from '../../contracts/define'
import { applicationId } from '../../domain/admission'
import type { FunctionHandler } from '../../platform/dispatch'
import type { Caller } from '../../usecases/context'
import { FUNCTIONS_DIR, readTimerTriggers, startScheduler } from '../../local-runtime/scheduler'
import { submitApplication, decideApplication } from '../../usecases/admission'
import { ADMIN, FIXED_NOW, GROUP, applyInput, makeFixture, makeStore } from '../support/fixture'

describe('readTimerTriggers', () => {
  it('finds the timer trigger of every function folder whose config.json declares one', () => {
    const declared = fs
      .readdirSync(FUNCTIONS_DIR)
      .filter((fn) => fs.existsSync(path.join(FUNCTIONS_DIR, fn, 'config.json')))
      .flatMap((fn) => {
        const triggers = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, fn, 'config.json'), 'utf8')).triggers ?? []
        return triggers.filter((t: { type: string }) => t.type === 'timer').map((t: { name: string; config: string }) => ({ fn, name: t.name, cron: t.config }))
      })
    expect(readTimerTriggers()).toEqual(expect.arrayContaining(declared))
    expect(readTimerTriggers()).toHaveLength(declared.length)
    expect(readTimerTriggers()).toEqual([
      { fn: 'admissionPurge', name: 'purgeRejectedDaily', cron: '0 30 3 * * * *' },
      { fn: 'admissionPurge', name: 'joinQrReminderHourly', cron: '0 5 * * * * *' },
      { fn: 'admissionPurge', name: 'applicationDigestHourly', cron: '0 0 * * * * *' },
      { fn: 'reminders', name: 'checkinReminders', cron: '0 */15 * * * * *' },
      { fn: 'photoCleanup', name: 'cleanOrphanPhotosHourly', cron: '0 20 * * * * *' },
      { fn: 'photoCleanup', name: 'cleanExpiredExportsHourly', cron: '0 40 * * * * *' },
      { fn: 'tally', name: 'tallyHourly', cron: '0 5 * * * * *' },
      { fn: 'lottery', name: 'lotteryDue', cron: '0 * * * * * *' },
    ])
  })
})

describe('startScheduler on a fake clock', () => {
  const START = new Date('2026-11-23T11:50:00.000Z') // 19:50 in China, where CloudBase reads the cron
  const calls: Array<{ fn: FunctionName; event: unknown; caller: Caller }> = []
  const handlers = Object.fromEntries(
    FUNCTION_NAMES.map((fn): [FunctionName, FunctionHandler] => [
      fn,
      async (event, ctx) => {
        calls.push({ fn, event, caller: ctx.caller })
        return { ok: true, data: null }
      },
    ]),
  ) as Record<FunctionName, FunctionHandler>

  beforeEach(() => {
    calls.length = 0
    jest.useFakeTimers({ now: START })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('runs each trigger once at start, then on its cron, with the timer event and no OPENID', async () => {
    const store = await makeStore()
    const scheduler = startScheduler(store, { handlers })
    try {
      await jest.advanceTimersByTimeAsync(0)
      expect(calls).toEqual([
        { fn: 'admissionPurge', event: { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'purgeRejectedDaily' } },
        { fn: 'admissionPurge', event: { Type: 'Timer', TriggerName: 'joinQrReminderHourly', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'joinQrReminderHourly' } },
        { fn: 'admissionPurge', event: { Type: 'Timer', TriggerName: 'applicationDigestHourly', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'applicationDigestHourly' } },
        { fn: 'reminders', event: { Type: 'Timer', TriggerName: 'checkinReminders', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'checkinReminders' } },
        { fn: 'photoCleanup', event: { Type: 'Timer', TriggerName: 'cleanOrphanPhotosHourly', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'cleanOrphanPhotosHourly' } },
        { fn: 'photoCleanup', event: { Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'cleanExpiredExportsHourly' } },
        { fn: 'tally', event: { Type: 'Timer', TriggerName: 'tallyHourly', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'tallyHourly' } },
        { fn: 'lottery', event: { Type: 'Timer', TriggerName: 'lotteryDue', Time: START.toISOString() }, caller: { kind: 'timer', trigger: 'lotteryDue' } },
      ])
      expect(scheduler.jobs.map((job) => [job.fn, job.next?.toISOString()])).toEqual([
        ['admissionPurge', '2026-11-23T19:30:00.000Z'],
        ['admissionPurge', '2026-11-23T12:05:00.000Z'],
        ['admissionPurge', '2026-11-23T12:00:00.000Z'],
        ['reminders', '2026-11-23T12:00:00.000Z'],
        ['photoCleanup', '2026-11-23T12:20:00.000Z'],
        ['photoCleanup', '2026-11-23T12:40:00.000Z'],
        ['tally', '2026-11-23T12:05:00.000Z'],
        ['lottery', '2026-11-23T11:51:00.000Z'],
      ])

      calls.length = 0
      await jest.advanceTimersByTimeAsync(10 * 60 * 1000) // 12:00Z: the quarter-hour
      expect(calls.filter((call) => call.fn === 'lottery')).toHaveLength(10) // every minute, 11:51 … 12:00
      const atNoon = calls.filter((call) => call.fn !== 'tally' && call.fn !== 'lottery')
      expect(atNoon).toHaveLength(2)
      expect(atNoon).toEqual(
        expect.arrayContaining([
          { fn: 'reminders', event: { Type: 'Timer', TriggerName: 'checkinReminders', Time: '2026-11-23T12:00:00.000Z' }, caller: { kind: 'timer', trigger: 'checkinReminders' } },
          { fn: 'admissionPurge', event: { Type: 'Timer', TriggerName: 'applicationDigestHourly', Time: '2026-11-23T12:00:00.000Z' }, caller: { kind: 'timer', trigger: 'applicationDigestHourly' } },
        ]),
      )

      calls.length = 0
      await jest.advanceTimersByTimeAsync(dayjs('2026-11-23T19:30:00.000Z').diff(dayjs(Date.now()))) // 03:30 in China
      const purges = calls.filter((call) => call.fn === 'admissionPurge' && call.caller.kind === 'timer' && call.caller.trigger === 'purgeRejectedDaily')
      expect(calls.filter((call) => call.caller.kind === 'timer' && call.caller.trigger === 'joinQrReminderHourly')).toHaveLength(8) // 12:05 … 19:05, hourly
      expect(purges).toEqual([{ fn: 'admissionPurge', event: { Type: 'Timer', TriggerName: 'purgeRejectedDaily', Time: '2026-11-23T19:30:00.000Z' }, caller: { kind: 'timer', trigger: 'purgeRejectedDaily' } }])
      expect(calls.filter((call) => call.fn === 'reminders')).toHaveLength(30) // 12:15 … 19:30, every 15 minutes
      expect(calls.filter((call) => call.caller.kind === 'timer' && call.caller.trigger === 'cleanOrphanPhotosHourly')).toHaveLength(8) // 12:20 … 19:20, hourly
      expect(calls.filter((call) => call.caller.kind === 'timer' && call.caller.trigger === 'cleanExpiredExportsHourly')).toHaveLength(7) // 12:40 … 18:40, hourly
      expect(calls.filter((call) => call.fn === 'tally')).toHaveLength(8) // 12:05 … 19:05, hourly
      expect(calls.filter((call) => call.caller.kind === 'timer' && call.caller.trigger === 'applicationDigestHourly')).toHaveLength(7) // 13:00 … 19:00, hourly
    } finally {
      scheduler.stop()
    }
  })

  it('runs nothing more once stopped', async () => {
    const scheduler = startScheduler(await makeStore(), { handlers })
    await jest.advanceTimersByTimeAsync(0)
    scheduler.stop()
    calls.length = 0
    await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000)
    expect(calls).toEqual([])
  })
})

describe('stopping the scheduler', () => {
  it('waits for a run in progress, so the store can close after it', async () => {
    let finishRun: () => void = () => undefined
    const slow: FunctionHandler = () => new Promise((resolve) => (finishRun = () => resolve({ ok: true, data: null })))
    const handlers = Object.fromEntries(FUNCTION_NAMES.map((fn) => [fn, slow])) as Record<FunctionName, FunctionHandler>
    const scheduler = startScheduler(await makeStore(), { handlers, triggers: [{ fn: 'reminders', name: 'checkinReminders', cron: '0 */15 * * * * *' }] })
    let stopped = false
    const stopping = scheduler.stop().then(() => (stopped = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stopped).toBe(false)
    finishRun()
    await stopping
    expect(stopped).toBe(true)
  })
})

describe('the scheduler with the real functions', () => {
  it('runs admissionPurge as a timer event: old rejected applications lose their personal fields', async () => {
    const fx = await makeFixture()
    await submitApplication(fx.ctx('o_old'), fx.services, applyInput({ phone: '13812341234' }))
    await decideApplication(fx.ctx(ADMIN, dayjs(FIXED_NOW).subtract(31, 'day').toDate()), fx.services, {
      groupId: GROUP,
      applicationId: applicationId(GROUP, 'o_old'),
      decision: 'reject',
      reason: '',
    })
    const scheduler = startScheduler(fx.store, { triggers: readTimerTriggers().filter((t) => t.name === 'purgeRejectedDaily'), now: () => FIXED_NOW })
    try {
      await expect(scheduler.runAll()).resolves.toEqual([{ ok: true, data: { purged: expect.any(Number) } }])
      expect(await fx.store.get('applications', applicationId(GROUP, 'o_old'))).toMatchObject({ phone: null, purgedAt: FIXED_NOW.toISOString() })
      await expect(scheduler.runAll()).resolves.toEqual([{ ok: true, data: { purged: 0 } }])
    } finally {
      scheduler.stop()
    }
  })
})
