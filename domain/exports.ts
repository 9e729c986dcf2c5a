/**
 * Saved exports (CSV files of members, check-ins, lottery entrants and winners) as stored documents: each
 * file an admin exports is recorded when it is saved, so the hourly cleanup finds it again without listing
 * cloud storage (the server SDK cannot list files) and deletes it once its link has expired.
 *
 * The record holds no personal data: the group, where the file is (a cloud fileID, or the local runtime's
 * file name) and when its link expires. The file itself (names, counters, contacts) lives only as long as
 * its link, plus `EXPORT_FILE_GRACE_MINUTES`, plus at most the hour until the cleanup's next run.
 *
 * @example
 *   exportFileDeletableBefore(new Date('2026-11-23T03:00:00.000Z'))   // '2026-11-23T02:45:00.000Z'
 */

/** How long an export's link (cloud temp link or local signed link) opens the file. */
export const EXPORT_LINK_SECONDS = 60 * 60

/**
 * How long after its link expired a file is kept: a download started just before the expiry (or a link
 * made a moment after the recorded expiry, when the upload finished late) may still be reading it.
 */
export const EXPORT_FILE_GRACE_MINUTES = 15

export interface ExportFileDoc {
  /** Derived from `location` (`exportFileId` in `usecases/exports.ts`): a record per file. */
  _id: string
  groupId: string
  /** Where the file is: the cloud fileID (`cloud://…/exports/<groupId>/<random>.csv`) or the local file name. */
  location: string
  createdAt: string
  /** When the admin's link stops opening it (what the export's answer said). */
  expiresAt: string
}

/** Records whose link expired before this instant (ISO) have files the cleanup may delete. */
export function exportFileDeletableBefore(now: Date): string {
  return new Date(now.getTime() - EXPORT_FILE_GRACE_MINUTES * 60 * 1000).toISOString()
}
