/**
 * A pending application as a review card: intro, answers, inviter, masked phone, applied time, and the
 * select / approve / reject controls. See README.md.
 */
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { ApplicationCard as Card } from '../../../contracts/admission'
import { formatLocal } from '../../../domain/local-time'
import { formatNickname } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import './index.scss'

export interface ApplicationCardProps {
  card: Card
  /** The group's timezone (the review queue's), for the applied time. */
  timezone: string
  index: number
  selected: boolean
  busy: boolean
  onToggle: () => void
  onApprove: () => void
  onReject: () => void
  /** The full number once the admin asked for it (detail view), else undefined. */
  fullPhone?: string | null
  onRevealPhone: () => void
}

export default function ApplicationCard({ card, timezone, index, selected, busy, onToggle, onApprove, onReject, fullPhone, onRevealPhone }: ApplicationCardProps) {
  return (
    <View id={`application-${index}`} className={selected ? 'application-card is-selected' : 'application-card'}>
      <View className="application-card__header">
        <View id={`select-${index}`} className="application-card__select" onClick={onToggle}>
          <Text className="application-card__box">{selected ? '✓' : ''}</Text>
        </View>
        <Text className="application-card__name">{formatNickname(card.intro)}</Text>
        {card.round > 1 && <Tag type="warning">{t('review.round', { round: card.round })}</Tag>}
      </View>
      {card.intro.about !== '' && <Text className="application-card__about">{card.intro.about}</Text>}
      {card.answers.map((answer) => (
        <View key={answer.questionId} className="application-card__answer">
          <Text className="application-card__question">{answer.label}</Text>
          <Text>{answer.answer}</Text>
        </View>
      ))}
      <Text className="application-card__meta">
        {[
          card.inviterName ? t('review.inviter', { name: card.inviterName }) : t('review.noInviter'),
          card.phoneMasked ? t('review.phone', { phone: fullPhone ?? card.phoneMasked }) : '',
          t('review.appliedAt', { time: formatLocal(card.submittedAt, timezone) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <View className="application-card__actions">
        {card.phoneMasked && !fullPhone && (
          <Button id={`phone-${index}`} size="small" fill="none" onClick={onRevealPhone}>
            {t('review.showPhone')}
          </Button>
        )}
        <Button id={`reject-${index}`} size="small" type="danger" fill="outline" disabled={busy} onClick={onReject}>
          {t('review.reject')}
        </Button>
        <Button id={`approve-${index}`} size="small" type="primary" disabled={busy} onClick={onApprove}>
          {t('review.approve')}
        </Button>
      </View>
    </View>
  )
}
