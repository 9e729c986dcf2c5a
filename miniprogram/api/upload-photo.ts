/**
 * Upload one check-in photo and get the id the `checkin` function accepts:
 * - weapp: `Taro.cloud.uploadFile` to cloud storage → the `cloud://…` fileID;
 * - h5: `POST /api/_upload` to the local runtime (image bytes as the body, the image type as Content-Type,
 *   the dev persona in `X-WX-OPENID`) → `local:<hex>.<ext>`, served back under `/uploads/`.
 * The difference lives in the build's transport (transport.weapp.ts / transport.h5.ts).
 *
 * @example
 *   const id = await uploadCheckinPhoto(tempFilePath, { groupId, day })
 */
import { transport } from './transport'

export function uploadCheckinPhoto(filePath: string, where: { groupId: string; day: string }): Promise<string> {
  return transport.uploadCheckinPhoto(filePath, where)
}
