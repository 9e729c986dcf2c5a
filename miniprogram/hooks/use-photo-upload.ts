/**
 * Pick one image and upload it as a group's owned photo (api/upload-photo.ts): the busy flag, the Chinese error,
 * and a cancelled pick that is no error. Check-in photos, prize pictures and the join guide's QR codes all
 * upload this way.
 *
 * @example
 *   const upload = usePhotoUpload({ groupId, pathPrefix }, { sizeType: 'compressed', failedText: t('checkin.photoFailed') })
 *   const picked = await upload.pick()   // { photoId, path } or null (cancelled, or failed: see upload.error)
 */
import { useState } from 'react'
import { ApiError } from '../api/client'
import type { PhotoDestination } from '../api/transport-types'
import { uploadCheckinPhoto } from '../api/upload-photo'
import { chooseImage, type ChooseImageRequest } from '../platform/choose-image'

export interface PhotoUploadOptions {
  sizeType: ChooseImageRequest['sizeType']
  /** Shown when the upload fails without a message of the server's own. */
  failedText: string
}

export interface PickedPhoto {
  /** The id the actions accept. */
  photoId: string
  /** The local path, to show the picked image at once. */
  path: string
}

export function usePhotoUpload(where: PhotoDestination, { sizeType, failedText }: PhotoUploadOptions) {
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState('')

  const pick = async (): Promise<PickedPhoto | null> => {
    setError('')
    let path: string
    try {
      path = await chooseImage({ sizeType })
    } catch {
      return null // cancelled
    }
    setUploading(true)
    try {
      return { photoId: await uploadCheckinPhoto(path, where), path }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : failedText)
      return null
    } finally {
      setUploading(false)
    }
  }

  return { pick, uploading, error }
}
