/**
 * Exports in WeChat: the CSV is uploaded to cloud storage at `exports/<groupId>/<random>.csv`
 * (`cloud.uploadFile`) and the admin gets a temp link to open or copy (`cloud.getTempFileURL` with a one-hour
 * `maxAge`). The storage's own rules keep the folder private; only the link opens it.
 *
 * @example
 *   const exports = createCloudbaseExportStorage(cloud)
 */
import { randomBytes } from 'node:crypto'
import type { ExportStorage } from '../usecases/ports/exports'

export const CLOUD_EXPORT_TTL_SECONDS = 60 * 60

export interface CloudStorageForExports {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }> | void
}

export function createCloudbaseExportStorage(cloud: CloudStorageForExports): ExportStorage {
  return {
    async saveExport({ groupId, content, at }) {
      const uploaded = await cloud.uploadFile({ cloudPath: `exports/${groupId}/${randomBytes(16).toString('hex')}.csv`, fileContent: Buffer.from(content, 'utf8') })
      const links = await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: CLOUD_EXPORT_TTL_SECONDS }] })
      return { url: links?.fileList[0]?.tempFileURL ?? uploaded.fileID, expiresAt: new Date(at.getTime() + CLOUD_EXPORT_TTL_SECONDS * 1000).toISOString() }
    },
  }
}
