/**
 * Exports in the local runtime: kept in this process's memory for an hour, fetched through a signed link
 * `/exports/<name>?exp=&sig=` (HMAC under a secret drawn at start, as the photo links) that the local runtime
 * serves as a CSV download (`local-runtime/server.ts`). Only the admin who asked gets the link.
 *
 * Memory stays bounded: every save and read first forgets the files whose link has expired, at most
 * `MAX_KEPT` files are kept (the oldest goes first), and the `photoCleanup` function's export trigger deletes
 * recorded files as it does in WeChat.
 *
 * @example
 *   const saved = await localExportStorage.saveExport({ groupId: 'g1', fileName: '成员.csv', content, at: new Date() })
 *   readLocalExport('0123….csv', exp, sig, new Date())   // { fileName, content } or null
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { EXPORT_LINK_SECONDS } from '../domain/exports'
import type { ExportStorage } from '../usecases/ports/exports'

export const EXPORT_NAME_PATTERN = /^[a-f0-9]{32}\.csv$/
export const MAX_KEPT = 200

const SECRET = randomBytes(32)
const files = new Map<string, { fileName: string; content: string; expiresAt: number }>()

function signature(name: string, exp: number): string {
  return createHmac('sha256', SECRET).update(`export:${name}:${exp}`).digest('hex')
}

/** Forget every file whose link expired before `now` (ms). */
function forgetExpired(now: number): void {
  for (const [key, file] of files) if (file.expiresAt < now) files.delete(key)
}

export const localExportStorage: ExportStorage = {
  async saveExport({ fileName, content, at }) {
    const now = at.getTime()
    forgetExpired(now)
    while (files.size >= MAX_KEPT) files.delete(files.keys().next().value as string)
    const name = `${randomBytes(16).toString('hex')}.csv`
    const exp = Math.floor(now / 1000) + EXPORT_LINK_SECONDS
    files.set(name, { fileName, content, expiresAt: exp * 1000 })
    return { url: `/exports/${name}?exp=${exp}&sig=${signature(name, exp)}`, expiresAt: new Date(exp * 1000).toISOString(), location: name }
  },

  async deleteExports(locations) {
    for (const name of locations) files.delete(name)
    return []
  },
}

/** The export behind a signed link, or null (unknown, expired, or a bad signature). */
export function readLocalExport(name: string, exp: string | null, sig: string | null, at: Date): { fileName: string; content: string } | null {
  forgetExpired(at.getTime())
  if (!EXPORT_NAME_PATTERN.test(name) || !exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[a-f0-9]{64}$/.test(sig)) return null
  if (Number(exp) * 1000 < at.getTime()) return null
  if (!timingSafeEqual(Buffer.from(signature(name, Number(exp)), 'hex'), Buffer.from(sig, 'hex'))) return null
  const file = files.get(name)
  return file ? { fileName: file.fileName, content: file.content } : null
}

/** How many export files this process holds in memory (what the tests watch for growth). */
export function localExportCount(): number {
  return files.size
}
