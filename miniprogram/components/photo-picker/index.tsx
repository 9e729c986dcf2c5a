/**
 * Pick one photo for a check-in and upload it (hooks/use-photo-upload.ts): shows the picked photo with a remove
 * button, or an "add photo" button; reports the uploaded id (or null) through `onChange`.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { t } from '../../../i18n/strings'
import { usePhotoUpload } from '../../hooks/use-photo-upload'
import './index.scss'

export interface PhotoPickerProps {
  groupId: string
  /** The viewer's own cloud path prefix for today (the overview's `photoPathPrefix`). */
  pathPrefix: string
  value: string | null
  onChange: (photoFileId: string | null) => void
  /** Prefix of the ids (`<idPrefix>-picker`, `-add`, `-remove`); default `photo`, so several pickers fit on one page. */
  idPrefix?: string
  /** The add button's text; default 「添加照片」. */
  addLabel?: string
}

export default function PhotoPicker({ groupId, pathPrefix, value, onChange, idPrefix = 'photo', addLabel }: PhotoPickerProps) {
  const [preview, setPreview] = useState<string | null>(null)
  const upload = usePhotoUpload({ groupId, pathPrefix }, { sizeType: 'compressed', failedText: t('checkin.photoFailed') })
  const { uploading, error } = upload

  const pick = async () => {
    const picked = await upload.pick()
    if (!picked) return
    setPreview(picked.path)
    onChange(picked.photoId)
  }

  return (
    <View id={`${idPrefix}-picker`} className="photo-picker">
      {value && preview ? (
        <View className="photo-picker__picked">
          <Image className="photo-picker__image" src={preview} mode="aspectFill" />
          <Button id={`${idPrefix}-remove`} size="small" fill="none" onClick={() => onChange(null)}>
            {t('checkin.photoRemove')}
          </Button>
        </View>
      ) : (
        <Button id={`${idPrefix}-add`} size="small" fill="outline" loading={uploading} onClick={pick}>
          {uploading ? t('checkin.photoUploading') : addLabel ?? t('checkin.photo')}
        </Button>
      )}
      {error !== '' && <Text className="photo-picker__error">{error}</Text>}
    </View>
  )
}
