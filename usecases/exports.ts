/**
 * Saved exports: every CSV an admin exports is recorded when it is saved, and deleted with its record once
 * its link expired, so names, counters and prize contacts do not pile up in storage.
 *
 * - Save (`saveExportFile`, used by every export action): the port stores the file and answers where it is;
 *   one write records it (`exportFiles`, id derived from the location, so a retried write cannot record it
 *   twice). The file is saved first, then recorded: if the record cannot be written, the file is deleted at
 *   once and the export fails, so no file is ever left without a record.
 * - Cleanup (`cleanExpiredExports`, the `photoCleanup` function's `cleanExpiredExportsHourly` trigger):
 *   records whose link expired `EXPORT_FILE_GRACE_MINUTES` ago, pages of 50 by id; each page's files deleted
 *   with one storage call (CloudBase's deleteFile takes 50), then the records of the files now gone removed.
 *   Files first, records after: a run that stops half-way leaves records whose files are gone, which the next
 *   run removes (deleting a missing file counts as deleted), so re-runs and two runs at once are safe. At
 *   most `EXPORT_CLEANUP_MAX_PAGES` pages a run (the function's 20 s); the rest waits for the next hour.
 *
 * @example
 *   const { url, expiresAt } = await saveExportFile(ctx, storage, { groupId: 'g1', fileName: '成员.csv', content, at: ctx.now() })
 *   await cleanExpiredExports(timerCtx, storage)   // { deleted: 3, kept: 0 }
 */
import { createHash } from 'node:crypto'
import type { ExpiredExportCleanup } from '../contracts/checkin'
import { exportFileDeletableBefore, type ExportFileDoc } from '../domain/exports'
import { StoreConflictError } from '../store/port'
import type { UseCaseContext } from './context'
import type { ExportStorage, SavedExport } from './ports/exports'

/** The record id of the file at `location`: 32 hex of its hash. */
export function exportFileId(location: string): string {
  return `exp_${createHash('sha256').update(`export:${location}`).digest('hex').slice(0, 32)}`
}

/** Save an export through the port and record it for the cleanup (+1 write); answers the admin's link. */
export async function saveExportFile(
  ctx: UseCaseContext,
  storage: ExportStorage,
  input: { groupId: string; fileName: string; content: string; at: Date },
): Promise<SavedExport> {
  const saved = await storage.saveExport(input)
  const record: ExportFileDoc = {
    _id: exportFileId(saved.location),
    groupId: input.groupId,
    location: saved.location,
    createdAt: input.at.toISOString(),
    expiresAt: saved.expiresAt,
  }
  try {
    await ctx.store.create('exportFiles', record)
  } catch (error) {
    // Already recorded (a write that landed before its answer was lost): that is this very file.
    if (!(error instanceof StoreConflictError)) {
      // Unrecorded, nothing would ever delete it: delete it now; the admin exports again.
      await storage.deleteExports([saved.location]).catch(() => [])
      throw error
    }
  }
  return { url: saved.url, expiresAt: saved.expiresAt }
}

/** A page of records: one deleteFile call in CloudBase. */
export const EXPORT_CLEANUP_PAGE_SIZE = 50
/** Pages one run handles at most (500 files: well within the function's 20 s); the rest next hour. */
export const EXPORT_CLEANUP_MAX_PAGES = 10

/** Delete the files of exports whose link expired (and the grace period after), then their records. */
export async function cleanExpiredExports(ctx: UseCaseContext, storage: Pick<ExportStorage, 'deleteExports'>): Promise<ExpiredExportCleanup> {
  const before = exportFileDeletableBefore(ctx.now())
  let deleted = 0
  let kept = 0
  let after = ''
  for (let pages = 0; pages < EXPORT_CLEANUP_MAX_PAGES; pages++) {
    const page = await ctx.store.find('exportFiles', {
      where: { expiresAt: { lt: before }, ...(after ? { _id: { gt: after } } : {}) },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: EXPORT_CLEANUP_PAGE_SIZE,
    })
    if (page.length === 0) break
    const notDeleted = new Set(await storage.deleteExports(page.map((record) => record.location)))
    const gone = page.filter((record) => !notDeleted.has(record.location))
    // Removing a record another run removed already is a no-op on both stores.
    await Promise.all(gone.map((record) => ctx.store.remove('exportFiles', record._id)))
    deleted += gone.length
    kept += page.length - gone.length
    if (page.length < EXPORT_CLEANUP_PAGE_SIZE) break
    after = page[page.length - 1]._id
  }
  return { deleted, kept }
}
