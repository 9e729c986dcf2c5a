/**
 * The applicant's own application on the apply page: its status, when it was sent, the intro line, the
 * rejection reason and when a new application is possible; while pending, 修改 (edit) and 撤回 (withdraw).
 * See README.md.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { withdrawApplication, type MyApplicationView } from '../../../contracts/admission'
import { t } from '../../../i18n/strings'
import { useAction } from '../../hooks/use-action'
import { introLine, shortTime } from './utils'
import './index.scss'

export interface ApplicationStatusProps {
  application: MyApplicationView
  /** The group's timezone, for the submitted and reapply times. */
  timezone: string
  groupId: string
  /** The form is open for editing this application (hides 修改). */
  editing: boolean
  /** The application changed on the server (withdrawn): reload the page. */
  onChanged: () => void
  onEdit: () => void
}

export default function ApplicationStatus({ application, timezone, groupId, editing, onChanged, onEdit }: ApplicationStatusProps) {
  const withdraw = useAction(withdrawApplication)

  const onWithdraw = async () => {
    const answer = await Taro.showModal({ title: t('apply.confirmWithdraw'), content: '' })
    if (!answer.confirm) return
    if (await withdraw.run({ groupId })) onChanged()
  }

  return (
    <View id="apply-status-card" className="application-status">
      <Text id="apply-status" className="application-status__title">
        {t('apply.statusTitle', { status: t(`admission.status.${application.status}`) })}
      </Text>
      <Text className="application-status__meta">{t('apply.submittedAt', { time: shortTime(application.submittedAt, timezone) })}</Text>
      <Text className="application-status__meta">{introLine(application.intro)}</Text>
      {application.status === 'rejected' && (
        <Text id="apply-reject-reason" className="application-status__meta">
          {t('apply.rejectReason', { reason: application.rejectReason ?? t('admission.noReason') })}
        </Text>
      )}
      {application.reapplyAllowedAt && (
        <Text id="apply-reapply-after" className="application-status__meta">
          {t('apply.reapplyAfter', { time: shortTime(application.reapplyAllowedAt, timezone) })}
        </Text>
      )}
      {application.status === 'pending' && (
        <View className="application-status__actions">
          {!editing && (
            <Button id="apply-edit" size="small" onClick={onEdit}>
              {t('apply.update')}
            </Button>
          )}
          <Button id="apply-withdraw" size="small" type="danger" fill="outline" loading={withdraw.busy} onClick={onWithdraw}>
            {t('apply.withdraw')}
          </Button>
        </View>
      )}
      {withdraw.error !== '' && <Text className="application-status__error">{withdraw.error}</Text>}
    </View>
  )
}
