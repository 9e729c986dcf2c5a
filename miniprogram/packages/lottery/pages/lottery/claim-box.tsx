/**
 * The caller's win on the lottery page: what they won and by when to claim it, the claim form (name, phone,
 * the postal address when the prize is posted, a note) while the claim is pending, and the claim's status
 * after. Contact details go to the group's admins only and are purged when the lottery is settled.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { MAX_CONTACT_ADDRESS, MAX_CONTACT_NAME, MAX_CONTACT_NOTE, MAX_CONTACT_PHONE, claimLotteryPrize, type MyWin } from '../../../../../contracts/lottery'
import { t } from '../../../../../i18n/strings'
import FormField from '../../../../components/form-field'
import { useAction } from '../../../../hooks/use-action'
import { timeText } from '../../lottery-texts'

export interface ClaimBoxProps {
  lotteryId: string
  win: MyWin
  /** The tier's rank name (一等奖); `win.tierName` is the prize. */
  tierLabel: string
  timezone: string
  onClaimed: () => void
}

export default function ClaimBox({ lotteryId, win, tierLabel, timezone, onClaimed }: ClaimBoxProps) {
  return (
    <View id="lottery-my-win" className="lottery-box lottery-box--win">
      <Text id="lottery-won" className="lottery-box__title">
        {t('lotteryClaim.won', { tier: tierLabel, prize: win.tierName })}
      </Text>
      {win.status === 'pending' && <ClaimForm lotteryId={lotteryId} win={win} timezone={timezone} onClaimed={onClaimed} />}
      {win.status === 'claimed' && (
        <Text id="lottery-claimed" className="lottery-line lottery-line--ok">
          {t('lotteryClaim.claimed', { time: timeText(win.claimedAt ?? win.claimDeadline, timezone) })}
        </Text>
      )}
      {win.status === 'unclaimed' && (
        <Text id="lottery-unclaimed" className="lottery-line lottery-line--warn">
          {t('lotteryClaim.unclaimed', { time: timeText(win.claimDeadline, timezone) })}
        </Text>
      )}
    </View>
  )
}

function ClaimForm({ lotteryId, win, timezone, onClaimed }: Omit<ClaimBoxProps, 'tierLabel'>) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [address, setAddress] = useState('')
  const [note, setNote] = useState('')
  const claim = useAction(claimLotteryPrize)
  const submit = async () => {
    const claimed = await claim.run({ lotteryId, name, phone, address, note })
    if (!claimed) return
    Taro.showToast({ title: t('lottery.claimStatus.claimed'), icon: 'success' })
    onClaimed()
  }
  return (
    <View id="lottery-claim-form">
      <Text id="lottery-claim-deadline" className="lottery-line lottery-line--warn">
        {t('lotteryClaim.deadline', { time: timeText(win.claimDeadline, timezone) })}
      </Text>
      <FormField id="claim-name" label={t('lotteryClaim.name')} value={name} maxLength={MAX_CONTACT_NAME} error={claim.fields.name} onInput={setName} />
      <FormField id="claim-phone" label={t('lotteryClaim.phone')} value={phone} maxLength={MAX_CONTACT_PHONE} error={claim.fields.phone} onInput={setPhone} />
      {win.needsAddress && (
        <FormField id="claim-address" label={t('lotteryClaim.address')} multiline value={address} maxLength={MAX_CONTACT_ADDRESS} error={claim.fields.address} onInput={setAddress} />
      )}
      <FormField id="claim-note" label={t('lotteryClaim.note')} value={note} maxLength={MAX_CONTACT_NOTE} error={claim.fields.note} onInput={setNote} />
      <Text className="lottery-meta lottery-claim__privacy">{t('lotteryClaim.privacy')}</Text>
      {claim.error !== '' && (
        <Text id="claim-error" className="lottery-error">
          {claim.error}
        </Text>
      )}
      <Button id="claim-submit" type="primary" block loading={claim.busy} onClick={submit}>
        {t('lotteryClaim.submit')}
      </Button>
    </View>
  )
}
