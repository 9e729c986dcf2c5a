/**
 * Invite page (packages/member/pages/invite/index?id=<groupId>): the caller's invite code for the group — a mini program
 * code in WeChat (opens the apply page with the invite as its scene), a QR code of the H5 apply link
 * locally — so whoever scans it is recorded as invited by the caller. Members see it when the group allows
 * member invites; the function refuses otherwise. Tapping the code opens it full screen (platform/preview-image).
 */
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { getInviteCode } from '../../../../../contracts/admission'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import { usePageData } from '../../../../hooks/use-page-data'
import { previewImage } from '../../../../platform/preview-image'
import './index.scss'

export default function InvitePage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getInviteCode, { groupId })

  return (
    <PageShell name="invite-page">
      {state.status === 'loading' && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="invite-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="invite-card" className="invite-card">
          <Image id="invite-image" className="invite-card__image" src={state.data.imageUrl} mode="aspectFit" showMenuByLongpress onClick={() => previewImage({ urls: [state.data.imageUrl] })} />
          <Text className="invite-card__hint">{t('invite.hint')}</Text>
          {state.data.link && (
            <View className="invite-card__link">
              <Text className="invite-card__label">{t('invite.link')}</Text>
              <Text id="invite-link" userSelect>
                {state.data.link}
              </Text>
            </View>
          )}
          {process.env.TARO_ENV === 'weapp' && (
            <Button id="invite-save" type="primary" block onClick={() => previewImage({ urls: [state.data.imageUrl] })}>
              {t('invite.save')}
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
