/**
 * Upload one check-in photo for a group and get the id the `checkin` function accepts:
 * - weapp: `Taro.cloud.uploadFile` to cloud storage under the caller's own `pathPrefix`, then the
 *   `checkin.registerPhoto` action records it (membership, path owner, daily quota) → the `cloud://…` fileID;
 * - h5: `POST /api/_upload?groupId=<id>` to the local runtime (image bytes as the body, the image type as
 *   Content-Type, the dev persona in `X-WX-OPENID`), which records it the same way → `local:<hex>.<ext>`.
 * Views show photos through the short-lived `photoUrl` they carry. The difference lives in the build's
 * transport (transport.weapp.ts / transport.h5.ts).
 *
 * @example
 *   const id = await uploadCheckinPhoto(tempFilePath, { groupId, pathPrefix: overview.photoPathPrefix })
 */
import { transport } from './transport'
import type { PhotoDestination } from './transport-types'

export function uploadCheckinPhoto(filePath: string, where: PhotoDestination): Promise<string> {
  return transport.uploadCheckinPhoto(filePath, where)
}
