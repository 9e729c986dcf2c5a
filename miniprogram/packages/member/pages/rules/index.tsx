/**
 * Rules page (packages/member/pages/rules/index?id=<groupId>): the group's current rules (version and date), what changed
 * since the version the member last acknowledged (added / removed / changed clauses), the acknowledge
 * button, and for admins the way to 编辑群规 (packages/admin/pages/rules), which publishes the next version.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { acknowledgeRules, getRules, type RulesView } from '../../../../../contracts/board'
import { pageUrl } from '../../../../../contracts/routes'
import { formatLocal } from '../../../../../domain/local-time'
import type { ClauseChange } from '../../../../../domain/rules'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import './index.scss'

export default function RulesPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getRules, { groupId })
  return (
    <PageShell name="rules-page">
      {state.status === 'loading' && state.first && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="rules-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <Rules view={state.data} onChanged={reload} />}
    </PageShell>
  )
}

function Rules({ view, onChanged }: { view: RulesView; onChanged: () => void }) {
  const upToDate = view.acknowledgedVersion === view.current.version
  const ack = useAction(acknowledgeRules)

  const acknowledge = async () => {
    if (await ack.run({ groupId: view.groupId, version: view.current.version })) onChanged()
  }

  return (
    <View id="rules-view">
      {view.changes.length > 0 && (
        <View id="rules-changes" className="rules-card rules-changes">
          <Text className="rules-card__title">{t('rules.changesTitle', { version: view.acknowledgedVersion ?? 0 })}</Text>
          {view.changes.map((change, index) => (
            <ChangeRow key={index} change={change} />
          ))}
        </View>
      )}
      <View id="rules-current" className="rules-card">
        <Text className="rules-card__title">{view.groupName}</Text>
        <Text id="rules-version" className="rules-card__meta">
          {t('rules.version', { version: view.current.version, date: formatLocal(view.current.publishedAt, view.timezone, 'YYYY-MM-DD') })}
        </Text>
        {view.current.clauses.map((clause, index) => (
          <View key={index} className="rules-clause">
            <Text className="rules-clause__number">{`${index + 1}.`}</Text>
            <Text className="rules-clause__text">{clause}</Text>
          </View>
        ))}
      </View>
      {upToDate ? (
        <Text id="rules-acknowledged" className="rules-status">
          {t('rules.acknowledged', { version: view.current.version })}
        </Text>
      ) : (
        <Button id="rules-acknowledge" type="primary" block onClick={acknowledge}>
          {t('rules.acknowledge', { version: view.current.version })}
        </Button>
      )}
      {ack.error !== '' && <Text className="form-error">{ack.error}</Text>}
      {view.canPublish && (
        <Button id="rules-manage" block fill="outline" className="rules-manage" onClick={() => Taro.navigateTo({ url: pageUrl('manageRules', { id: view.groupId }) })}>
          {t('rules.manage')}
        </Button>
      )}
    </View>
  )
}

function ChangeRow({ change }: { change: ClauseChange }) {
  const tag = change.kind === 'added' ? 'success' : change.kind === 'removed' ? 'danger' : 'warning'
  return (
    <View className="rules-change">
      <Tag type={tag}>
        <Text>{t(`rules.change.${change.kind}`)}</Text>
      </Tag>
      <View className="rules-change__text">
        {change.kind !== 'added' && <Text className="rules-change__before">{change.before}</Text>}
        {change.kind !== 'removed' && <Text className="rules-change__after">{change.after}</Text>}
      </View>
    </View>
  )
}
