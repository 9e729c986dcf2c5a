/**
 * Exports in WeChat: the CSV is uploaded to cloud storage at `exports/<groupId>/<random>.csv`
 * (`cloud.uploadFile`) and the admin gets a temp link to open or copy (`cloud.getTempFileURL` with a one-hour
 * `maxAge`). The storage's own rules keep the folder private; only the link opens it. The `photoCleanup`
 * function's `cleanExpiredExportsHourly` trigger deletes the file after the link expired (`cloud.deleteFile`,
 * 50 a call), from the record the use case wrote when it was saved.
 *
 * @example
 *   const exports = createCloudbaseExportStorage(cloud)
 */
import { randomBytes } from 'node:crypto'
import { EXPORT_LINK_SECONDS } from '../domain/exports'
import type { ExportStorage } from '../usecases/ports/exports'
import { FILES_PER_STORAGE_CALL } from './wechat-services-cloudbase'


export interface CloudStorageForExports {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }> | void
  deleteFile(param: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }> | void
}

/** Only files under `exports/` are ever deleted through this port. */
const EXPORT_FILE_ID = /^cloud:\/\/[^/]+\/exports\/[A-Za-z0-9_-]+\/[a-f0-9]{32}\.csv$/

/** A per-file failure that means the file is not there (deleted by an earlier or concurrent run). */
const ALREADY_GONE = /not[ _-]?exist|nonexist|no such|不存在/i

export function createCloudbaseExportStorage(cloud: CloudStorageForExports): ExportStorage {
  return {
    async saveExport({ groupId, content, at }) {
      const uploaded = await cloud.uploadFile({ cloudPath: `exports/${groupId}/${randomBytes(16).toString('hex')}.csv`, fileContent: Buffer.from(content, 'utf8') })
      const links = await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: EXPORT_LINK_SECONDS }] })
      return {
        url: links?.fileList[0]?.tempFileURL ?? uploaded.fileID,
        expiresAt: new Date(at.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
        location: uploaded.fileID,
      }
    },

    async deleteExports(locations) {
      // Anything else is not an export file: nothing to delete there.
      const files = [...new Set(locations.filter((id) => EXPORT_FILE_ID.test(id)))]
      const kept: string[] = []
      for (let i = 0; i < files.length; i += FILES_PER_STORAGE_CALL) {
        const fileList = files.slice(i, i + FILES_PER_STORAGE_CALL)
        const result = await cloud.deleteFile({ fileList })
        for (const file of result?.fileList ?? []) {
          if (file.status !== 0 && !ALREADY_GONE.test(file.errMsg ?? '')) {
            console.warn('[exports] deleteFile kept', file.fileID, file.status, file.errMsg)
            kept.push(file.fileID)
          }
        }
      }
      return kept
    },
  }
}
