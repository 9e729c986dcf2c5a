/**
 * Join-guide page (packages/admin/pages/join-guide/index?id=<groupId>), admins: how approved members get
 * into the WeChat group — the group's QR (its expiry shown; expired ones are never shown to members), an
 * admin's personal QR, written instructions — and who was approved N days ago but has not said 「我已入群」.
 * Images upload like check-in photos (api/upload-photo.ts) and are claimed when the guide is saved.
 */
import { useState } from 'react'
import { Image, Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import {
  getJoinGuideSettings,
  listNotJoined,
  updateJoinGuide,
  type JoinGuideSettingsView,
} from '../../../../../contracts/admission'
import { formatLocal, shiftDay } from '../../../../../domain/days'
import { DEFAULT_NOT_JOINED_DAYS, JOIN_QR_VALID_DAYS, MAX_JOIN_INSTRUCTIONS } from '../../../../../domain/join-guide'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { usePhotoUpload } from '../../../../hooks/use-photo-upload'
import './index.scss'

export default function JoinGuidePage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getJoinGuideSettings, { groupId })
  return (
    <PageShell name="join-guide-page">
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="join-guide-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="join-guide-view">
          <GuideForm groupId={groupId} settings={state.data} />
          <NotJoined groupId={groupId} />
        </View>
      )}
    </PageShell>
  )
}

interface Slot {
  photoId: string | null
  url: string | null
}

function GuideForm({ groupId, settings }: { groupId: string; settings: JoinGuideSettingsView }) {
  const [view, setView] = useState(settings)
  const [groupQr, setGroupQr] = useState<Slot>({ photoId: settings.groupQr?.photoId ?? null, url: settings.groupQr?.url ?? null })
  const [personalQr, setPersonalQr] = useState<Slot>({ photoId: settings.personalQr?.photoId ?? null, url: settings.personalQr?.url ?? null })
  const [instructions, setInstructions] = useState(settings.instructions)
  // For a new group QR: the day WeChat generated it (its 7 days count from then).
  const today = settings.today
  const [generatedOn, setGeneratedOn] = useState(today)
  const [saved, setSaved] = useState(false)
  const save = useAction(updateJoinGuide)

  const onSave = async () => {
    setSaved(false)
    const newQr = groupQr.photoId !== null && groupQr.photoId !== view.groupQr?.photoId
    const next = await save.run({ groupId, groupQrPhotoId: groupQr.photoId, personalQrPhotoId: personalQr.photoId, instructions, ...(newQr ? { groupQrGeneratedOn: generatedOn } : {}) })
    if (next) {
      setView(next)
      setSaved(true)
    }
  }

  const qrUnchanged = groupQr.photoId !== null && groupQr.photoId === view.groupQr?.photoId
  return (
    <View className="join-guide-section">
      <Text className="join-guide-section__title">{t('joinGuide.settings.groupQr')}</Text>
      <Text className="join-guide-section__hint">{t('joinGuide.settings.groupQrHint')}</Text>
      {qrUnchanged && view.groupQr && (
        <Text id="join-guide-expiry" className={view.groupQr.expired ? 'join-guide-section__warn' : 'join-guide-section__hint'}>
          {view.groupQr.expired ? t('joinGuide.settings.expired') : t('joinGuide.settings.expiresAt', { time: formatLocal(view.groupQr.expiresAt, view.timezone) })}
        </Text>
      )}
      <ImageSlot id="join-guide-group-qr" groupId={groupId} pathPrefix={view.photoPathPrefix} slot={groupQr} onChange={setGroupQr} />
      {groupQr.photoId !== null && !qrUnchanged && (
        <Picker mode="date" value={generatedOn} start={shiftDay(today, 1 - JOIN_QR_VALID_DAYS)} end={today} onChange={(e) => setGeneratedOn(String(e.detail.value))}>
          <Text id="join-guide-generated-on" className="join-guide-picker">
            {t('joinGuide.settings.generatedOn', { day: generatedOn })}
          </Text>
        </Picker>
      )}
      {save.fields.groupQrGeneratedOn && <Text className="join-guide-section__warn">{save.fields.groupQrGeneratedOn}</Text>}

      <Text className="join-guide-section__title">{t('joinGuide.settings.personalQr')}</Text>
      <ImageSlot id="join-guide-personal-qr" groupId={groupId} pathPrefix={view.photoPathPrefix} slot={personalQr} onChange={setPersonalQr} />

      <FormField
        id="join-guide-instructions"
        label={t('joinGuide.settings.instructions')}
        value={instructions}
        maxLength={MAX_JOIN_INSTRUCTIONS}
        multiline
        error={save.fields.instructions}
        onInput={setInstructions}
      />
      <Button id="join-guide-save" type="primary" block loading={save.busy} onClick={onSave}>
        {t('settings.save')}
      </Button>
      {save.error !== '' && (
        <Text id="join-guide-save-error" className="join-guide-section__warn">
          {save.error}
        </Text>
      )}
      {saved && (
        <Text id="join-guide-saved" className="join-guide-section__hint">
          {t('settings.saved')}
        </Text>
      )}
    </View>
  )
}

