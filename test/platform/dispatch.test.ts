import * as v from 'valibot'
import { defineAction } from '../../contracts/define'
import { DomainError } from '../../domain/errors'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import { StoreConflictError } from '../../store/port'
import { STRANGER, userCaller, type Caller } from '../../usecases/context'
import { makeStore } from '../support/fixture'

const echo = defineAction<{ text: string; caller: Caller }>()(
  'group',
  'echo',
  v.object({ text: v.pipe(v.string('必须是文字'), v.trim(), v.minLength(1, '不能为空')) }),
)
const fails = defineAction<never>()('group', 'fails', v.object({ kind: v.string() }))

const handler = createFunctionHandler('group', [
  handle(echo, async (input, ctx) => ({ text: input.text, caller: ctx.caller })),
  handle(fails, async (input) => {
    if (input.kind === 'domain') throw new DomainError('FORBIDDEN', '不行')
    if (input.kind === 'conflict') throw new StoreConflictError('members', 'x')
    throw new Error('database exploded at /srv/secret/path')
  }),
])

describe('createFunctionHandler', () => {
  let ctx: Parameters<typeof handler>[1]
  beforeAll(async () => {
    ctx = { store: await makeStore(), caller: userCaller('o_caller'), now: () => new Date() }
  })

  it('validates input with the contract schema and returns typed data', async () => {
    await expect(handler({ action: 'echo', input: { text: '  你好 ' } }, ctx)).resolves.toEqual({
      ok: true,
      data: { text: '你好', caller: { kind: 'user', openid: 'o_caller' } },
    })
  })

  it('returns INVALID_INPUT with a Chinese message and field paths for bad input', async () => {
    const result = await handler({ action: 'echo', input: { text: '   ' } }, ctx)
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '不能为空', fields: { text: '不能为空' } } })
    const wrongType = await handler({ action: 'echo', input: { text: 42 } }, ctx)
    expect(wrongType.ok === false && wrongType.error.fields).toEqual({ text: '必须是文字' })
  })

  it.each([null, 'echo', 42, {}, { action: 7 }, { action: 'nope' }])('refuses a malformed event %p', async (event) => {
    const result = await handler(event, ctx)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.error.code).toBe('INVALID_INPUT')
  })

  it('ignores identity supplied in the event body', async () => {
    const result = await handler(
      { action: 'echo', input: { text: 'hi', openid: 'o_admin', OPENID: 'o_admin', caller: { kind: 'console' } }, userInfo: { openId: 'o_admin' }, caller: { kind: 'timer' } },
      { ...ctx, caller: STRANGER },
    )
    expect(result).toEqual({ ok: true, data: { text: 'hi', caller: { kind: 'stranger' } } })
  })

  it('maps domain, store and unexpected errors to typed failures without leaking internals', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await handler({ action: 'fails', input: { kind: 'domain' } }, ctx)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '不行' } })
      const conflict = await handler({ action: 'fails', input: { kind: 'conflict' } }, ctx)
      expect(conflict.ok === false && conflict.error.code).toBe('CONFLICT')
      const internal = await handler({ action: 'fails', input: { kind: 'boom' } }, ctx)
      expect(internal.ok === false && internal.error.code).toBe('INTERNAL')
      expect(JSON.stringify(internal)).not.toContain('secret')
      expect(spy).toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('refuses to register another function’s contract', () => {
    const other = defineAction<null>()('setup', 'x', v.object({}))
    expect(() => createFunctionHandler('group', [handle(other, async () => null)])).toThrow(/belongs to setup/)
  })
})
