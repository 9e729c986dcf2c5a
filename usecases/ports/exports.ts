/**
 * Where an export (CSV) goes so the admin can open or copy it: cloud storage with a temp link in WeChat
 * (`platform/export-files-cloudbase.ts`), the local runtime's memory with a signed download link locally
 * (`platform/export-files-local.ts`). The port owns the files; the use cases record each saved file
 * (`usecases/exports.ts`) so the cleanup timer can delete it through `deleteExports` after its link expired.
 *
 * @example
 *   const { url, expiresAt, location } = await exports.saveExport({ groupId: 'g1', fileName: '成员-2026-11-23.csv', content: csv, at: now })
 *   await exports.deleteExports([location])   // [] once gone (already-missing files count as gone)
 */
export interface SavedExport {
  url: string
  expiresAt: string
}

/** A saved export as the port answers it: the link for the admin, and where the file is (for its record). */
export interface StoredExport extends SavedExport {
  /** The cloud fileID, or the local file name: what `deleteExports` takes. Never shown to anyone. */
  location: string
}

export interface ExportStorage {
  saveExport(input: { groupId: string; fileName: string; content: string; at: Date }): Promise<StoredExport>
  /**
   * Delete these files (any number; the platform batches its calls). A file that is already gone counts as
   * deleted. Answers the locations it could not delete this time (to be tried again on the next run).
   */
  deleteExports(locations: string[]): Promise<string[]>
}