function ImageSlot({ id, groupId, pathPrefix, slot, onChange }: { id: string; groupId: string; pathPrefix: string; slot: Slot; onChange: (slot: Slot) => void }) {
  const upload = usePhotoUpload({ groupId, pathPrefix }, { sizeType: 'original', failedText: t('joinGuide.settings.uploadFailed') })
  const { uploading, error } = upload
  const pick = async () => {
    const picked = await upload.pick()
    if (picked) onChange({ photoId: picked.photoId, url: picked.path })
  }
  return (
    <View id={id} className="join-guide-slot">
      {slot.url && <Image id={`${id}-image`} className="join-guide-slot__image" src={slot.url} mode="aspectFit" />}
      <View className="join-guide-slot__actions">
        <Button id={`${id}-upload`} size="small" fill="outline" loading={uploading} onClick={pick}>
          {uploading ? t('joinGuide.settings.uploading') : slot.photoId ? t('joinGuide.settings.replace') : t('joinGuide.settings.upload')}
        </Button>
        {slot.photoId && (
          <Button id={`${id}-remove`} size="small" fill="none" onClick={() => onChange({ photoId: null, url: null })}>
            {t('joinGuide.settings.remove')}
          </Button>
        )}
      </View>
      {error !== '' && <Text className="join-guide-section__warn">{error}</Text>}
    </View>
  )
}

const DAY_CHOICES = [1, DEFAULT_NOT_JOINED_DAYS, 7]

function NotJoined({ groupId }: { groupId: string }) {
  const [days, setDays] = useState(DEFAULT_NOT_JOINED_DAYS)
  const { state } = usePageData(listNotJoined, { groupId, days })
  return (
    <View id="join-guide-not-joined" className="join-guide-section">
      <Text className="join-guide-section__title">{t('joinGuide.notJoined.title', { days })}</Text>
      <View className="join-guide-slot__actions">
        {DAY_CHOICES.map((choice) => (
          <Button key={choice} id={`join-guide-days-${choice}`} size="small" type={choice === days ? 'primary' : 'default'} onClick={() => setDays(choice)}>
            {t('joinGuide.notJoined.days', { days: choice })}
          </Button>
        ))}
      </View>
      {state.status === 'ready' && state.data.items.length === 0 && (
        <Text id="join-guide-not-joined-empty" className="join-guide-section__hint">
          {t('joinGuide.notJoined.empty', { days })}
        </Text>
      )}
      {state.status === 'ready' &&
        state.data.items.map((member) => (
          <View key={member.key} className="join-guide-row">
            <Text className="join-guide-row__name">{member.nickname}</Text>
            <Text className="join-guide-section__hint">{t('joinGuide.notJoined.row', { time: formatLocal(member.approvedAt, state.data.timezone) })}</Text>
          </View>
        ))}
    </View>
  )
}
