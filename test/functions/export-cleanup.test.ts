/**
 * Saved exports are recorded and deleted once their link expired (through the real `participation` and
 * `photoCleanup` handlers, on SQLite and on the CloudBase adapter over the wx-server-sdk fake, with the
 * CloudBase export storage over the storage fake): each export writes one record; the cleanup is timer-only,
 * deletes files whose link expired at least the grace period ago (and only those), 50 per deleteFile, then
 * their records; a re-run deletes nothing twice; two runs at once leave nothing behind and neither fails; a
 * record whose file is already gone is removed; a file the storage could not delete keeps its record for the
 * next run; a record that cannot be written takes its file with it.
 */
import { cleanExpiredExports as cleanExpiredExportsContract, exportCheckins, exportMembers } from '../../contracts'
import { SUBSCRIBE_TEMPLATES } from '../../contracts/subscribe-templates'
import { EXPORT_FILE_GRACE_MINUTES, EXPORT_LINK_SECONDS } from '../../domain/exports'
import { createFunctionHandlers } from '../../local-runtime/functions'
import { createCloudbaseExportStorage } from '../../platform/export-files-cloudbase'
import { createLocalWechatServices } from '../../platform/wechat-services-local'
import { createCloudbaseStore } from '../../store/cloudbase'
import type { Store } from '../../store/port'
import { EXPORT_CLEANUP_MAX_PAGES, EXPORT_CLEANUP_PAGE_SIZE, cleanExpiredExports, exportFileId, saveExportFile } from '../../usecases/exports'
import type { ExportStorage } from '../../usecases/ports/exports'
import { createFakeOpenapi } from '../fakes/wx-openapi'
import { createFakeCloud } from '../fakes/wx-server-sdk'
import { ADMIN, CONSOLE, GROUP, MEMBER, OWNER, STRANGER, TIMER, makeStore, seedGroup, testCaller } from '../support/fixture'

