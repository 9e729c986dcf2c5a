/** Exports in the local runtime: an admin's export answers a signed `/exports/…` link that downloads the CSV; a tampered or expired link, or a member, gets nothing. */
import { startLocalRuntime, type LocalRuntime } from '../../local-runtime/server'
import { EXPORT_LINK_SECONDS } from '../../domain/exports'
import type { Store } from '../../store/port'
import { ADMIN, GROUP, MEMBER, makeStore, seedGroup } from '../support/fixture'

describe('export downloads', () => {
  let runtime: LocalRuntime
  let store: Store
  let now = new Date('2026-11-23T02:00:00.000Z')

  beforeAll(async () => {
    store = await makeStore()
    await seedGroup(store)
    runtime = await startLocalRuntime({ store, port: 0, staticDir: null, now: () => now })
  })
  afterAll(() => runtime.close())

  const call = async (openid: string, action: string, input: unknown) =>
    (await fetch(`${runtime.url}/api/participation`, { method: 'POST', body: JSON.stringify({ action, input }), headers: { 'X-WX-OPENID': openid, 'Content-Type': 'application/json' } })).json()

  it('downloads the CSV, UTF-8 with its BOM, named in Chinese, through the signed link only', async () => {
    const result = await call(ADMIN, 'exportMembers', { groupId: GROUP })
    expect(result).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^\/exports\/[a-f0-9]{32}\.csv\?exp=\d+&sig=[a-f0-9]{64}$/), rows: 3 } })
    const response = await fetch(`${runtime.url}${result.data.url}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('成员'))
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('周敏-郑州-工程师,群主')

    const tampered = result.data.url.replace(/sig=[a-f0-9]/, (m: string) => (m.endsWith('0') ? 'sig=1' : 'sig=0'))
    expect((await fetch(`${runtime.url}${tampered}`)).status).toBe(404)
    expect((await fetch(`${runtime.url}${result.data.url.split('?')[0]}`)).status).toBe(404)
    expect(await call(MEMBER, 'exportMembers', { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    now = new Date(now.getTime() + (EXPORT_LINK_SECONDS + 1) * 1000)
    expect((await fetch(`${runtime.url}${result.data.url}`)).status).toBe(404)
  })
})
