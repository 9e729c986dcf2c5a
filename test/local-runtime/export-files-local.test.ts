/**
 * The local runtime's export files live in its memory for an hour and are then forgotten: every save and
 * every read drops the expired ones, never more than `MAX_KEPT` are held, and the export cleanup (the
 * `photoCleanup` function's export trigger, as the local scheduler runs it) deletes recorded ones.
 */
import { exportMembers } from '../../contracts'
import { EXPORT_FILE_GRACE_MINUTES, EXPORT_LINK_SECONDS } from '../../domain/exports'
import { MAX_KEPT, localExportCount, localExportStorage, readLocalExport } from '../../platform/export-files-local'
import { ADMIN, GROUP, TIMER, makeFixture } from '../support/fixture'

const T0 = new Date('2026-11-23T02:00:00.000Z')
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const save = (at: Date, content = 'a,b') => localExportStorage.saveExport({ groupId: GROUP, fileName: 'x.csv', content, at })
/** The link's parts, as the local runtime's `/exports/<name>?exp=&sig=` route reads them. */
const parts = (url: string) => {
  const parsed = new URL(url, 'http://local')
  return [parsed.pathname.split('/').pop()!, parsed.searchParams.get('exp'), parsed.searchParams.get('sig')] as const
}
/** Forget everything this file's earlier tests left (a read far in the future drops every expired file). */
const forgetAll = () => readLocalExport('none.csv', null, null, new Date('2100-01-01T00:00:00.000Z'))

beforeEach(() => {
  forgetAll()
})

describe('local export files', () => {
  it('starts empty after a forgetting read', () => {
    expect(localExportCount()).toBe(0)
  })

  it('a save after the hour forgets every expired file; a file still within its hour stays', async () => {
    for (let i = 0; i < 3; i++) await save(T0)
    const young = await save(later(30 * 60))
    expect(localExportCount()).toBe(4)
    await save(later(EXPORT_LINK_SECONDS + 1))
    expect(localExportCount()).toBe(2)
    expect(readLocalExport(...parts(young.url), later(EXPORT_LINK_SECONDS + 1))).toEqual({ fileName: 'x.csv', content: 'a,b' })
  })

  it('a read after the hour forgets them too, even with no save since', async () => {
    const saved = await save(T0)
    expect(readLocalExport(...parts(saved.url), later(EXPORT_LINK_SECONDS - 1))).not.toBeNull()
    expect(localExportCount()).toBe(1)
    expect(readLocalExport('0'.repeat(32) + '.csv', null, null, later(EXPORT_LINK_SECONDS + 1))).toBeNull()
    expect(localExportCount()).toBe(0)
  })

  it(`never holds more than ${MAX_KEPT} files, however many are saved within the hour (the oldest go first)`, async () => {
    const first = await save(T0, 'first')
    for (let i = 0; i < MAX_KEPT + 49; i++) await save(T0)
    const last = await save(T0, 'last')
    expect(localExportCount()).toBe(MAX_KEPT)
    expect(readLocalExport(...parts(first.url), T0)).toBeNull()
    expect(readLocalExport(...parts(last.url), T0)).toEqual({ fileName: 'x.csv', content: 'last' })
  })

  it('deleteExports forgets the named files at once and reports none kept', async () => {
    const a = await save(T0, 'a')
    const b = await save(T0, 'b')
    expect(await localExportStorage.deleteExports([a.location, 'unknown.csv'])).toEqual([])
    expect(readLocalExport(...parts(a.url), T0)).toBeNull()
    expect(readLocalExport(...parts(b.url), T0)).toEqual({ fileName: 'x.csv', content: 'b' })
    expect(localExportCount()).toBe(1)
  })

  it('the export cleanup timer deletes a recorded export file and its record, through the real handlers', async () => {
    const fx = await makeFixture({ now: T0 })
    const file = await fx.api.as(ADMIN).call(exportMembers, { groupId: GROUP })
    expect(localExportCount()).toBe(1)
    const [record] = await fx.store.find('exportFiles', { limit: 10 })
    expect(record).toMatchObject({ groupId: GROUP, location: parts(file.url)[0], expiresAt: file.expiresAt })
    const run = (at: Date) => fx.api.as(TIMER).at(at).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly' })
    expect(await run(later(30 * 60))).toEqual({ ok: true, data: { deleted: 0, kept: 0 } })
    expect(localExportCount()).toBe(1)
    expect(await run(later(EXPORT_LINK_SECONDS + EXPORT_FILE_GRACE_MINUTES * 60 + 1))).toEqual({ ok: true, data: { deleted: 1, kept: 0 } })
    expect(localExportCount()).toBe(0)
    expect(await fx.store.count('exportFiles')).toBe(0)
  })
})
