/**
 * The timer-only guard: the timer caller runs the job (the timer event with `{}`, or the action with input);
 * every other caller — a user, a stranger, the console — is refused before the job runs, whatever the event.
 */
import * as v from 'valibot'
import { defineAction } from '../../contracts/define'
import { handle } from '../../platform/dispatch'
import { isTimerEvent, timerOnly } from '../../platform/timer'
import { CONSOLE, STRANGER, timerCaller, userCaller } from '../../usecases/context'
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

  const asTimer = { store: null as never, caller: timerCaller('sweepDaily'), now: () => new Date() }

  it('runs the job for the timer caller on the timer event, with empty input', async () => {
    expect(await job(timer, { ...asTimer, store })).toEqual({ ok: true, data: { days: 7 } })
    expect(runs).toEqual([{ days: 7 }])
  })

  it('lets the timer caller call the action with input', async () => {
    expect(await job({ action: 'sweep', input: { days: 30 } }, { ...asTimer, store })).toEqual({ ok: true, data: { days: 30 } })
  })

  it.each([
    ['a user', userCaller('o_someone')],
    ['a stranger (no identity)', STRANGER],
    ['the console', CONSOLE],
  ])('refuses %s, timer-shaped event or not, before the job runs', async (_who, caller) => {
    const ctx = { store, caller, now: () => new Date() }
    expect(await job(timer, ctx)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    expect(await job({ action: 'sweep', input: {} }, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(runs).toEqual([])
  })

  it('recognises only the CloudBase timer event', () => {
    expect(isTimerEvent(timer)).toBe(true)
    expect(isTimerEvent({ Type: 'timer' })).toBe(false)
    expect(isTimerEvent({ action: 'sweep' })).toBe(false)
    expect(isTimerEvent(null)).toBe(false)
  })
})
