/**
 * H5 build transport (picked by Taro for `./transport`): the local runtime over HTTP (the browser's fetch). In dev mode the
 * chosen persona's OPENID travels in `X-WX-OPENID`; photos are POSTed as raw bytes to
 * `/api/_upload?groupId=<id>` (recorded as the persona's upload for that group) and come back as
 * `local:<hex>.<ext>`; views carry signed `/photos/…` links to show them.
 */
import { t } from '../../i18n/strings'
import { ApiError } from './api-error'
import { currentPersonaOpenid } from './dev-session'
import type { Transport } from './transport-types'

async function identityHeader(): Promise<Record<string, string>> {
  const openid = await currentPersonaOpenid()
  return openid ? { 'X-WX-OPENID': openid } : {}
}

export const transport: Transport = {
  async send(fn, event) {
    // The browser's own fetch: Taro.request would add its fetch/jsonp polyfills to every page's bundle.
    // Errors come back as JSON ActionResults too; a body that is not JSON rejects, which the client reports as a network error.
    const headers = { 'Content-Type': 'application/json', ...(await identityHeader()) }
    const response = await fetch(`/api/${fn}`, { method: 'POST', body: JSON.stringify(event), headers })
    return (await response.json()) as unknown
  },

  async uploadCheckinPhoto(filePath, where) {
    const blob = await (await fetch(filePath)).blob()
    const headers = { 'Content-Type': blob.type || 'application/octet-stream', ...(await identityHeader()) }
    const response = await fetch(`/api/_upload?groupId=${encodeURIComponent(where.groupId)}`, { method: 'POST', body: blob, headers })
    const body = (await response.json().catch(() => null)) as { ok?: boolean; data?: { id?: string }; error?: { message?: string } } | null
    if (body?.ok && body.data?.id) return body.data.id
    throw new ApiError('INVALID_INPUT', body?.error?.message ?? t('checkin.photoFailed'))
  },
}
