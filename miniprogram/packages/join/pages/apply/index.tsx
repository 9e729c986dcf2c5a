/**
 * Apply page (packages/join/pages/apply/index?scene=<inviteId> | ?id=<groupId>): the group's card, then — by where the
 * visitor stands — "already a member", their application's status (components/application-status), and
 * the application form (application-form.tsx) when they may apply or are editing a pending application.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { getApplyPage, type ApplyPageView } from '../../../../../contracts/admission'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import { isOpen } from '../../../../../domain/admission'
import ApplicationStatus from '../../../../components/application-status'
import { mustWaitToReapply } from '../../../../components/application-status/utils'
import ErrorState from '../../../../components/error-state'
import JoinGuide from '../../../../components/join-guide'
import PageShell from '../../../../components/page-shell'
import { usePageData } from '../../../../hooks/use-page-data'
import ApplicationForm from './application-form'
import { applyPageInput } from './utils'
import './index.scss'

export default function ApplyPage() {
  const input = applyPageInput(useRouter().params)
  const { state, reload } = usePageData(getApplyPage, input)

  return (
    <PageShell name="apply-page">
      {input === null && <ErrorState id="apply-error" message={t('admission.validate.applyLink')} onRetry={reload} />}
      {input !== null && state.status === 'loading' && <Skeleton rows={8} animated />}
      {input !== null && state.status === 'error' && <ErrorState id="apply-error" message={state.error.message} onRetry={reload} />}
      {input !== null && state.status === 'ready' && <ApplyView view={state.data} onChanged={reload} />}
    </PageShell>
  )
}

function ApplyView({ view, onChanged }: { view: ApplyPageView; onChanged: () => void }) {
  const { group, myApplication } = view
  const [editing, setEditing] = useState(false)
  const isMember = group.viewerRole !== null
  const showForm = !isMember && !mustWaitToReapply(myApplication, new Date()) && (!(myApplication && isOpen(myApplication.status)) || editing)

  return (
    <View id="apply-view">
      <View className="apply-card">
        <Text id="apply-group-name" className="apply-card__name">
          {group.name}
        </Text>
        <View className="apply-card__tags">
          <Tag type="primary">{group.topic}</Tag>
          <Tag type={group.seatsLeft > 0 ? 'success' : 'danger'}>
            <Text id="apply-seats">{group.seatsLeft > 0 ? t('group.seatsLeft', { count: group.seatsLeft }) : t('group.full')}</Text>
          </Tag>
        </View>
        <Text className="apply-card__intro">{group.intro}</Text>
        <Text id="apply-member-count" className="apply-card__meta">
          {`${t('group.members', { count: group.memberCount })} · ${t('group.capacity', { capacity: group.capacity })}`}
        </Text>
        {view.inviterName && (
          <Text id="apply-inviter" className="apply-card__meta">
            {t('apply.invitedBy', { name: view.inviterName })}
          </Text>
        )}
      </View>

      {isMember && (
        <View id="apply-member" className="apply-section">
          <Text className="apply-section__title">{t('apply.alreadyMember')}</Text>
          {view.joinGuide && <JoinGuide groupId={group.id} view={view.joinGuide} />}
          <Button id="apply-open-group" type="primary" block onClick={() => Taro.redirectTo({ url: pageUrl('group', { id: group.id }) })}>
            {t('apply.openGroup')}
          </Button>
        </View>
      )}

      {!isMember && myApplication && (
        <ApplicationStatus application={myApplication} timezone={view.timezone} groupId={group.id} onChanged={onChanged} onEdit={() => setEditing(true)} editing={editing} />
      )}

      {!isMember && group.seatsLeft === 0 && (
        <Text id="apply-full" className="apply-notice">
          {t('apply.fullNotice')}
        </Text>
      )}

      {showForm && (
        <ApplicationForm
          view={view}
          onSubmitted={() => {
            setEditing(false)
            onChanged()
          }}
        />
      )}
    </View>
  )
}
