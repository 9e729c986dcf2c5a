/**
 * The timer-only guard: the timer event runs the job's action with `{}`, the console may call the action
 * with input, and any call carrying a user's OPENID is refused before the job runs.
 */
import * as v from 'valibot'
import { defineAction } from '../../contracts/define'
import { handle } from '../../platform/dispatch'
import { isTimerEvent, timerOnly } from '../../platform/timer'
import { makeStore } from '../support/fixture'

const sweep = defineAction<{ days: number }>()('admissionPurge', 'sweep', v.object({ days: v.optional(v.number(), 7) }))

describe('timerOnly', () => {
  const runs: Array<{ days: number }> = []
  const job = timerOnly('admissionPurge', handle(sweep, async (input) => {
    runs.push(input)
    return input
  }))
  const timer = { Type: 'Timer', TriggerName: 'sweepDaily', Time: '2026-11-23T19:30:00.000Z' }
  let store: Awaited<ReturnType<typeof makeStore>>
  beforeAll(async () => {
    store = await makeStore()
  })
  beforeEach(() => {
    runs.length = 0
  })

  it('runs the job on the timer event, without an OPENID, with empty input', async () => {
    expect(await job(timer, { store, openid: null, now: () => new Date() })).toEqual({ ok: true, data: { days: 7 } })
    expect(runs).toEqual([{ days: 7 }])
  })

  it('lets the console (no OPENID) call the action with input', async () => {
    expect(await job({ action: 'sweep', input: { days: 30 } }, { store, openid: null, now: () => new Date() })).toEqual({ ok: true, data: { days: 30 } })
  })

  it('refuses a call with an OPENID, timer-shaped or not, before the job runs', async () => {
    const user = { store, openid: 'o_someone', now: () => new Date() }
    expect(await job(timer, user)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    expect(await job({ action: 'sweep', input: {} }, user)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(runs).toEqual([])
  })

  it('recognises only the CloudBase timer event', () => {
    expect(isTimerEvent(timer)).toBe(true)
    expect(isTimerEvent({ Type: 'timer' })).toBe(false)
    expect(isTimerEvent({ action: 'sweep' })).toBe(false)
    expect(isTimerEvent(null)).toBe(false)
  })
})
