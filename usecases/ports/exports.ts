/**
 * Where an export (CSV) goes so the admin can open or copy it: cloud storage with a temp link in WeChat
 * (`platform/export-files-cloudbase.ts`), the local runtime's memory with a signed download link locally
 * (`platform/export-files-local.ts`).
 *
 * @example
 *   const { url, expiresAt } = await exports.saveExport({ groupId: 'g1', fileName: '成员-2026-11-23.csv', content: csv, at: now })
 */
export interface SavedExport {
  url: string
  expiresAt: string
}

export interface ExportStorage {
  saveExport(input: { groupId: string; fileName: string; content: string; at: Date }): Promise<SavedExport>
}
