/**
 * How a member gets into the WeChat group: the nickname to use there, the group QR (while valid, with its
 * expiry), an admin's personal QR, the instructions, and 「我已入群」 (or when they said so). See README.md.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { JoinGuideView } from '../../../contracts/admission'
import { formatLocal } from '../../../domain/local-time'
import { t } from '../../../i18n/strings'
import { CONFIRM_JOINED } from '../../api/main-actions'
import { useAction } from '../../hooks/use-action'
import { previewImage } from '../../platform/preview-image'
import AppButton from '../app-button'
import { joinWays } from './utils'
import './index.scss'

export interface JoinGuideProps {
  groupId: string
  view: JoinGuideView
}

export default function JoinGuide({ groupId, view: initial }: JoinGuideProps) {
  const [view, setView] = useState(initial)
  const confirm = useAction(CONFIRM_JOINED)
  const ways = joinWays(view)
  const preview = (url: string) => previewImage({ current: url, urls: [url] })

  const onConfirm = async () => {
    const next = await confirm.run({ groupId })
    if (next) setView(next)
  }

  return (
    <View id="join-guide" className="join-guide">
      <Text className="join-guide__title">{t('joinGuide.title')}</Text>
      <Text id="join-guide-nickname" className="join-guide__nickname">
        {t('joinGuide.nickname', { nickname: view.nickname })}
      </Text>
      {ways.length === 0 && (
        <Text id="join-guide-none" className="join-guide__meta">
          {t('joinGuide.none')}
        </Text>
      )}
      {view.groupQrUrl && (
        <View id="join-guide-group-qr" className="join-guide__way">
          <Text className="join-guide__meta">{t('joinGuide.groupQr', { time: formatLocal(view.groupQrExpiresAt!, view.timezone) })}</Text>
          <Image id="join-guide-group-qr-image" className="join-guide__qr" src={view.groupQrUrl} mode="aspectFit" showMenuByLongpress onClick={() => preview(view.groupQrUrl!)} />
        </View>
      )}
      {view.personalQrUrl && (
        <View id="join-guide-personal-qr" className="join-guide__way">
          <Text className="join-guide__meta">{t('joinGuide.personalQr')}</Text>
          <Image id="join-guide-personal-qr-image" className="join-guide__qr" src={view.personalQrUrl} mode="aspectFit" showMenuByLongpress onClick={() => preview(view.personalQrUrl!)} />
        </View>
      )}
      {view.instructions.trim() !== '' && (
        <View className="join-guide__way">
          <Text className="join-guide__meta">{t('joinGuide.instructions')}</Text>
          <Text id="join-guide-instructions" className="join-guide__text">
            {view.instructions}
          </Text>
        </View>
      )}
      {view.joinedAt ? (
        <Text id="join-guide-joined" className="join-guide__joined">
          {t('joinGuide.joined', { time: formatLocal(view.joinedAt, view.timezone) })}
        </Text>
      ) : (
        ways.length > 0 && (
          <View className="join-guide__confirm">
            <AppButton id="join-guide-confirm" type="primary" block loading={confirm.busy} onClick={onConfirm}>
              {t('joinGuide.confirm')}
            </AppButton>
          </View>
        )
      )}
      {confirm.error !== '' && <Text className="join-guide__error">{confirm.error}</Text>}
    </View>
  )
}
