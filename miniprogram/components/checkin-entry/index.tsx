/** One check-in as members see it: heading, time, note, photo (full screen on tap), tags and the like row. See README.md. */
import { Image, Text, View } from '@tarojs/components'
import type { CheckinView, LikeSummary } from '../../../contracts/checkin'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import { previewImage } from '../../platform/preview-image'
import { likeLine, previewRequest } from './utils'
import './index.scss'

export interface CheckinEntryProps {
  entry: CheckinView
  timezone: string
  /** The author's nickname (feed); empty for one's own entry under a heading of its own (the tapped day). */
  heading: string
  idPrefix: string
  /** The latest like state the page holds, else the entry's own. */
  likes?: LikeSummary
  onLike?: () => void
  liking?: boolean
  /** Every photo beside this one (the feed's), for swiping in the full-screen preview. */
  photoUrls?: Array<string | null>
}

export default function CheckinEntry({ entry, timezone, heading, idPrefix, likes, onLike, liking, photoUrls }: CheckinEntryProps) {
  const like = likes ?? entry.likes
  const src = entry.photoUrl
  const line = like ? likeLine(like) : ''
  return (
    <View id={idPrefix} className="checkin-entry">
      <View className="checkin-entry__head">
        <Text className="checkin-entry__name">{heading}</Text>
        <Text className="checkin-entry__time">
          {formatLocal(entry.checkedInAt, timezone, 'HH:mm')}
          {entry.editedAt ? ` · ${t('checkin.edited')}` : ''}
        </Text>
      </View>
      {entry.note !== '' && <Text className="checkin-entry__note">{entry.note}</Text>}
      {src && (
        <Image
          id={`${idPrefix}-photo`}
          className="checkin-entry__photo"
          src={src}
          mode="aspectFill"
          onClick={() => previewImage(previewRequest(src, photoUrls ?? [src]))}
        />
      )}
      {(entry.taskTitle || entry.makeUp || (like && onLike)) && (
      <View className="checkin-entry__foot">
        <View className="checkin-entry__tags">
          {entry.taskTitle && <Text className="checkin-entry__tag">{entry.taskTitle}</Text>}
          {entry.makeUp && <Text className="checkin-entry__tag is-makeup">{t('checkin.makeUpTag')}</Text>}
        </View>
        {like && onLike && (
          <View
            id={`${idPrefix}-like`}
            className={`checkin-entry__like${like.mine ? ' is-liked' : ''}${liking ? ' is-busy' : ''}`}
            data-liked={like.mine ? 'yes' : 'no'}
            onClick={() => (liking ? undefined : onLike())}
          >
            <Text className="checkin-entry__like-icon">{like.mine ? '♥' : '♡'}</Text>
            <Text className="checkin-entry__like-text">{like.count > 0 ? String(like.count) : t('checkin.like')}</Text>
          </View>
        )}
      </View>
      )}
      {line !== '' && (
        <Text id={`${idPrefix}-likers`} className="checkin-entry__likers">
          {line}
        </Text>
      )}
    </View>
  )
}
