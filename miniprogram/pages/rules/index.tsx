/**
 * Rules page (pages/rules/index?id=<groupId>): the group's current rules (version and date), what changed
 * since the version the member last acknowledged (added / removed / changed clauses), the acknowledge
 * button, and for admins an editor that publishes the next version.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { MAX_CLAUSE_LENGTH, MAX_CLAUSES, acknowledgeRules, getRules, publishRules, type RulesView } from '../../../contracts/board'
import { formatLocal } from '../../../domain/local-time'
import type { ClauseChange } from '../../../domain/rules'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import FormField from '../../components/form-field'
import { listTextLimit } from '../../components/form-field/utils'
import PageShell from '../../components/page-shell'
import { useAction } from '../../hooks/use-action'
import { useRequestId } from '../../hooks/request-id'
import { usePageData } from '../../hooks/use-page-data'
import './index.scss'

/** The editor holds up to MAX_CLAUSES clauses, one per line. */
const RULES_TEXT_MAX = listTextLimit(MAX_CLAUSES, MAX_CLAUSE_LENGTH)

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
      {view.canPublish && <RulesEditor view={view} onPublished={onChanged} />}
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

function RulesEditor({ view, onPublished }: { view: RulesView; onPublished: () => void }) {
  const [text, setText] = useState(view.current.clauses.join('\n'))
  const publishIt = useAction(publishRules)
  // One id per opened editor, the same on every retry: a retried publish answers the version it made.
  const request = useRequestId()
  const publish = async () => {
    const published = await publishIt.run({ groupId: view.groupId, clauses: text.split('\n'), requestId: request.id })
    if (!published) return
    request.renew()
    Taro.showToast({ title: t('rules.published', { version: published.version }), icon: 'none' })
    onPublished()
  }
  return (
    <View id="rules-editor" className="rules-card">
      <Text className="rules-card__title">{t('rules.edit')}</Text>
      <Text className="rules-card__meta">{t('rules.editHint')}</Text>
      <FormField id="rules-editor-text" multiline controlClassName="rules-editor__text" value={text} maxLength={RULES_TEXT_MAX} onInput={setText} />
      {publishIt.error !== '' && <Text id="rules-editor-error" className="form-error">{publishIt.error}</Text>}
      <Button id="rules-publish" type="primary" block loading={publishIt.busy} onClick={publish}>
        {t('rules.publish')}
      </Button>
    </View>
  )
}