const T0 = new Date('2026-11-23T02:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const MINUTE = 60 * 1000
/** The first instant the cleanup may delete a file exported at T0. */
const DELETABLE = at(EXPORT_LINK_SECONDS * 1000 + EXPORT_FILE_GRACE_MINUTES * MINUTE + 1)

const adapters = [
  ['SQLite', () => makeStore()],
  [
    'CloudBase',
    async () => {
      const store = createCloudbaseStore(createFakeCloud({ transactions: 'concurrent' }).database())
      await store.ensureSchema()
      return store
    },
  ],
] as const

async function world(makeStoreFor: () => Promise<Store>) {
  const store = await makeStoreFor()
  await seedGroup(store)
  const sdk = createFakeOpenapi()
  const exports = createCloudbaseExportStorage(sdk)
  let now = T0
  const api = testCaller(store, {
    now: () => now,
    handlers: createFunctionHandlers({ wechat: createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1' }), templates: SUBSCRIBE_TEMPLATES, exports }),
  })
  const timer = () => api.as(TIMER).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly' })
  const deleteCalls = () => sdk.calls.filter((call) => call.api === 'deleteFile').map((call) => (call.args as { fileList: string[] }).fileList)
  /** The files in the storage fake under `exports/`. */
  const files = () => [...sdk.files.keys()].filter((path) => path.startsWith('exports/')).sort()
  return { store, sdk, exports, api, timer, deleteCalls, files, setNow: (when: Date) => (now = when), ctx: (when: Date) => ({ store, caller: { kind: 'timer' as const, trigger: 'cleanExpiredExportsHourly' }, now: () => when }) }
}

describe.each(adapters)('export files (%s)', (_name, makeStoreFor) => {
  it('each export writes one record: the group, the file’s location, its link’s expiry; nothing the admin sees changes', async () => {
    const w = await world(makeStoreFor)
    const members = await w.api.as(ADMIN).call(exportMembers, { groupId: GROUP })
    const checkins = await w.api.as(OWNER).call(exportCheckins, { groupId: GROUP, from: '2026-11-01', to: '2026-11-23' })
    expect(Object.keys(members).sort()).toEqual(['expiresAt', 'fileName', 'rows', 'url'])
    expect(members.expiresAt).toBe(at(EXPORT_LINK_SECONDS * 1000).toISOString())
    const records = await w.store.find('exportFiles', { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 10 })
    expect(records).toHaveLength(2)
    expect(w.files()).toHaveLength(2)
    // Both made at T0: the same expiry, each its own file.
    expect(checkins.expiresAt).toBe(members.expiresAt)
    for (const record of records) {
      expect(record).toEqual({
        _id: exportFileId(record.location),
        groupId: GROUP,
        location: expect.stringMatching(new RegExp(`^cloud://env-test\\.bucket/exports/${GROUP}/[a-f0-9]{32}\\.csv$`)),
        createdAt: T0.toISOString(),
        expiresAt: members.expiresAt,
      })
    }
    expect(records.map((r) => r.location.replace('cloud://env-test.bucket/', '')).sort()).toEqual(w.files())
    expect(new Set(records.map((r) => r.location)).size).toBe(2)
    // The location never leaves: the admin gets the temp link only.
    expect(JSON.stringify([members, checkins])).not.toContain('cloud://')
  })

  it('the cleanup is timer-only: users, strangers and the console are refused and nothing is deleted', async () => {
    const w = await world(makeStoreFor)
    await w.api.as(ADMIN).call(exportMembers, { groupId: GROUP })
    w.setNow(DELETABLE)
    for (const who of [MEMBER, ADMIN, OWNER, STRANGER, CONSOLE]) {
      expect(await w.api.as(who).result(cleanExpiredExportsContract, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
      // A user's call dressed as the timer's event is refused all the same.
      expect(await w.api.as(who).event('photoCleanup', { Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await w.store.count('exportFiles')).toBe(1)
    expect(w.files()).toHaveLength(1)
    expect(w.deleteCalls()).toEqual([])
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 1, kept: 0 } })
  })

  it('keeps a file until its link expired plus the grace period, to the millisecond; then deletes file and record', async () => {
    const w = await world(makeStoreFor)
    await w.api.as(ADMIN).call(exportMembers, { groupId: GROUP })
    for (const when of [at(EXPORT_LINK_SECONDS * 1000 - 1), at(EXPORT_LINK_SECONDS * 1000 + 1), at(EXPORT_LINK_SECONDS * 1000 + EXPORT_FILE_GRACE_MINUTES * MINUTE)]) {
      w.setNow(when)
      expect(await w.timer()).toEqual({ ok: true, data: { deleted: 0, kept: 0 } })
    }
    expect(w.files()).toHaveLength(1)
    expect(w.deleteCalls()).toEqual([])
    w.setNow(DELETABLE)
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 1, kept: 0 } })
    expect(w.files()).toEqual([])
    expect(await w.store.count('exportFiles')).toBe(0)
  })

  it('120 expired exports: three pages, 50 + 50 + 20 files per deleteFile, younger ones kept; a re-run deletes nothing', async () => {
    const w = await world(makeStoreFor)
    for (let i = 0; i < 120; i++) await saveExportFile(w.ctx(at(i * 1000)), w.exports, { groupId: GROUP, fileName: `e${i}.csv`, content: `row ${i}`, at: at(i * 1000) })
    const young = at(2 * 60 * MINUTE)
    await saveExportFile(w.ctx(young), w.exports, { groupId: GROUP, fileName: 'young.csv', content: 'young', at: young })
    expect(w.files()).toHaveLength(121)
    w.setNow(at(EXPORT_LINK_SECONDS * 1000 + EXPORT_FILE_GRACE_MINUTES * MINUTE + 120 * 1000))
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 120, kept: 0 } })
    expect(w.deleteCalls().map((list) => list.length)).toEqual([EXPORT_CLEANUP_PAGE_SIZE, EXPORT_CLEANUP_PAGE_SIZE, 20])
    expect(new Set(w.deleteCalls().flat()).size).toBe(120)
    expect(w.files()).toHaveLength(1)
    expect((await w.store.find('exportFiles', { limit: 10 })).map((r) => r.createdAt)).toEqual([young.toISOString()])

    w.sdk.calls.length = 0
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 0, kept: 0 } })
    expect(w.deleteCalls()).toEqual([])
  })

  it('two runs at once leave no file and no record, neither failing; a record whose file is already gone is just removed', async () => {
    const w = await world(makeStoreFor)
    for (let i = 0; i < 60; i++) await saveExportFile(w.ctx(T0), w.exports, { groupId: GROUP, fileName: `e${i}.csv`, content: `row ${i}`, at: T0 })
    // One file went already (a run that stopped after deleting it).
    const [first] = await w.store.find('exportFiles', { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1 })
    await w.exports.deleteExports([first.location])
    expect(w.files()).toHaveLength(59)
    w.setNow(DELETABLE)
    const [a, b] = await Promise.all([w.timer(), w.timer()])
    expect(a.ok && b.ok).toBe(true)
    expect(w.files()).toEqual([])
    expect(await w.store.count('exportFiles')).toBe(0)
    // Each run counts what it saw; whatever the interleaving, every record was handled by at least one.
    const counted = [a, b].map((r) => (r.ok ? (r.data as { deleted: number }).deleted : 0))
    expect(counted[0] + counted[1]).toBeGreaterThanOrEqual(60)
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 0, kept: 0 } })
  })

  it(`stops after ${EXPORT_CLEANUP_MAX_PAGES} pages a run (the function’s timeout); the next run carries on`, async () => {
    const w = await world(makeStoreFor)
    const backlog = EXPORT_CLEANUP_MAX_PAGES * EXPORT_CLEANUP_PAGE_SIZE + 3
    for (let i = 0; i < backlog; i++) await w.store.create('exportFiles', { _id: `exp_${String(i).padStart(4, '0')}`, groupId: GROUP, location: `cloud://env-test.bucket/exports/${GROUP}/${i.toString(16).padStart(32, '0')}.csv`, createdAt: T0.toISOString(), expiresAt: T0.toISOString() })
    w.setNow(DELETABLE)
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: backlog - 3, kept: 0 } })
    expect(await w.timer()).toEqual({ ok: true, data: { deleted: 3, kept: 0 } })
    expect(await w.store.count('exportFiles')).toBe(0)
  })
})

describe('export cleanup against a storage that fails', () => {
  it('a file the storage could not delete keeps its record, and goes on the next run', async () => {
    const store = await makeStore()
    await seedGroup(store)
    const stored = new Set<string>()
    let refuse = new Set<string>()
    let n = 0
    const storage: ExportStorage = {
      async saveExport({ at }) {
        const location = `f${n++}.csv`
        stored.add(location)
        return { url: `https://files/${location}`, expiresAt: new Date(at.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(), location }
      },
      async deleteExports(locations) {
        const kept = locations.filter((l) => refuse.has(l))
        for (const l of locations) if (!refuse.has(l)) stored.delete(l)
        return kept
      },
    }
    const ctx = (when: Date) => ({ store, caller: { kind: 'timer' as const, trigger: 'cleanExpiredExportsHourly' }, now: () => when })
    for (let i = 0; i < 3; i++) await saveExportFile(ctx(T0), storage, { groupId: GROUP, fileName: 'x.csv', content: 'x', at: T0 })
    refuse = new Set(['f1.csv'])
    expect(await cleanExpiredExports(ctx(DELETABLE), storage)).toEqual({ deleted: 2, kept: 1 })
    expect([...stored]).toEqual(['f1.csv'])
    expect((await store.find('exportFiles', { limit: 10 })).map((r) => r.location)).toEqual(['f1.csv'])
    refuse = new Set()
    expect(await cleanExpiredExports(ctx(DELETABLE), storage)).toEqual({ deleted: 1, kept: 0 })
    expect(stored.size).toBe(0)
    expect(await store.count('exportFiles')).toBe(0)
  })

  it('a record that cannot be written takes its file with it, and the export fails', async () => {
    const store = await makeStore()
    await seedGroup(store)
    const sdk = createFakeOpenapi()
    const exports = createCloudbaseExportStorage(sdk)
    const failing: Store = { ...store, create: async () => Promise.reject(new Error('database unavailable')) }
    const ctx = { store: failing, caller: { kind: 'user' as const, openid: ADMIN }, now: () => T0 }
    await expect(saveExportFile(ctx, exports, { groupId: GROUP, fileName: 'x.csv', content: 'x', at: T0 })).rejects.toThrow('database unavailable')
    expect(sdk.calls.map((call) => call.api)).toEqual(['uploadFile', 'getTempFileURL', 'deleteFile'])
    expect([...sdk.files.keys()]).toEqual([])
  })
})

describe('the CloudBase export storage’s deletion', () => {
  const fileId = (hex: string) => `cloud://env.bucket/exports/${GROUP}/${hex.repeat(32)}.csv`

  it('deletes 50 per call; a missing file counts as deleted, another failure keeps it; only export files are touched', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const calls: string[][] = []
    const storage = createCloudbaseExportStorage({
      uploadFile: async () => ({ fileID: '' }),
      getTempFileURL: async () => ({ fileList: [] }),
      deleteFile: async ({ fileList }) => {
        calls.push(fileList)
        return {
          fileList: fileList.map((fileID) =>
            fileID === fileId('a') ? { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' } : fileID === fileId('b') ? { fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' } : { fileID, status: 0, errMsg: 'ok' },
          ),
        }
      },
    })
    const many = Array.from({ length: 101 }, (_, i) => `cloud://env.bucket/exports/${GROUP}/${i.toString(16).padStart(32, '0')}.csv`)
    expect(await storage.deleteExports([fileId('a'), fileId('b'), ...many, 'cloud://env.bucket/checkins/g/x.jpg', 'f0.csv'])).toEqual([fileId('b')])
    expect(calls.map((list) => list.length)).toEqual([50, 50, 3])
    expect(calls.flat()).not.toContain('cloud://env.bucket/checkins/g/x.jpg')
    expect(warn).toHaveBeenCalledTimes(1)
    warn.mockRestore()
  })
})
